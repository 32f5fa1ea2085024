// A hand-rolled horizontal bar chart (SVG) of speed-up ratios: joblib time / polycore time, log scale.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** @param {{ label: string, ratio: number }[]} rows */
export function chart(rows) {
  const W = 760;
  const left = 330;
  const barH = 22;
  const gap = 10;
  const top = 40;
  const H = top + rows.length * (barH + gap) + 40;
  const maxLog = Math.max(1, ...rows.map((r) => Math.abs(Math.log10(r.ratio))));
  const plotW = W - left - 70;
  const x0 = left + plotW / 2;
  const scale = plotW / 2 / maxLog;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    '<title>polycore Parallel and Memory vs joblib 1.6</title>',
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">polycore Parallel/Memory vs joblib 1.6: speed-up (joblib time / polycore time, log scale)</text>`,
    `<line x1="${x0}" y1="${top - 6}" x2="${x0}" y2="${H - 30}" stroke="#444"/>`,
    `<text x="${x0}" y="${H - 14}" text-anchor="middle">1× (same)</text>`,
    `<text x="${x0 + plotW / 2}" y="${H - 14}" text-anchor="end">polycore faster →</text>`,
    `<text x="${x0 - plotW / 2}" y="${H - 14}">← joblib faster</text>`,
  ];
  rows.forEach((r, i) => {
    const y = top + i * (barH + gap);
    const w = Math.round(Math.log10(r.ratio) * scale * 10) / 10;
    const x = w >= 0 ? x0 : x0 + w;
    parts.push(`<text x="${left - 8}" y="${y + barH / 2 + 4}" text-anchor="end">${esc(r.label)}</text>`);
    parts.push(
      `<rect x="${x}" y="${y}" width="${Math.max(1, Math.abs(w))}" height="${barH}" fill="${w >= 0 ? '#2a7ab9' : '#d9822b'}"/>`,
    );
    const tx = w >= 0 ? x0 + w + 4 : x0 + w - 4;
    parts.push(
      `<text x="${tx}" y="${y + barH / 2 + 4}" text-anchor="${w >= 0 ? 'start' : 'end'}">${r.ratio.toFixed(2)}×</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
