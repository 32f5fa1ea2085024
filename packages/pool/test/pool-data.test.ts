import { Pool, task } from '@polycore/pool';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS fixture
import { Point } from './fixtures/point.mjs';

const point = new URL('./fixtures/point.mjs', import.meta.url);

describe.each(['threads', 'processes', 'inline'] as const)('data on %s', (backend) => {
  it('registered serializers rebuild values in workers and results back', async () => {
    await using pool = new Pool({ workers: 1, backend });
    expect(await pool.apply(task<(p: unknown) => number>(point, 'norm'), [new Point(3, 4)])).toBe(5);
    const m = await pool.apply(task<(p: unknown) => unknown>(point, 'mirror'), [new Point(1, 2)]);
    expect(m).toBeInstanceOf(Point);
    expect(m).toMatchObject({ x: 2, y: 1 });
    const nested = await pool.map(task<(p: unknown) => number>(point, 'norm'), [
      new Point(6, 8),
      new Point(0, 1),
    ]);
    expect(nested).toEqual([10, 1]);
  });

  it('typed arrays, Maps, Dates, BigInts round-trip', async () => {
    await using pool = new Pool({ workers: 1, backend });
    const r = await pool.apply(
      (a: Float64Array, m: Map<string, number>, d: Date, b: bigint) => [
        a.reduce((s, x) => s + x, 0),
        m.get('k'),
        d.getTime(),
        b * 2n,
      ],
      [new Float64Array([1, 2, 3]), new Map([['k', 7]]), new Date(5), 21n],
    );
    expect(r).toEqual([6, 7, 5, 42n]);
  });
});

describe('zero-copy on threads', () => {
  it('SharedArrayBuffer-backed arrays are shared with thread workers', async () => {
    await using pool = new Pool({ workers: 2, backend: 'threads' });
    const a = new Float64Array(new SharedArrayBuffer(8 * 1024));
    await pool.map(
      (arr: Float64Array) => {
        arr.fill(2);
        return 0;
      },
      [a],
    );
    expect(a[1023]).toBe(2);
  });

  it('transfer: true moves ArrayBuffers instead of copying them', async () => {
    await using pool = new Pool({ workers: 1, backend: 'threads' });
    const a = new Float64Array(1 << 16).fill(1);
    const out = await pool.apply(
      (x: Float64Array) => {
        x[0] = 5;
        return x;
      },
      [a],
      { transfer: true },
    );
    expect(a.length).toBe(0); // detached: it moved
    expect(out[0]).toBe(5);
    expect(out.length).toBe(1 << 16);
  });
});

describe("backend: 'auto'", () => {
  it('runs tiny work inline and heavy work on threads, with the same results', async () => {
    await using pool = new Pool({ workers: 2, backend: 'auto' });
    const xs = Array.from({ length: 20_000 }, (_, i) => i);
    expect(await pool.map((x: number) => x + 1, xs)).toEqual(xs.map((x) => x + 1));
    const heavy = await pool.map(
      (ms: number) => {
        const end = performance.now() + ms;
        while (performance.now() < end);
        return typeof process === 'object' ? require('node:worker_threads').isMainThread : true;
      },
      Array.from({ length: 16 }, () => 15),
    );
    expect(heavy.length).toBe(16);
    expect(heavy.filter((m) => m === false).length).toBeGreaterThan(0);
    expect(pool.backend).toBe('auto');
  });
});
