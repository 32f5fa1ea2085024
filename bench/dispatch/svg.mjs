// Hand-rolled SVG line charts (no dependencies): log-log panels, one line per series.

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

function ticks(lo, hi) {
  const out = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

function fmt(v, unit) {
  if (unit === 'ns') {
    if (v >= 1e9) return `${v / 1e9}s`;
    if (v >= 1e6) return `${v / 1e6}ms`;
    if (v >= 1e3) return `${v / 1e3}µs`;
    return `${v}ns`;
  }
  return v >= 1e3 ? `1e${Math.round(Math.log10(v))}` : String(v);
}

/**
 * panels: [{ title, xLabel, series: [{ name, points: [[x, y]], bold? }] }] → an SVG string.
 * Both axes logarithmic; y in ns.
 */
export function lineChartSvg(panels, { width = 420, height = 320, title = '' } = {}) {
  const pad = { l: 60, r: 12, t: 34, b: 44 };
  const W = width * panels.length;
  const H = height + 40;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<title>${esc(title || 'chart')}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${W / 2}" y="16" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`,
  ];
  const names = [...new Set(panels.flatMap((p) => p.series.map((s) => s.name)))];
  panels.forEach((panel, pi) => {
    const x0 = pi * width + pad.l;
    const y0 = 20 + pad.t;
    const w = width - pad.l - pad.r;
    const h = height - pad.t - pad.b;
    const pts = panel.series.flatMap((s) => s.points).filter(([, y]) => y > 0);
    const xs = pts.map(([x]) => x);
    const ys = pts.map(([, y]) => y);
    const [xl, xh] = [Math.min(...xs), Math.max(...xs)];
    const [yl, yh] = [Math.min(...ys) / 1.5, Math.max(...ys) * 1.5];
    const X = (x) => x0 + (w * (Math.log10(x) - Math.log10(xl))) / (Math.log10(xh) - Math.log10(xl) || 1);
    const Y = (y) => y0 + h - (h * (Math.log10(y) - Math.log10(yl))) / (Math.log10(yh) - Math.log10(yl) || 1);
    parts.push(
      `<text x="${x0 + w / 2}" y="${y0 - 8}" text-anchor="middle" font-weight="bold">${esc(panel.title)}</text>`,
    );
    parts.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#888"/>`);
    for (const t of ticks(yl, yh)) {
      if (t < yl || t > yh) continue;
      parts.push(`<line x1="${x0}" x2="${x0 + w}" y1="${Y(t)}" y2="${Y(t)}" stroke="#eee"/>`);
      parts.push(`<text x="${x0 - 4}" y="${Y(t) + 4}" text-anchor="end">${fmt(t, 'ns')}</text>`);
    }
    for (const t of ticks(xl, xh)) {
      if (t < xl || t > xh) continue;
      parts.push(`<line x1="${X(t)}" x2="${X(t)}" y1="${y0}" y2="${y0 + h}" stroke="#eee"/>`);
      parts.push(`<text x="${X(t)}" y="${y0 + h + 14}" text-anchor="middle">${fmt(t, 'x')}</text>`);
    }
    parts.push(`<text x="${x0 + w / 2}" y="${y0 + h + 32}" text-anchor="middle">${esc(panel.xLabel)}</text>`);
    for (const s of panel.series) {
      const color = s.bold ? '#000' : COLORS[names.indexOf(s.name) % COLORS.length];
      const d = s.points
        .filter(([, y]) => y > 0)
        .map(([x, y], i) => `${i ? 'L' : 'M'}${X(x).toFixed(1)},${Y(y).toFixed(1)}`)
        .join(' ');
      parts.push(
        `<path d="${d}" fill="none" stroke="${color}" stroke-width="${s.bold ? 2.5 : 1.5}"${s.bold ? ' stroke-dasharray="6 3"' : ''}/>`,
      );
    }
  });
  // Legend.
  names.forEach((n, i) => {
    const x = 70 + i * 150;
    const bold = panels.some((p) => p.series.some((s) => s.name === n && s.bold));
    const color = bold ? '#000' : COLORS[i % COLORS.length];
    parts.push(
      `<line x1="${x}" x2="${x + 24}" y1="${H - 12}" y2="${H - 12}" stroke="${color}" stroke-width="${bold ? 2.5 : 1.5}"${bold ? ' stroke-dasharray="6 3"' : ''}/>`,
    );
    parts.push(`<text x="${x + 30}" y="${H - 8}">${esc(n)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
