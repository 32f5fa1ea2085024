// Hand-rolled SVG chart for bench/gpu (no dependencies): one panel per kernel, time per call (log)
// against problem size (log), one line per implementation; where the GPU line drops below the CPU
// line is the crossover.

const COLORS = ['#1f77b4', '#d62728', '#ff7f0e', '#2ca02c', '#7f7f7f'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const log10 = Math.log10;

function ticks(lo, hi) {
  const out = [];
  for (let e = Math.floor(log10(lo)); e <= Math.ceil(log10(hi)); e++) out.push(10 ** e);
  return out;
}

function fmt(v) {
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  if (v < 1) return String(v);
  return String(v);
}

/**
 * panels: [{ title, xLabel, series: [{ name, points: [[x, ms]], dashed? }] }] → SVG string.
 */
export function crossoverChartSvg(panels, { width = 430, height = 320, title = '' } = {}) {
  const pad = { l: 56, r: 12, t: 30, b: 40 };
  const legendH = 18 * Math.max(...panels.map((p) => p.series.length));
  const W = width * panels.length;
  const H = height + legendH + 34;
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
    const pts = panel.series.flatMap((s) => s.points).filter((p) => p[1] > 0);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const [xlo, xhi] = [Math.min(...xs), Math.max(...xs)];
    const [ylo, yhi] = [10 ** Math.floor(log10(Math.min(...ys))), 10 ** Math.ceil(log10(Math.max(...ys)))];
    const X = (v) => x0 + ((log10(v) - log10(xlo)) / Math.max(1e-9, log10(xhi) - log10(xlo))) * pw;
    const Y = (v) => y0 + ph - ((log10(v) - log10(ylo)) / Math.max(1e-9, log10(yhi) - log10(ylo))) * ph;
    out.push(
      `<text x="${x0 + pw / 2}" y="${y0 - 8}" text-anchor="middle" font-weight="bold">${esc(panel.title)}</text>`,
    );
    out.push(`<rect x="${x0}" y="${y0}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
    for (const v of ticks(ylo, yhi)) {
      if (v < ylo || v > yhi) continue;
      out.push(`<line x1="${x0}" x2="${x0 + pw}" y1="${Y(v)}" y2="${Y(v)}" stroke="#eee"/>`);
      out.push(
        `<text x="${x0 - 4}" y="${Y(v) + 4}" text-anchor="end">${v >= 1 ? v : v.toPrecision(1)} ms</text>`,
      );
    }
    for (const v of [...new Set(xs)].sort((a, b) => a - b)) {
      out.push(`<text x="${X(v)}" y="${y0 + ph + 14}" text-anchor="middle">${fmt(v)}</text>`);
    }
    out.push(`<text x="${x0 + pw / 2}" y="${y0 + ph + 30}" text-anchor="middle">${esc(panel.xLabel)}</text>`);
    panel.series.forEach((s, si) => {
      const color = COLORS[si % COLORS.length];
      const p = s.points.filter((q) => q[1] > 0);
      const d = p.map((q, i) => `${i ? 'L' : 'M'}${X(q[0]).toFixed(1)},${Y(q[1]).toFixed(1)}`).join(' ');
      out.push(
        `<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`,
      );
      for (const q of p)
        out.push(`<circle cx="${X(q[0]).toFixed(1)}" cy="${Y(q[1]).toFixed(1)}" r="2.5" fill="${color}"/>`);
      const ly = y0 + ph + 46 + si * 18;
      out.push(
        `<line x1="${x0}" x2="${x0 + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`,
      );
      out.push(`<text x="${x0 + 28}" y="${ly}">${esc(s.name)}</text>`);
    });
  });
  out.push('</svg>');
  return out.join('\n');
}
