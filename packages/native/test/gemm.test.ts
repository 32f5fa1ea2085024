import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type GemmOptions,
  gemm,
  gemmAsync,
  getNumThreads,
  normalizeGemm,
  setNumThreads,
} from '@polycore/native';
import { describe, expect, it } from 'vitest';
import { below, gemmExpected, minLen, mismatch, pick, randArray, rng } from './gemm-helpers.js';

type Ctor = Float64ArrayConstructor | Float32ArrayConstructor;

/** Random valid gemm options of at most `max` per dimension (lda/ldb/ldc sometimes padded). */
function randomCase(r: () => number, Ctor: Ctor, dims?: [number, number, number]): GemmOptions {
  const [m, n, k] = dims ?? [below(r, 17), below(r, 17), below(r, 17)];
  const colMajor = r() < 0.5;
  const transA = r() < 0.5;
  const transB = r() < 0.5;
  const stored = (rows: number, cols: number): [number, number] => (colMajor ? [cols, rows] : [rows, cols]);
  const [ar, ac] = stored(transA ? k : m, transA ? m : k);
  const [br, bc] = stored(transB ? n : k, transB ? k : n);
  const [cr, cc] = stored(m, n);
  const pad = () => (r() < 0.3 ? 1 + below(r, 4) : 0);
  const lda = Math.max(1, ac) + pad();
  const ldb = Math.max(1, bc) + pad();
  const ldc = Math.max(1, cc) + pad();
  const scalars = [0, 1, -1, 0.5, 2.25];
  return {
    m,
    n,
    k,
    transA,
    transB,
    lda,
    ldb,
    ldc,
    layout: colMajor ? 'column-major' : 'row-major',
    a: randArray(r, Ctor, minLen(ar, ac, lda)),
    b: randArray(r, Ctor, minLen(br, bc, ldb) + below(r, 3)),
    c: randArray(r, Ctor, minLen(cr, cc, ldc) + below(r, 3)),
    alpha: pick(r, scalars),
    beta: pick(r, scalars),
  };
}

function check(o: GemmOptions, run: (o: GemmOptions) => unknown = gemm): void {
  const expected = gemmExpected(normalizeGemm(o));
  const before = o.c.slice();
  const out = run(o);
  expect(out).toBe(o.c);
  const bad = mismatch(o.c, before, expected);
  expect(bad, JSON.stringify({ ...o, a: undefined, b: undefined, c: undefined })).toBeNull();
}

describe('gemm', () => {
  it('multiplies a 2×2 example in both layouts', () => {
    const a = new Float64Array([1, 2, 3, 4]);
    const b = new Float64Array([5, 6, 7, 8]);
    expect([...gemm({ m: 2, n: 2, k: 2, a, b, c: new Float64Array(4) })]).toEqual([19, 22, 43, 50]);
    expect([...gemm({ m: 2, n: 2, k: 2, a, b, c: new Float64Array(4), layout: 'column-major' })]).toEqual([
      23, 34, 31, 46,
    ]);
    expect([...gemm({ m: 2, n: 2, k: 2, a, b, c: new Float64Array(4), transA: true, transB: true })]).toEqual(
      [23, 31, 34, 46],
    );
  });

  for (const Ctor of [Float64Array, Float32Array] as const) {
    it(`matches the reference on 600 random small ${Ctor.name} cases (layouts, transposes, padding, alpha/beta)`, () => {
      const r = rng(Ctor === Float64Array ? 1 : 2);
      for (let i = 0; i < 600; i++) check(randomCase(r, Ctor));
    });

    it(`matches the reference at odd and larger ${Ctor.name} sizes up to 300`, () => {
      const r = rng(3);
      const sizes: [number, number, number][] = [
        [0, 5, 5],
        [5, 0, 5],
        [5, 5, 0],
        [1, 1, 1],
        [33, 65, 17],
        [127, 129, 63],
        [257, 31, 300],
        [300, 299, 41],
        [64, 64, 64],
      ];
      for (const dims of sizes) check(randomCase(r, Ctor, dims));
    });
  }

  it('splits large products across threads and gives the same answer on one thread', () => {
    const r = rng(4);
    const o = randomCase(r, Float64Array, [261, 259, 263]);
    const threads = getNumThreads();
    check({ ...o, c: o.c.slice() });
    try {
      setNumThreads(threads === 1 ? 2 : 1);
      check(o);
    } finally {
      setNumThreads(threads);
    }
  });

  it('beta = 0 ignores NaN in the old c; alpha = 0 ignores a and b; NaN/Inf in inputs propagate', () => {
    const ones = new Float64Array(4).fill(1);
    expect([
      ...gemm({ m: 2, n: 2, k: 2, a: ones, b: ones, c: new Float64Array(4).fill(Number.NaN) }),
    ]).toEqual([2, 2, 2, 2]);
    const nan = new Float64Array(4).fill(Number.NaN);
    expect([
      ...gemm({ m: 2, n: 2, k: 2, a: nan, b: ones, c: new Float64Array(4).fill(1), alpha: 0, beta: 3 }),
    ]).toEqual([3, 3, 3, 3]);
    const c = gemm({
      m: 2,
      n: 2,
      k: 2,
      a: new Float32Array([Number.POSITIVE_INFINITY, 1, 1, 1]),
      b: new Float32Array([0, 1, 1, 1]),
      c: new Float32Array(4),
    });
    expect(Number.isNaN(c[0])).toBe(true);
    expect(c[1]).toBe(Number.POSITIVE_INFINITY);
    expect([...c.slice(2)]).toEqual([1, 2]);
    const keep = gemm({ m: 1, n: 1, k: 1, a: ones, b: ones, c: new Float64Array([Number.NaN]), beta: 1 });
    expect(Number.isNaN(keep[0])).toBe(true);
  });

  it('works on views into SharedArrayBuffers and on non-overlapping views of one buffer', () => {
    const buf = new SharedArrayBuffer(12 * 8);
    const a = new Float64Array(buf, 0, 4).fill(1);
    const b = new Float64Array(buf, 32, 4).fill(2);
    const c = new Float64Array(buf, 64, 4);
    gemm({ m: 2, n: 2, k: 2, a, b, c });
    expect([...c]).toEqual([4, 4, 4, 4]);
    // a and b may overlap each other (both are only read).
    gemm({ m: 2, n: 2, k: 2, a, b: a, c });
    expect([...c]).toEqual([2, 2, 2, 2]);
  });
});

