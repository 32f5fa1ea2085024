// Hand-rolled SVG bar chart (no dependencies): one group per case, one bar per implementation.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** groups: [{ label, bars: [{ name, value }] }] -> SVG text (log-free linear scale, values in k msg/s). */
export function barChart({ title, unit, groups, colors }) {
  const W = 760;
  const H = 360;
  const left = 60;
  const top = 40;
  const bottom = 70;
  const plotH = H - top - bottom;
  const max = Math.max(...groups.flatMap((g) => g.bars.map((b) => b.value))) * 1.1;
  const gw = (W - left - 20) / groups.length;
  const names = groups[0].bars.map((b) => b.name);
  const bw = (gw * 0.8) / names.length;
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">\n`;
  out += `<title>${esc(title)}</title>\n<rect width="${W}" height="${H}" fill="#fff"/>\n<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(title)}</text>\n`;
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const y = top + plotH - (plotH * i) / 4;
    out += `<line x1="${left}" x2="${W - 20}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${left - 6}" y="${y + 4}" text-anchor="end">${Math.round(v)}</text>\n`;
  }
  out += `<text x="14" y="${top + plotH / 2}" transform="rotate(-90 14 ${top + plotH / 2})" text-anchor="middle">${esc(unit)}</text>\n`;
  groups.forEach((g, gi) => {
    const x0 = left + gi * gw + gw * 0.1;
    g.bars.forEach((b, bi) => {
      const h = (plotH * b.value) / max;
      const x = x0 + bi * bw;
      out += `<rect x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${colors[bi % colors.length]}"><title>${esc(`${b.name}: ${Math.round(b.value)}`)}</title></rect>\n`;
    });
    out += `<text x="${(x0 + gw * 0.4).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle">${esc(g.label)}</text>\n`;
  });
  names.forEach((n, i) => {
    const x = left + i * 200;
    out += `<rect x="${x}" y="${H - 28}" width="12" height="12" fill="${colors[i % colors.length]}"/><text x="${x + 16}" y="${H - 18}">${esc(n)}</text>\n`;
  });
  return `${out}</svg>\n`;
}
