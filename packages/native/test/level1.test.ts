import {
  asum,
  asumAsync,
  axpy,
  axpyAsync,
  copy,
  copyAsync,
  dot,
  dotAsync,
  iamax,
  iamaxAsync,
  nrm2,
  nrm2Async,
  rot,
  rotAsync,
  scal,
  scalAsync,
  swap,
  swapAsync,
} from '@polycore/native';
import { describe, expect, it } from 'vitest';
import { close, EPS, indices, rand, spanOf } from './level1.helpers.js';

const SIZES = [0, 1, 3, 8, 17, 33, 100, 1000, 4099];
const STRIDES: [number, number][] = [
  [1, 1],
  [2, 1],
  [1, -1],
  [-3, 2],
];
const DTYPES = ['f64', 'f32'] as const;

describe.each(DTYPES)('level 1 (%s) matches the reference', (dtype) => {
  const eps = EPS[dtype];
  for (const n of SIZES) {
    for (const [incX, incY] of STRIDES) {
      it(`n=${n} incX=${incX} incY=${incY}, sync and async`, async () => {
        const x0 = rand(dtype, spanOf(n, incX), n * 31 + 1);
        const y0 = rand(dtype, spanOf(n, incY), n * 31 + 2);
        const ix = indices(n, incX);
        const iy = indices(n, incY);
        const opts = { incX, incY };
        // dot
        let want = 0;
        let scale = 0;
        for (let i = 0; i < n; i++) {
          want += x0[ix[i]!]! * y0[iy[i]!]!;
          scale += Math.abs(x0[ix[i]!]! * y0[iy[i]!]!);
        }
        const tol = 2 * n * eps * scale + 1e-300;
        expect(close(dot(x0, y0, opts), want, tol)).toBe(true);
        expect(close(await dotAsync(x0, y0, opts), want, tol)).toBe(true);
        // axpy (sync and async give the same bits)
        const alpha = 0.75;
        const y1 = axpy(alpha, x0, y0.slice(), opts);
        const y2 = await axpyAsync(alpha, x0, y0.slice(), opts);
        expect(y2).toEqual(y1);
        for (let i = 0; i < n; i++) {
          const w = y0[iy[i]!]! + alpha * x0[ix[i]!]!;
          expect(close(y1[iy[i]!]!, w, 4 * eps * Math.max(1, Math.abs(w)))).toBe(true);
        }
        // scal
        const xs = scal(-2, x0.slice(), { incX });
        expect(await scalAsync(-2, x0.slice(), { incX })).toEqual(xs);
        for (let i = 0; i < n; i++) expect(xs[ix[i]!]).toBe(-2 * x0[ix[i]!]!);
        // copy and swap
        const yc = copy(x0, y0.slice(), opts);
        expect(await copyAsync(x0, y0.slice(), opts)).toEqual(yc);
        for (let i = 0; i < n; i++) expect(yc[iy[i]!]).toBe(x0[ix[i]!]);
        const [xa, ya] = [x0.slice(), y0.slice()];
        swap(xa, ya, opts);
        for (let i = 0; i < n; i++) {
          expect(xa[ix[i]!]).toBe(y0[iy[i]!]);
          expect(ya[iy[i]!]).toBe(x0[ix[i]!]);
        }
        const [xb, yb] = [x0.slice(), y0.slice()];
        await swapAsync(xb, yb, opts);
        expect([xb, yb]).toEqual([xa, ya]);
        // rot
        const [c, s] = [0.6, 0.8];
        const [xr, yr] = [x0.slice(), y0.slice()];
        rot(xr, yr, c, s, opts);
        const [xr2, yr2] = [x0.slice(), y0.slice()];
        await rotAsync(xr2, yr2, c, s, opts);
        expect([xr2, yr2]).toEqual([xr, yr]);
        for (let i = 0; i < n; i++) {
          const [a, b] = [x0[ix[i]!]!, y0[iy[i]!]!];
          expect(close(xr[ix[i]!]!, c * a + s * b, 4 * eps)).toBe(true);
          expect(close(yr[iy[i]!]!, c * b - s * a, 4 * eps)).toBe(true);
        }
        // nrm2, asum, iamax over x's view
        let ss = 0;
        let sa = 0;
        let best = -1;
        for (let i = 0; i < n; i++) {
          const v = x0[ix[i]!]!;
          ss += v * v;
          sa += Math.abs(v);
          if (best < 0 || Math.abs(v) > Math.abs(x0[ix[best]!]!)) best = i;
        }
        const xo = { incX };
        expect(close(nrm2(x0, xo), Math.sqrt(ss), 2 * n * eps * Math.sqrt(ss) + 1e-300)).toBe(true);
        expect(await nrm2Async(x0, xo)).toBe(nrm2(x0, xo));
        expect(close(asum(x0, xo), sa, 2 * n * eps * sa + 1e-300)).toBe(true);
        expect(await asumAsync(x0, xo)).toBe(asum(x0, xo));
        expect(iamax(x0, xo)).toBe(best);
        expect(await iamaxAsync(x0, xo)).toBe(best);
      });
    }
  }

  it('large arrays (threaded path) agree with the reference', async () => {
    const n = (1 << 21) + 77;
    const x = rand(dtype, n, 5);
    const y = rand(dtype, n, 6);
    let want = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      want += x[i]! * y[i]!;
      scale += Math.abs(x[i]! * y[i]!);
    }
    expect(close(dot(x, y), want, 2 * n * eps * scale)).toBe(true);
    expect(close(await dotAsync(x, y), want, 2 * n * eps * scale)).toBe(true);
    const y2 = axpy(2, x, y.slice());
    for (let i = 0; i < n; i += 4099) expect(close(y2[i]!, y[i]! + 2 * x[i]!, 4 * eps)).toBe(true);
    x[n - 3] = 7;
    expect(iamax(x)).toBe(n - 3);
  });
});

