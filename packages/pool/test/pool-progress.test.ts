import { Writable } from 'node:stream';
import { Pool } from '@polycore/pool';
import { describe, expect, it } from 'vitest';

function sink(): Writable & { text: string } {
  const w = new Writable({
    write(chunk, _enc, cb) {
      w.text += String(chunk);
      cb();
    },
  }) as Writable & { text: string };
  w.text = '';
  return w;
}

describe('progress', () => {
  it('draws a tqdm-like bar when forced, and stays silent on a non-TTY unless forced', async () => {
    await using pool = new Pool({ workers: 2, backend: 'threads' });
    const forced = sink();
    await pool.map(
      (x: number) => x,
      Array.from({ length: 40 }, (_, i) => i),
      { chunksize: 8, progress: { force: true, stream: forced, label: 'work' } },
    );
    expect(forced.text).toMatch(/work: 100%\|█+\| 40\/40 \[/);
    expect(forced.text.endsWith('\n')).toBe(true);
    const quiet = sink();
    await pool.map((x: number) => x, [1, 2, 3], { progress: { stream: quiet } });
    expect(quiet.text).toBe('');
  });

  it('reports items inside a chunk before the chunk finishes', async () => {
    await using pool = new Pool({ workers: 1, backend: 'threads' });
    const seen: number[] = [];
    await pool.map(
      (ms: number) => {
        const end = Date.now() + ms;
        while (Date.now() < end);
        return ms;
      },
      Array.from({ length: 8 }, () => 30),
      { chunksize: 8, onProgress: (p) => seen.push(p.done) },
    );
    expect(seen.at(-1)).toBe(8);
    expect(seen.some((d) => d > 0 && d < 8)).toBe(true);
  });
});
