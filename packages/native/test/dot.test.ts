import { dot, dotAsync } from '@polycore/native';
import { describe, expect, it } from 'vitest';

function rand(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

function ref(x: ArrayLike<number>, y: ArrayLike<number>): { value: number; scale: number } {
  let value = 0;
  let scale = 0;
  for (let i = 0; i < x.length; i++) {
    value += x[i]! * y[i]!;
    scale += Math.abs(x[i]! * y[i]!);
  }
  return { value, scale };
}

describe('dot', () => {
  for (const n of [0, 1, 3, 16, 17, 1000, 4099, 1 << 21]) {
    it(`f64 and f32 match the reference at n=${n}, sync and async`, async () => {
      const x = rand(n, n + 1);
      const y = rand(n, n + 7);
      const r = ref(x, y);
      const tol64 = 4 * n * Number.EPSILON * r.scale + 1e-300;
      expect(Math.abs(dot(x, y) - r.value)).toBeLessThanOrEqual(tol64);
      expect(Math.abs((await dotAsync(x, y)) - r.value)).toBeLessThanOrEqual(tol64);
      const xf = Float32Array.from(x);
      const yf = Float32Array.from(y);
      const rf = ref(xf, yf);
      const tol32 = 4 * n * 2 ** -23 * rf.scale + 1e-30;
      expect(Math.abs(dot(xf, yf) - rf.value)).toBeLessThanOrEqual(tol32);
      expect(Math.abs((await dotAsync(xf, yf)) - rf.value)).toBeLessThanOrEqual(tol32);
    });
  }

  it('zero length is 0', () => {
    expect(dot(new Float64Array(0), new Float64Array(0))).toBe(0);
    expect(dot(new Float32Array(0), new Float32Array(0))).toBe(0);
  });

  it('works on subarray views and SharedArrayBuffer', () => {
    const big = new Float64Array(new SharedArrayBuffer(8 * 10)).fill(1);
    expect(dot(big.subarray(2, 7), big.subarray(5, 10))).toBe(5);
  });

  it('NaN and Infinity propagate', () => {
    expect(dot(new Float64Array([Number.NaN, 1]), new Float64Array([1, 1]))).toBeNaN();
    expect(dot(new Float64Array([Number.POSITIVE_INFINITY, 1]), new Float64Array([1, 1]))).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe('dot: bad input', () => {
  const f64 = new Float64Array(3);
  it('mismatched lengths -> RangeError naming y', () => {
    expect(() => dot(f64, new Float64Array(4))).toThrow(RangeError);
    expect(() => dot(f64, new Float64Array(4))).toThrow(/\by\b/);
  });
  it('non-typed-arrays -> TypeError naming the argument', () => {
    // @ts-expect-error deliberate bad input
    expect(() => dot([1, 2, 3], f64)).toThrow(TypeError);
    // @ts-expect-error deliberate bad input
    expect(() => dot(f64, null)).toThrow(/\by\b/);
    // @ts-expect-error deliberate bad input
    expect(() => dot(new Int32Array(3), new Int32Array(3))).toThrow(TypeError);
  });
  it('mixed f32/f64 -> TypeError', () => {
    expect(() => dot(f64, new Float32Array(3))).toThrow(TypeError);
  });
  it('detached buffers -> TypeError', async () => {
    const x = new Float64Array(4);
    structuredClone(x.buffer, { transfer: [x.buffer] });
    expect(() => dot(x, new Float64Array(0))).toThrow(/detached/);
    await expect(dotAsync(x, new Float64Array(0))).rejects.toThrow(TypeError);
    const y = new Float64Array(0);
    structuredClone(y.buffer, { transfer: [y.buffer] });
    expect(() => dot(new Float64Array(0), y)).toThrow(/detached/);
  });
  it('async bad input rejects (never throws synchronously)', async () => {
    const p = dotAsync(f64, new Float64Array(1));
    await expect(p).rejects.toThrow(RangeError);
  });
});