describe('level 1 semantics', () => {
  it('offsets select the first element; negative inc walks backwards from it', () => {
    const x = new Float64Array([1, 2, 3, 4, 5]);
    expect(dot(x, new Float64Array([1, 1]), { offsetX: 4, incX: -2, n: 2 })).toBe(5 + 3);
    expect(dot(x, x, { incX: -1, incY: 1 })).toBe(5 + 8 + 9 + 8 + 5);
    expect(nrm2(new Float32Array([3, 100, 4]), { incX: 2 })).toBe(5);
    expect(asum(x, { offsetX: 1, n: 2 })).toBe(5);
  });

  it('returns the written array; zero-length views are no-ops', () => {
    const y = new Float64Array([1, 2]);
    expect(axpy(1, new Float64Array(2), y)).toBe(y);
    expect(scal(2, y, { n: 0 })).toBe(y);
    expect(y).toEqual(new Float64Array([1, 2]));
    expect(dot(new Float64Array(0), new Float64Array(0))).toBe(0);
    expect(nrm2(new Float64Array(0))).toBe(0);
    expect(iamax(new Float32Array(0))).toBe(-1);
  });

  it('nrm2 is overflow- and underflow-safe', () => {
    const rel = (got: number, want: number): number => Math.abs(got / want - 1);
    expect(rel(nrm2(new Float64Array([3e200, 4e200])), 5e200)).toBeLessThanOrEqual(2 * EPS.f64);
    expect(rel(nrm2(new Float64Array([3e-200, 4e-200])), 5e-200)).toBeLessThanOrEqual(2 * EPS.f64);
    expect(nrm2(new Float64Array([3 * 2 ** 600, 4 * 2 ** 600]))).toBe(5 * 2 ** 600);
    expect(nrm2(new Float64Array([3 * 2 ** -600, 4 * 2 ** -600]))).toBe(5 * 2 ** -600);
    expect(nrm2(new Float32Array([3e30, 4e30]))).toBeCloseTo(5e30, -24);
    expect(nrm2(new Float64Array([Number.MAX_VALUE / 2, Number.MAX_VALUE / 2]))).toBeCloseTo(
      (Number.MAX_VALUE / 2) * Math.SQRT2,
      -290,
    );
  });

  it('NaN and Infinity follow reference BLAS', () => {
    const nan = Number.NaN;
    expect(dot(new Float64Array([nan, 1]), new Float64Array([1, 1]))).toBeNaN();
    expect(nrm2(new Float64Array([1, Number.NEGATIVE_INFINITY]))).toBe(Number.POSITIVE_INFINITY);
    expect(nrm2(new Float64Array([1, nan]))).toBeNaN();
    expect(iamax(new Float64Array([1, nan, -2]))).toBe(2);
    expect(iamax(new Float64Array([nan, 5]))).toBe(0);
    const y = new Float64Array([1, 2]);
    axpy(0, new Float64Array([nan, nan]), y);
    expect(y).toEqual(new Float64Array([1, 2]));
  });

  it('interleaved views of one buffer (two matrix rows) work; the same view is in place', async () => {
    const m = new Float64Array([1, 10, 2, 20, 3, 30]);
    axpy(1, m, m, { n: 3, incX: 2, incY: 2, offsetY: 1 });
    expect(m).toEqual(new Float64Array([1, 11, 2, 22, 3, 33]));
    await swapAsync(m, m, { n: 3, incX: 2, incY: 2, offsetY: 1 });
    expect(m).toEqual(new Float64Array([11, 1, 22, 2, 33, 3]));
    const x = new Float32Array([1, 2]);
    axpy(2, x, x);
    expect(x).toEqual(new Float32Array([3, 6]));
  });

  it('views that share elements at different positions are refused (RangeError)', async () => {
    const b = new Float64Array(8);
    expect(() => axpy(1, b.subarray(0, 4), b.subarray(2, 6))).toThrow(RangeError);
    expect(() => copy(b, b, { n: 4, incY: 2 })).toThrow(/overlap/);
    await expect(rotAsync(b.subarray(1, 5), b.subarray(0, 4), 1, 0)).rejects.toThrow(RangeError);
    // reading overlapping views is fine
    expect(dot(b.subarray(0, 4), b.subarray(2, 6))).toBe(0);
  });
});

