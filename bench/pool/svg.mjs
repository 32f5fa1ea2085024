// Hand-rolled SVG chart: one panel of horizontal bars per benchmark (no dependencies).

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * @param {{ title: string, unit: string, lowerIsBetter: boolean, bars: { label: string, value: number, ours?: boolean }[] }[]} panels
 */
export function chart(panels) {
  const W = 760;
  const labelW = 190;
  const barH = 16;
  const gap = 4;
  let y = 30;
  const parts = [];
  for (const p of panels) {
    parts.push(
      `<text x="10" y="${y}" font-size="14" font-weight="bold">${esc(p.title)} (${esc(p.unit)}, ${p.lowerIsBetter ? 'lower' : 'higher'} is better)</text>`,
    );
    y += 10;
    const max = Math.max(...p.bars.map((b) => b.value).filter(Number.isFinite), 1e-9);
    for (const b of p.bars) {
      const w = Number.isFinite(b.value) ? Math.max(1, ((W - labelW - 90) * b.value) / max) : 0;
      parts.push(
        `<text x="${labelW - 6}" y="${y + barH - 4}" font-size="12" text-anchor="end">${esc(b.label)}</text>`,
      );
      parts.push(
        `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${b.ours ? '#2b7bd6' : '#9aa5b1'}"/>`,
      );
      const v = Number.isFinite(b.value)
        ? b.value >= 100
          ? b.value.toFixed(0)
          : b.value.toPrecision(3)
        : 'n/a';
      parts.push(`<text x="${(labelW + w + 4).toFixed(1)}" y="${y + barH - 4}" font-size="12">${v}</text>`);
      y += barH + gap;
    }
    y += 26;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" font-family="sans-serif" viewBox="0 0 ${W} ${y}">
<title>@polycore/pool vs peers (2 workers)</title>
<rect width="100%" height="100%" fill="white"/>
${parts.join('\n')}
</svg>
`;
}
