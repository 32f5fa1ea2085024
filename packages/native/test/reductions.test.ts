import {
  max,
  maxAsync,
  mean,
  meanAsync,
  min,
  minAsync,
  sum,
  sumAsync,
  variance,
  varianceAsync,
} from '@polycore/native';
import { describe, expect, it } from 'vitest';
import { EPS, rand } from './level1.helpers.js';

/** Neumaier-compensated f64 sum: the reference. */
function refSum(x: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

const SIZES = [0, 1, 2, 33, 1025, 10_000, (1 << 20) + 5];

describe.each(['f64', 'f32'] as const)('reductions (%s)', (dtype) => {
  const eps = EPS[dtype];
  for (const n of SIZES) {
    it(`n=${n}: sum (pairwise, kahan), min, max, mean, variance; sync = async`, async () => {
      const x = rand(dtype, n, n + 11);
      let absSum = 0;
      for (let i = 0; i < n; i++) absSum += Math.abs(x[i]!);
      const want = refSum(x);
      const pw = sum(x);
      expect(Math.abs(pw - want)).toBeLessThanOrEqual((40 + Math.log2(n + 2)) * eps * absSum + 1e-300);
      expect(await sumAsync(x)).toBe(pw);
      const k = sum(x, { method: 'kahan' });
      expect(Math.abs(k - want)).toBeLessThanOrEqual(
        2 * eps * Math.abs(want) + 2 * n * eps * eps * absSum + 1e-6 * eps * absSum,
      );
      expect(await sumAsync(x, { method: 'kahan' })).toBe(k);
      if (n === 0) {
        expect(() => min(x)).toThrow(RangeError);
        await expect(maxAsync(x)).rejects.toThrow(/empty/);
        expect(mean(x)).toBeNaN();
        expect(variance(x)).toBeNaN();
        return;
      }
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        lo = Math.min(lo, x[i]!);
        hi = Math.max(hi, x[i]!);
      }
      expect(min(x)).toBe(lo);
      expect(await minAsync(x)).toBe(lo);
      expect(max(x)).toBe(hi);
      const m = want / n;
      expect(Math.abs(mean(x) - m)).toBeLessThanOrEqual(64 * eps);
      expect(await meanAsync(x)).toBe(mean(x));
      const dev = new Float64Array(n);
      for (let i = 0; i < n; i++) dev[i] = (x[i]! - m) ** 2;
      for (const ddof of [0, 1]) {
        const v = n > ddof ? refSum(dev) / (n - ddof) : Number.NaN;
        const got = variance(x, { ddof });
        if (Number.isNaN(v)) expect(got).toBeNaN();
        else expect(Math.abs(got - v)).toBeLessThanOrEqual(64 * eps * v + 1e-300);
        expect(Object.is(await varianceAsync(x, { ddof }), got)).toBe(true);
      }
    });
  }
});

describe('reduction semantics and bad input', () => {
  it('kahan recovers cancelled terms that pairwise loses', () => {
    const x = new Float64Array(10_002).fill(1);
    x[0] = 1e16;
    x[10_001] = -1e16;
    expect(sum(x, { method: 'kahan' })).toBe(10_000);
  });
  it('NaN propagates through min/max/sum/variance', () => {
    const x = new Float64Array([1, Number.NaN, 3]);
    expect(min(x)).toBeNaN();
    expect(max(x)).toBeNaN();
    expect(sum(x)).toBeNaN();
    expect(variance(x)).toBeNaN();
  });
  it('variance is stable with a large offset', () => {
    const x = new Float64Array(1000).map((_, i) => 1e9 + (i % 2));
    expect(variance(x)).toBeCloseTo(0.25, 9);
  });
  it('bad options and arrays', async () => {
    const x = new Float64Array(3);
    // @ts-expect-error deliberate bad input
    expect(() => sum(x, { method: 'fast' })).toThrow(RangeError);
    expect(() => variance(x, { ddof: -1 })).toThrow(/ddof/);
    expect(() => variance(x, { ddof: 0.5 })).toThrow(RangeError);
    // @ts-expect-error deliberate bad input
    expect(() => mean(new Uint8Array(3))).toThrow(TypeError);
    // @ts-expect-error deliberate bad input
    await expect(sumAsync(x, 'kahan')).rejects.toThrow(TypeError);
    const d = new Float64Array(2);
    structuredClone(d.buffer, { transfer: [d.buffer] });
    expect(() => max(d)).toThrow(/detached/);
  });
});
