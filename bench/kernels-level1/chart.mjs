// Hand-rolled SVG bar chart for bench/kernels-level1 (no dependencies): one panel per
// (dtype, threads), one group of bars per kernel, one bar per implementation, plus a dashed
// horizontal line at the measured STREAM triad bandwidth.

const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#7f7f7f', '#9467bd'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * panels: [{ title, groups: [name], series: [{ name, values: [GB/s per group] }], stream }]
 * → SVG string.
 */
export function bandwidthChartSvg(panels, { title = '', width = 430, height = 280 } = {}) {
  const pad = { l: 46, r: 10, t: 28, b: 26 };
  const names = panels[0]?.series.map((s) => s.name) ?? [];
  const legendH = 20;
  const cols = Math.min(2, panels.length);
  const rows = Math.ceil(panels.length / cols);
  const W = width * cols;
  const H = 24 + rows * height + legendH + 8;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${esc(title)}</text>`,
  ];
  panels.forEach((p, pi) => {
    const x0 = (pi % cols) * width + pad.l;
    const y0 = 24 + Math.floor(pi / cols) * height + pad.t;
    const pw = width - pad.l - pad.r;
    const ph = height - pad.t - pad.b;
    const vals = p.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
    const yhi = Math.max(p.stream ?? 0, ...vals) * 1.1 || 1;
    const Y = (v) => y0 + ph - (v / yhi) * ph;
    out.push(
      `<text x="${x0 + pw / 2}" y="${y0 - 8}" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`,
    );
    const step = yhi > 60 ? 20 : yhi > 25 ? 10 : 5;
    for (let v = 0; v <= yhi; v += step) {
      out.push(`<line x1="${x0}" x2="${x0 + pw}" y1="${Y(v)}" y2="${Y(v)}" stroke="#eee"/>`);
      out.push(`<text x="${x0 - 4}" y="${Y(v) + 4}" text-anchor="end">${v}</text>`);
    }
    out.push(
      `<text transform="translate(${x0 - 32},${y0 + ph / 2}) rotate(-90)" text-anchor="middle">GB/s</text>`,
    );
    const gw = pw / p.groups.length;
    const bw = (gw * 0.8) / p.series.length;
    p.groups.forEach((g, gi) => {
      out.push(
        `<text x="${x0 + gi * gw + gw / 2}" y="${y0 + ph + 14}" text-anchor="middle">${esc(g)}</text>`,
      );
      p.series.forEach((s, si) => {
        const v = s.values[gi];
        if (!Number.isFinite(v)) return;
        const x = x0 + gi * gw + gw * 0.1 + si * bw;
        out.push(
          `<rect x="${x.toFixed(1)}" y="${Y(v).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${(y0 + ph - Y(v)).toFixed(1)}" fill="${COLORS[si % COLORS.length]}"/>`,
        );
      });
    });
    if (p.stream) {
      out.push(
        `<line x1="${x0}" x2="${x0 + pw}" y1="${Y(p.stream)}" y2="${Y(p.stream)}" stroke="black" stroke-dasharray="5,3"/>`,
      );
      out.push(
        `<text x="${x0 + pw - 2}" y="${Y(p.stream) - 3}" text-anchor="end">STREAM triad ${p.stream.toFixed(1)}</text>`,
      );
    }
    out.push(`<rect x="${x0}" y="${y0}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  });
  const ly = 24 + rows * height + 12;
  names.forEach((n, i) => {
    const lx = 10 + i * (W / Math.max(1, names.length));
    out.push(`<rect x="${lx}" y="${ly - 9}" width="12" height="10" fill="${COLORS[i % COLORS.length]}"/>`);
    out.push(`<text x="${lx + 16}" y="${ly}">${esc(n)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
