// Hand-rolled SVG chart for bench/kernels-gemm (no dependencies): one panel per element type,
// GFLOP/s (linear) against n (log2), one line per implementation.

const COLORS = ['#d62728', '#ff7f0e', '#1f77b4', '#17becf', '#2ca02c', '#7f7f7f'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * panels: [{ title, series: [{ name, points: [[n, gflops]], dashed? }] }] → SVG string.
 */
export function gflopsChartSvg(panels, { width = 460, height = 320, title = '' } = {}) {
  const pad = { l: 52, r: 12, t: 30, b: 40 };
  const legendH = 18 * Math.ceil(Math.max(...panels.map((p) => p.series.length)) / 2);
  const W = width * panels.length;
  const H = height + legendH + 30;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11" role="img">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${esc(title)}</text>`,
  ];
  panels.forEach((panel, pi) => {
    const x0 = pi * width + pad.l;
    const y0 = 20 + pad.t;
    const pw = width - pad.l - pad.r;
    const ph = height - pad.t - pad.b;
    const xs = panel.series.flatMap((s) => s.points.map((p) => p[0]));
    const ys = panel.series.flatMap((s) => s.points.map((p) => p[1]));
    const [xlo, xhi] = [Math.min(...xs), Math.max(...xs)];
    const yhi = Math.max(...ys) * 1.08;
    const X = (v) =>
      x0 + ((Math.log2(v) - Math.log2(xlo)) / Math.max(1e-9, Math.log2(xhi) - Math.log2(xlo))) * pw;
    const Y = (v) => y0 + ph - (v / yhi) * ph;
    out.push(
      `<text x="${x0 + pw / 2}" y="${y0 - 8}" text-anchor="middle" font-weight="bold">${esc(panel.title)}</text>`,
    );
    out.push(`<rect x="${x0}" y="${y0}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
    const step = yhi > 150 ? 50 : yhi > 60 ? 20 : 10;
    for (let v = 0; v <= yhi; v += step) {
      out.push(`<line x1="${x0}" x2="${x0 + pw}" y1="${Y(v)}" y2="${Y(v)}" stroke="#eee"/>`);
      out.push(`<text x="${x0 - 4}" y="${Y(v) + 4}" text-anchor="end">${v}</text>`);
    }
    for (let v = xlo; v <= xhi; v *= 2) {
      out.push(`<text x="${X(v)}" y="${y0 + ph + 14}" text-anchor="middle">${v}</text>`);
    }
    out.push(`<text x="${x0 + pw / 2}" y="${y0 + ph + 30}" text-anchor="middle">n (square matrices)</text>`);
    out.push(
      `<text transform="translate(${x0 - 38},${y0 + ph / 2}) rotate(-90)" text-anchor="middle">GFLOP/s</text>`,
    );
    panel.series.forEach((s, si) => {
      const color = COLORS[si % COLORS.length];
      const pts = s.points.map(([x, y]) => `${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join(' ');
      out.push(
        `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="${s.bold ? 2.5 : 1.5}"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`,
      );
      for (const [x, y] of s.points)
        out.push(`<circle cx="${X(x).toFixed(1)}" cy="${Y(y).toFixed(1)}" r="2.5" fill="${color}"/>`);
      const lx = pi * width + pad.l + (si % 2) * (pw / 2);
      const ly = y0 + ph + 46 + Math.floor(si / 2) * 18;
      out.push(
        `<line x1="${lx}" x2="${lx + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`,
      );
      out.push(`<text x="${lx + 22}" y="${ly}">${esc(s.name)}</text>`);
    });
  });
  out.push('</svg>');
  return out.join('\n');
}
