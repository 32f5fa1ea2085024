/** Reductions and scalar level 1 (sum, mean, min, max, dot, nrm2, asum) resolve as numbers. */
import * as G from '@polycore/gpu';
import { GpuArray } from '@polycore/gpu';
import { describe, expect, it } from 'vitest';
import { hasF16, hasGpu, probed, randomF32, U32 } from './helpers.js';

/**
 * Bound for a sum of terms t, valid for any summation order of this shape even if compensation
 * were lost: each thread folds L = ⌈n / (16·256)⌉ terms (16 workgroups of 256 threads is the
 * fewest any adapter profile launches), a workgroup tree adds 8 levels, the host adds the
 * partials in f64 — so |error| ≤ (L + 10)·u·Σ|t|.
 */
function sumTol(terms: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < terms.length; i++) s += Math.abs(terms[i] as number);
  const perThread = Math.ceil(terms.length / (16 * 256));
  return (perThread + 10) * U32 * s + 1e-30;
}

function refSum(t: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < t.length; i++) s += t[i] as number;
  return s;
}

describe.runIf(hasGpu)(`reductions (${probed.reason || 'device'})`, () => {
  for (const n of [1, 7, 255, 256, 1000, 65_537, 1_000_003]) {
    it(`sum, mean, asum, dot, nrm2, min, max at n = ${n}`, async () => {
      const xs = randomF32(n, n, 10);
      const ys = randomF32(n, n + 1, 10);
      const x = GpuArray.from(xs);
      const y = GpuArray.from(ys);
      const s = refSum(xs);
      expect(Math.abs((await G.sum(x)) - s)).toBeLessThanOrEqual(sumTol(xs));
      expect(Math.abs((await G.mean(x)) - s / n)).toBeLessThanOrEqual(sumTol(xs) / n);
      const abs = Array.from(xs, Math.abs);
      expect(Math.abs((await G.asum(x)) - refSum(abs))).toBeLessThanOrEqual(sumTol(abs));
      const prod = Array.from(xs, (v, i) => v * (ys[i] as number));
      expect(Math.abs((await G.dot(x, y)) - refSum(prod))).toBeLessThanOrEqual(sumTol(prod));
      const ss = refSum(Array.from(xs, (v) => v * v));
      expect(Math.abs((await G.nrm2(x)) - Math.sqrt(ss))).toBeLessThanOrEqual(Math.sqrt(ss) * (40 * U32));
      expect(await G.min(x)).toBe(xs.reduce((a, b) => Math.min(a, b), Infinity));
      expect(await G.max(x)).toBe(xs.reduce((a, b) => Math.max(a, b), -Infinity));
      x.dispose();
      y.dispose();
    });
  }

  it('sums are compensated: small terms beside a large one are not lost', async () => {
    const n = 8192;
    const xs = new Float32Array(n).fill(1);
    xs[0] = 2 ** 25; // 2^25 + 1 rounds to 2^25 in f32
    xs[1] = -(2 ** 25);
    xs[4096] = 2 ** 25;
    const x = GpuArray.from(xs);
    expect(await G.sum(x)).toBe(2 ** 25 + (n - 3));
    const ones = GpuArray.from(new Float32Array(n).fill(1));
    expect(await G.dot(x, ones)).toBe(2 ** 25 + (n - 3));
  });

  it('nrm2 neither overflows nor underflows in f32', async () => {
    expect(await G.nrm2(GpuArray.from([3e30, 4e30]))).toBeCloseTo(5e30, -24);
    const tiny = await G.nrm2(GpuArray.from([3e-30, 4e-30]));
    expect(Math.abs(tiny - 5e-30)).toBeLessThan(5e-30 * 1e-6);
    expect(await G.nrm2(GpuArray.from([0, 0]))).toBe(0);
    expect(await G.nrm2(GpuArray.from([1, Number.POSITIVE_INFINITY, 2]))).toBe(Number.POSITIVE_INFINITY);
  });

  it('min/max propagate NaN and see infinities; empty arrays are handled', async () => {
    expect(await G.min(GpuArray.from([3, Number.NaN, 1]))).toBeNaN();
    expect(await G.max(GpuArray.from([3, 1, Number.NaN]))).toBeNaN();
    expect(await G.min(GpuArray.from([3, Number.NEGATIVE_INFINITY]))).toBe(Number.NEGATIVE_INFINITY);
    expect(await G.max(GpuArray.from([Number.POSITIVE_INFINITY, 1]))).toBe(Number.POSITIVE_INFINITY);
    expect(await G.sum(GpuArray.from([1, Number.NaN]))).toBeNaN();
    const e = GpuArray.empty(0);
    expect(await G.sum(e)).toBe(0);
    expect(await G.mean(e)).toBeNaN();
    expect(await G.dot(e, e)).toBe(0);
    await expect(G.min(e)).rejects.toThrow(RangeError);
    await expect(G.max(e)).rejects.toThrow(/empty/);
  });

  it('reduces views (offsets)', async () => {
    const x = GpuArray.from([100, 1, 2, 3, 100]);
    expect(await G.sum(x.subarray(1, 4))).toBe(6);
    expect(await G.dot(x.subarray(1, 3), x.subarray(2, 4))).toBe(1 * 2 + 2 * 3);
    expect(await G.max(x.subarray(1, 4))).toBe(3);
  });

  it('rejects bad arguments', async () => {
    const x = GpuArray.from([1, 2]);
    await expect(G.dot(x, GpuArray.from([1]))).rejects.toThrow(/y must have the same length as x/);
    await expect(G.sum([1, 2] as never)).rejects.toThrow(/x must be a GpuArray/);
  });

  it.runIf(hasF16)('f16 inputs reduce in f32', async () => {
    const xs = randomF32(5000, 9, 2);
    const x = GpuArray.from(xs, { dtype: 'f16' });
    const hx = await x.toArray();
    expect(Math.abs((await G.sum(x)) - refSum(hx))).toBeLessThanOrEqual(sumTol(hx));
    expect(await G.max(x)).toBe(hx.reduce((a, b) => Math.max(a, b), -Infinity));
  });
});
