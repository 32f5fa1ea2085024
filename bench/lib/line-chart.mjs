// Hand-rolled SVG line charts shared by the benchmarks (no dependencies): side-by-side panels,
// one line per implementation, a legend below. Axes are linear, log2 or log10.

const COLORS = ['#1f77b4', '#d62728', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#17becf', '#7f7f7f'];

/** Escapes text for SVG. */
export const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

const SCALES = {
  linear: (v) => v,
  log2: Math.log2,
  log10: Math.log10,
};

/** Tick values between lo and hi for a scale. */
function ticks(scale, lo, hi, xs) {
  if (scale === 'log10') {
    const out = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
    return out.filter((v) => v >= lo && v <= hi);
  }
  if (scale === 'log2') return [...new Set(xs)].sort((a, b) => a - b);
  const step = hi > 150 ? 50 : hi > 60 ? 20 : hi > 15 ? 5 : hi > 3 ? 1 : 0.5;
  const out = [];
  for (let v = 0; v <= hi; v += step) out.push(v);
  return out;
}

/** Short numbers: 1e6 → 1M, 2048 → 2k, 0.001 → 0.001. */
export function shortNumber(v) {
  if (v >= 1e9) return `${v / 1e9}G`;
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e4) return `${v / 1e3}k`;
  return v >= 1 ? String(v) : v.toPrecision(1);
}

/**
 * panels: [{ title, xLabel?, series: [{ name, points: [[x, y]], dashed?, bold? }] }] → SVG string.
 * options: { title, width, height, x: { scale, label, format }, y: { scale, label, format } };
 * scale is 'linear' (y from 0), 'log2' or 'log10'; non-positive values are dropped on log axes.
 */
export function lineChartSvg(panels, options = {}) {
  const { title = '', width = 430, height = 320 } = options;
  const xo = { scale: 'log10', label: '', format: shortNumber, ...options.x };
  const yo = { scale: 'linear', label: '', format: shortNumber, ...options.y };
  const fx = SCALES[xo.scale];
  const fy = SCALES[yo.scale];
  const names = [...new Set(panels.flatMap((p) => p.series.map((s) => s.name)))];
  const legendRows = Math.ceil(names.length / 3);
  const pad = { l: 60, r: 12, t: 30, b: 40 };
  const W = width * panels.length;
  const H = height + 24 + legendRows * 18 + 8;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11" role="img">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${esc(title)}</text>`,
  ];
  const style = (s) => {
    const color = COLORS[names.indexOf(s.name) % COLORS.length];
    const dash = s.dashed ? ' stroke-dasharray="5,3"' : '';
    return { color, attrs: `stroke="${color}" stroke-width="${s.bold ? 2.5 : 1.5}"${dash}` };
  };
  const keep = (scale) => (v) => Number.isFinite(v) && (scale === 'linear' || v > 0);
  panels.forEach((panel, pi) => {
    const x0 = pi * width + pad.l;
    const y0 = 20 + pad.t;
    const pw = width - pad.l - pad.r;
    const ph = height - pad.t - pad.b;
    const pts = panel.series
      .flatMap((s) => s.points)
      .filter(([x, y]) => keep(xo.scale)(x) && keep(yo.scale)(y));
    if (pts.length === 0) return;
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const [xlo, xhi] = [Math.min(...xs), Math.max(...xs)];
    const [ylo, yhi] =
      yo.scale === 'linear'
        ? [0, Math.max(...ys) * 1.08]
        : [10 ** Math.floor(Math.log10(Math.min(...ys))), 10 ** Math.ceil(Math.log10(Math.max(...ys)))];
    const X = (v) => x0 + ((fx(v) - fx(xlo)) / (fx(xhi) - fx(xlo) || 1)) * pw;
    const Y = (v) => y0 + ph - ((fy(v) - fy(ylo)) / (fy(yhi) - fy(ylo) || 1)) * ph;
    out.push(
      `<text x="${x0 + pw / 2}" y="${y0 - 8}" text-anchor="middle" font-weight="bold">${esc(panel.title)}</text>`,
      `<rect x="${x0}" y="${y0}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`,
    );
    for (const v of ticks(yo.scale, ylo, yhi, ys)) {
      out.push(`<line x1="${x0}" x2="${x0 + pw}" y1="${Y(v)}" y2="${Y(v)}" stroke="#eee"/>`);
      out.push(`<text x="${x0 - 4}" y="${Y(v) + 4}" text-anchor="end">${esc(yo.format(v))}</text>`);
    }
    for (const v of ticks(xo.scale, xlo, xhi, xs)) {
      out.push(`<text x="${X(v)}" y="${y0 + ph + 14}" text-anchor="middle">${esc(xo.format(v))}</text>`);
    }
    out.push(
      `<text x="${x0 + pw / 2}" y="${y0 + ph + 30}" text-anchor="middle">${esc(panel.xLabel ?? xo.label)}</text>`,
    );
    if (yo.label) {
      out.push(
        `<text transform="translate(${x0 - 46},${y0 + ph / 2}) rotate(-90)" text-anchor="middle">${esc(yo.label)}</text>`,
      );
    }
    for (const s of panel.series) {
      const p = s.points.filter(([x, y]) => keep(xo.scale)(x) && keep(yo.scale)(y));
      if (p.length === 0) continue;
      const { color, attrs } = style(s);
      const d = p.map(([x, y], i) => `${i ? 'L' : 'M'}${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" ${attrs}/>`);
      for (const [x, y] of p)
        out.push(`<circle cx="${X(x).toFixed(1)}" cy="${Y(y).toFixed(1)}" r="2.5" fill="${color}"/>`);
    }
  });
  names.forEach((n, i) => {
    const s = panels.flatMap((p) => p.series).find((q) => q.name === n);
    const lx = pad.l + (i % 3) * 180;
    const ly = height + 24 + Math.floor(i / 3) * 18;
    out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly - 4}" y2="${ly - 4}" ${style(s).attrs}/>`);
    out.push(`<text x="${lx + 28}" y="${ly}">${esc(n)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