describe('gemmAsync', () => {
  it('resolves to c with the same result as gemm, for both element types', async () => {
    const r = rng(5);
    for (const Ctor of [Float64Array, Float32Array] as const) {
      for (let i = 0; i < 20; i++) {
        const o = randomCase(r, Ctor);
        const expected = gemmExpected(normalizeGemm(o));
        const before = o.c.slice();
        const out = await gemmAsync(o);
        expect(out).toBe(o.c);
        expect(mismatch(o.c, before, expected)).toBeNull();
      }
    }
  });

  it('runs many products concurrently on the shared pool', async () => {
    const r = rng(6);
    const cases = Array.from({ length: 16 }, () => randomCase(r, Float32Array, [70, 90, 110]));
    const expected = cases.map((o) => gemmExpected(normalizeGemm(o)));
    const before = cases.map((o) => o.c.slice());
    await Promise.all(cases.map((o) => gemmAsync(o)));
    cases.forEach((o, i) => {
      expect(mismatch(o.c, before[i]!, expected[i]!)).toBeNull();
    });
  });

  it('rejects bad input with the same errors as gemm', async () => {
    const a = new Float64Array(4);
    await expect(gemmAsync({ m: 2, n: 2, k: 2, a, b: a, c: a })).rejects.toThrow(RangeError);
    await expect(
      gemmAsync({ m: 2, n: 2, k: 2, a, b: new Float32Array(4), c: new Float64Array(4) }),
    ).rejects.toThrow(TypeError);
  });
});

describe('gemm from several worker threads', () => {
  it('gives correct results when 3 workers and the main thread multiply at once on the shared pool', async () => {
    // Each worker loads the addon (one per thread) but every large product runs on the one
    // process-wide native pool.
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.entry).then(async ({ gemm, gemmAsync }) => {
        const n = workerData.n;
        const a = new Float64Array(n * n).fill(1), b = new Float64Array(n * n).fill(2);
        const c1 = gemm({ m: n, n, k: n, a, b, c: new Float64Array(n * n) });
        const c2 = await gemmAsync({ m: n, n, k: n, a, b, c: new Float64Array(n * n) });
        parentPort.postMessage(c1.every((v) => v === 2 * n) && c2.every((v) => v === 2 * n));
      });
    `;
    const n = 230;
    const entry = pathToFileURL(createRequire(import.meta.url).resolve('@polycore/native')).href;
    const workers = Array.from(
      { length: 3 },
      () => new Worker(code, { eval: true, workerData: { n, entry } }),
    );
    const results = workers.map(
      (w) =>
        new Promise<boolean>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
        }),
    );
    const r = rng(7);
    const main = randomCase(r, Float32Array, [233, 229, 231]);
    check(main);
    expect(await Promise.all(results)).toEqual([true, true, true]);
    await Promise.all(workers.map((w) => w.terminate()));
  });
});
