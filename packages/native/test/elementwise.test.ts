import {
  abs,
  absAsync,
  add,
  addAsync,
  clamp,
  clampAsync,
  div,
  exp,
  expAsync,
  fma,
  fmaAsync,
  log,
  map1,
  map2Async,
  maximum,
  minimum,
  mul,
  sqrt,
  sub,
} from '@polycore/native';
import { describe, expect, it } from 'vitest';
import { EPS, rand } from './level1.helpers.js';

type FA = Float64Array | Float32Array;
const SIZES = [0, 1, 7, 33, 513, 5000, (1 << 19) + 9];
const round = (dtype: 'f64' | 'f32', v: number): number => (dtype === 'f64' ? v : Math.fround(v));
const nanMin = (a: number, b: number): number =>
  Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.min(a, b);
const nanMax = (a: number, b: number): number =>
  Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b);

const BINARY: [string, (a: FA, b: FA, out?: FA) => FA, (a: number, b: number) => number][] = [
  ['add', add, (a, b) => a + b],
  ['sub', sub, (a, b) => a - b],
  ['mul', mul, (a, b) => a * b],
  ['div', div, (a, b) => a / b],
  ['minimum', minimum, nanMin],
  ['maximum', maximum, nanMax],
];

function expectAll(
  got: FA,
  want: (i: number) => number,
  tol: (w: number, i: number) => number = () => 0,
): void {
  for (let i = 0; i < got.length; i++) {
    const w = want(i);
    if (Number.isNaN(w)) expect(got[i]).toBeNaN();
    else if (Math.abs(got[i]! - w) > tol(w, i)) expect(got[i]).toBe(w);
  }
}

describe.each(['f64', 'f32'] as const)('elementwise (%s)', (dtype) => {
  for (const n of SIZES) {
    it(`binary ops at n=${n}: new out, given out, in place`, async () => {
      const a = rand(dtype, n, n + 1);
      const b = rand(dtype, n, n + 2);
      if (n > 3) b[2] = Number.NaN;
      for (const [name, f, ref] of BINARY) {
        const want = (i: number): number => round(dtype, ref(a[i]!, b[i]!));
        const out = f(a, b);
        expect(out.constructor).toBe(a.constructor);
        expectAll(out, want);
        const given = dtype === 'f64' ? new Float64Array(n) : new Float32Array(n);
        expect(f(a, b, given)).toBe(given);
        expectAll(given, want);
        const inA = a.slice();
        f(inA, b, inA);
        expectAll(inA, want);
        const inB = b.slice();
        f(a, inB, inB);
        expectAll(inB, want);
        if (n < 6000) {
          const viaAsync = await map2Async(
            name === 'minimum' ? 'min' : name === 'maximum' ? 'max' : (name as 'add'),
            a,
            b,
          );
          expectAll(viaAsync, want);
        }
      }
      const self = a.slice();
      await addAsync(self, self, self);
      expectAll(self, (i) => round(dtype, 2 * a[i]!));
    });

    it(`unary ops, fma and clamp at n=${n}`, async () => {
      const x = rand(dtype, n, n + 3);
      const pos = x.map((v) => Math.abs(v) + 0.25) as FA;
      const rel = (w: number): number => 2 * EPS[dtype] * Math.abs(w);
      expectAll(sqrt(pos), (i) => round(dtype, Math.sqrt(pos[i]!)));
      expectAll(exp(x), (i) => round(dtype, Math.exp(x[i]!)), rel);
      expectAll(await expAsync(x), (i) => round(dtype, Math.exp(x[i]!)), rel);
      expectAll(log(pos), (i) => round(dtype, Math.log(pos[i]!)), rel);
      expectAll(abs(x), (i) => Math.abs(x[i]!));
      const inPlace = x.slice();
      await absAsync(inPlace, inPlace);
      expectAll(inPlace, (i) => Math.abs(x[i]!));
      expect(map1('sqrt', pos)).toEqual(sqrt(pos));
      const b = rand(dtype, n, n + 4);
      const c = rand(dtype, n, n + 5);
      // fused: one rounding of the exact a·b + c (exact in f64 for f32 inputs)
      const fused = (i: number): number =>
        dtype === 'f32' ? Math.fround(x[i]! * b[i]! + c[i]!) : x[i]! * b[i]! + c[i]!;
      const fmaTol = (w: number, i: number): number =>
        2 * EPS[dtype] * (Math.abs(w) + Math.abs(x[i]! * b[i]!));
      expectAll(fma(x, b, c), fused, fmaTol);
      const cc = c.slice();
      expect(await fmaAsync(x, b, cc, cc)).toBe(cc);
      expectAll(cc, fused, fmaTol);
      expectAll(clamp(x, -0.5, 0.25), (i) => Math.min(Math.max(x[i]!, -0.5), 0.25));
      expectAll(await clampAsync(x, -0.5, 0.25), (i) => Math.min(Math.max(x[i]!, -0.5), 0.25));
    });
  }
});

describe('elementwise edge cases and bad input', () => {
  it('NaN and Infinity propagate', () => {
    const x = new Float64Array([Number.NaN, Number.POSITIVE_INFINITY, -1, 0]);
    const c = clamp(x, 0, 1);
    expect(c[0]).toBeNaN();
    expect(Array.from(c.subarray(1))).toEqual([1, 0, 0]);
    const l = log(x);
    expect(l[3]).toBe(Number.NEGATIVE_INFINITY);
    expect(l[2]).toBeNaN();
    expect(minimum(new Float64Array([1]), new Float64Array([Number.NaN]))[0]).toBeNaN();
  });
  it('out partially overlapping an input -> RangeError; whole-array aliasing is fine', async () => {
    const buf = new Float64Array(10);
    expect(() => add(buf.subarray(0, 5), buf.subarray(0, 5), buf.subarray(1, 6))).toThrow(RangeError);
    await expect(expAsync(buf.subarray(2, 7), buf.subarray(0, 5))).rejects.toThrow(/overlap/);
    expect(() => add(buf.subarray(0, 4), buf.subarray(1, 5), buf.subarray(5, 9))).not.toThrow();
  });
  it('types, lengths and bounds', async () => {
    const a = new Float64Array(3);
    expect(() => add(a, new Float64Array(4))).toThrow(/\bb\b/);
    expect(() => add(a, a, new Float64Array(2))).toThrow(/\bout\b/);
    expect(() => add(a, new Float32Array(3) as unknown as Float64Array)).toThrow(TypeError);
    // @ts-expect-error deliberate bad input
    expect(() => sqrt([1, 2])).toThrow(TypeError);
    // @ts-expect-error deliberate bad input
    expect(() => sqrt(a, 'out')).toThrow(TypeError);
    expect(() => clamp(a, 1, 0)).toThrow(RangeError);
    expect(() => clamp(a, Number.NaN, 0)).toThrow(RangeError);
    // @ts-expect-error deliberate bad input
    expect(() => map1('cbrt', a)).toThrow(RangeError);
    const d = new Float32Array(2);
    structuredClone(d.buffer, { transfer: [d.buffer] });
    await expect(fmaAsync(d, d, d)).rejects.toThrow(/detached/);
  });
});