describe('level 1 bad input', () => {
  const x = new Float64Array(4);
  it('strides, offsets and n -> RangeError naming the argument', () => {
    expect(() => dot(x, x, { incX: 0 })).toThrow(/incX/);
    expect(() => dot(x, x, { incY: 1.5 })).toThrow(RangeError);
    expect(() => scal(1, x, { offsetX: 4, n: 1 })).toThrow(/offsetX/);
    expect(() => scal(1, x, { offsetX: -1 })).toThrow(RangeError);
    expect(() => nrm2(x, { n: 5 })).toThrow(/\bx\b.*too short/);
    expect(() => asum(x, { n: 3, incX: 2 })).toThrow(RangeError);
    expect(() => dot(x, new Float64Array(3), { incX: 1 })).toThrow(/\by\b/);
  });
  it('wrong types -> TypeError', async () => {
    // @ts-expect-error deliberate bad input
    expect(() => axpy('2', x, x)).toThrow(TypeError);
    // @ts-expect-error deliberate bad input
    expect(() => nrm2([1, 2])).toThrow(TypeError);
    // @ts-expect-error deliberate bad input
    expect(() => scal(1, x, 5)).toThrow(TypeError);
    // @ts-expect-error deliberate bad input
    expect(() => dot(x, x, { n: '3' })).toThrow(TypeError);
    // @ts-expect-error deliberate bad input
    await expect(iamaxAsync(new Int8Array(2))).rejects.toThrow(TypeError);
    expect(() => swap(x, new Float32Array(4))).toThrow(TypeError);
  });
  it('detached buffers -> TypeError', async () => {
    const d = new Float64Array(4);
    structuredClone(d.buffer, { transfer: [d.buffer] });
    expect(() => scal(1, d)).toThrow(/detached/);
    await expect(copyAsync(x, d)).rejects.toThrow(TypeError);
  });
});

describe('level 1 from several worker threads at once (one shared native pool)', () => {
  it('concurrent large calls from two workers and the main thread are all correct', async () => {
    const { Worker } = await import('node:worker_threads');
    const { createRequire } = await import('node:module');
    const entry = createRequire(import.meta.url).resolve('@polycore/native');
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.entry).then(async (m) => {
        const n = (1 << 21) + 5;
        const x = new Float64Array(n).fill(0.5), y = new Float64Array(n).fill(2);
        const out = [];
        for (let i = 0; i < 3; i++) out.push(m.dot(x, y), await m.dotAsync(x, y), m.asum(m.axpy(1, x, y)));
        parentPort.postMessage(out);
      });`;
    const run = () =>
      new Promise<number[]>((resolve, reject) => {
        const w = new Worker(code, { eval: true, workerData: { entry } });
        w.once('message', (v) => {
          resolve(v as number[]);
          void w.terminate();
        });
        w.once('error', reject);
      });
    const n = (1 << 21) + 5;
    const x = new Float64Array(n).fill(1);
    const [a, b, main] = await Promise.all([run(), run(), dotAsync(x, x)]);
    expect(main).toBe(n);
    for (const r of [a, b]) {
      // y grows by 0.5 per axpy: asum = n·(2.5, 3, 3.5)
      expect(r).toEqual([n, n, 2.5 * n, n * 1.25, n * 1.25, 3 * n, n * 1.5, n * 1.5, 3.5 * n]);
    }
  });
});

describe('allocFloat64 / allocFloat32 (huge-page-eligible arrays)', () => {
  it('give zeroed arrays of the right type that every kernel accepts', async () => {
    const { allocFloat32, allocFloat64 } = await import('@polycore/native');
    const x = allocFloat64(1 << 20);
    expect(x).toBeInstanceOf(Float64Array);
    expect(x.length).toBe(1 << 20);
    expect(asum(x)).toBe(0);
    x.fill(2);
    expect(dot(x, x)).toBe(4 * (1 << 20));
    const y = allocFloat32(5);
    expect(y).toBeInstanceOf(Float32Array);
    expect(Array.from(y)).toEqual([0, 0, 0, 0, 0]);
    expect(allocFloat64(0).length).toBe(0);
    expect(() => allocFloat64(-1)).toThrow(RangeError);
    expect(() => allocFloat32(1.5)).toThrow(RangeError);
    // @ts-expect-error deliberate bad input
    expect(() => allocFloat64('3')).toThrow(TypeError);
  });
});
