/** Elementwise kernels against f64 references, within WGSL's f32 accuracy (u = 2^-24 per rounding). */
import * as G from '@polycore/gpu';
import { GpuArray } from '@polycore/gpu';
import { describe, expect, it } from 'vitest';
import { expectClose, hasF16, hasGpu, probed, randomF32, U16, U32 } from './helpers.js';

const n = 1000;
const xs = randomF32(n, 3, 4);
const ys = randomF32(n, 4, 4);
const zs = randomF32(n, 5, 4);

// Correctly rounded ops: one rounding (u·|r|). Builtins: WGSL's precision table (sqrt ≈ 2.5 ulp,
// exp 3 + 2|x| ulp, log 3 ulp or 2^-21 absolute near 1) — expressed as multiples of u.
const cases: [
  string,
  (x: GpuArray, y: GpuArray, z: GpuArray) => GpuArray,
  (x: number, y: number, z: number) => number,
  (x: number, r: number) => number,
][] = [
  ['add', (x, y) => G.add(x, y), (x, y) => x + y, (_x, r) => U32 * Math.abs(r)],
  ['sub', (x, y) => G.sub(x, y), (x, y) => x - y, (_x, r) => U32 * Math.abs(r)],
  ['mul', (x, y) => G.mul(x, y), (x, y) => x * y, (_x, r) => U32 * Math.abs(r)],
  ['div', (x, y) => G.div(x, y), (x, y) => x / y, (_x, r) => 3 * U32 * Math.abs(r)],
  ['fma', (x, y, z) => G.fma(x, y, z), (x, y, z) => x * y + z, (_x, r) => 2 * U32 * (Math.abs(r) + 16)],
  ['minimum', (x, y) => G.minimum(x, y), (x, y) => Math.min(x, y), () => 0],
  ['maximum', (x, y) => G.maximum(x, y), (x, y) => Math.max(x, y), () => 0],
  ['clamp', (x) => G.clamp(x, -1, 0.5), (x) => Math.min(Math.max(x, -1), 0.5), () => 0],
  ['abs', (x) => G.abs(x), (x) => Math.abs(x), () => 0],
  ['neg', (x) => G.neg(x), (x) => -x, () => 0],
  ['sqrt', (x) => G.sqrt(G.abs(x)), (x) => Math.sqrt(Math.abs(x)), (_x, r) => 6 * U32 * Math.abs(r)],
  ['exp', (x) => G.exp(x), (x) => Math.exp(x), (x, r) => (4 + 4 * Math.abs(x)) * U32 * Math.abs(r)],
  [
    'log',
    (x) => G.log(G.add(G.abs(x), 0.01)),
    (x) => Math.log(Math.abs(x) + 0.01),
    (_x, r) => 8 * U32 * Math.abs(r) + 2 ** -21,
  ],
];

describe.runIf(hasGpu)(`elementwise (${probed.reason || 'device'})`, () => {
  for (const [name, gpuOp, ref, tol] of cases) {
    it(`${name} matches the f64 reference`, async () => {
      const x = GpuArray.from(xs);
      const y = GpuArray.from(ys);
      const z = GpuArray.from(zs);
      const got = await gpuOp(x, y, z).toArray();
      const want = Array.from(xs, (v, i) => ref(v, ys[i] as number, zs[i] as number));
      // Inputs that are already f32: the reference differs only by the kernel's own rounding.
      expectClose(
        got,
        want,
        want.map((r, i) => tol(xs[i] as number, r) + 1e-30),
      );
    });
  }

  it('broadcasts numbers on either side and writes in place with out', async () => {
    const x = GpuArray.from([1, 2, 4]);
    expect(Array.from(await G.div(1, x).toArray())).toEqual([1, 0.5, 0.25]);
    expect(Array.from(await G.sub(x, 1).toArray())).toEqual([0, 1, 3]);
    const same = G.mul(x, x, { out: x });
    expect(same).toBe(x);
    expect(G.add(x, 0, x)).toBe(x); // positional out, as in @polycore/native
    expect(Array.from(await x.toArray())).toEqual([1, 4, 16]);
    const lo = GpuArray.from([0, 5, 0]);
    expect(Array.from(await G.clamp(x, lo, 10).toArray())).toEqual([1, 5, 10]);
  });

  it('works on views (offsets) and chains without transfers', async () => {
    const x = GpuArray.from([9, 9, 1, 2, 3, 9]);
    const v = x.subarray(2, 5);
    const r = G.sqrt(G.add(G.mul(v, v), 0)); // |v|
    expect(Array.from(await r.toArray())).toEqual([1, 2, 3]);
    G.neg(v, { out: v });
    expect(Array.from(await x.toArray())).toEqual([9, 9, -1, -2, -3, 9]);
  });

  it('covers sizes beyond one grid row (2-D dispatch) and odd tails', async () => {
    const big = 65535 * 256 + 77;
    const x = GpuArray.empty(big);
    const y = G.add(x, 3);
    expect(Array.from(await y.subarray(big - 3).toArray())).toEqual([3, 3, 3]);
    expect(Array.from(await y.subarray(65535 * 256 - 1, 65535 * 256 + 1).toArray())).toEqual([3, 3]);
    x.dispose();
    y.dispose();
  });

  it('rejects bad arguments with TypeError / RangeError naming them', () => {
    const x = GpuArray.from([1, 2, 3]);
    const y = GpuArray.from([1, 2]);
    expect(() => G.add(x, y)).toThrow(/y must have the same length as x/);
    expect(() => G.add(1, 2 as never)).toThrow(/at least one of x, y must be a GpuArray/);
    expect(() => G.add(x, 'a' as never)).toThrow(/y must be a GpuArray or a number/);
    expect(() => G.add(x, x, { out: y })).toThrow(RangeError);
    expect(() => G.add(x, x, { out: x.subarray(0, 3) })).not.toThrow();
    const w = GpuArray.from([1, 2, 3, 4]);
    expect(() => G.add(w.subarray(0, 3), 1, { out: w.subarray(1, 4) })).toThrow(/partially overlaps/);
    x.dispose();
    expect(() => G.exp(x)).toThrow(/x was disposed/);
  });

  it.runIf(hasF16)('f16 arrays compute in f32 and round once to f16', async () => {
    const x = GpuArray.from(xs, { dtype: 'f16' });
    const y = GpuArray.from(ys, { dtype: 'f16' });
    const hx = await x.toArray();
    const hy = await y.toArray();
    const got = await G.mul(x, y).toArray();
    const want = Array.from(hx, (v, i) => v * (hy[i] as number));
    expectClose(
      got,
      want,
      want.map((r) => U16 * Math.abs(r) + 2 ** -24),
    );
    expect(() => G.add(x, GpuArray.from(ys))).toThrow(/same dtype/);
  });
});

describe.runIf(hasGpu)('in-place BLAS level 1 (axpy, scal)', () => {
  it('axpy updates y in place, also when x is y', async () => {
    const x = GpuArray.from(xs);
    const y = GpuArray.from(ys);
    expect(G.axpy(2, x, y)).toBe(y);
    const want = Array.from(xs, (v, i) => 2 * v + (ys[i] as number));
    expectClose(
      await y.toArray(),
      want,
      want.map((r) => 2 * U32 * (Math.abs(r) + 8)),
    );
    G.axpy(1, y, y);
    expectClose(
      await y.toArray(),
      want.map((v) => 2 * v),
      want.map((r) => 4 * U32 * (Math.abs(r) + 8)),
    );
    expect(() => G.axpy('2' as never, x, y)).toThrow(/alpha must be a number/);
    expect(() => G.axpy(2, x, y.subarray(1))).toThrow(RangeError);
  });

  it('scal scales in place', async () => {
    const x = GpuArray.from([1, -2, 3]);
    expect(G.scal(-0.5, x)).toBe(x);
    expect(Array.from(await x.toArray())).toEqual([-0.5, 1, -1.5]);
  });
});

describe.runIf(hasGpu)("strided level 1 (native's opts: n, offsetX, incX, offsetY, incY)", () => {
  it('axpy and scal touch only the selected elements, also with negative strides', async () => {
    const x = GpuArray.from([1, 2, 3, 4, 5, 6]);
    const y = GpuArray.from([0, 0, 0, 0, 0, 0]);
    // y[0], y[1], y[2] += 10·x[5], x[3], x[1] (x read backwards with stride 2).
    G.axpy(10, x, y, { n: 3, incX: -2, offsetX: 5, incY: 1 });
    expect(Array.from(await y.toArray())).toEqual([60, 40, 20, 0, 0, 0]);
    G.scal(-1, y, { incX: 3 }); // elements 0 and 3
    expect(Array.from(await y.toArray())).toEqual([-60, 40, 20, -0, 0, 0]);
    // Within one array (disjoint halves): x[0..2] += x[5], x[4], x[3].
    G.axpy(1, x, x, { n: 3, offsetX: 5, incX: -1, offsetY: 0 });
    expect(Array.from(await x.toArray())).toEqual([7, 7, 7, 4, 5, 6]);
  });

  it('dot, nrm2 and asum read strided elements', async () => {
    const x = GpuArray.from([1, 100, 2, 100, 3]);
    const y = GpuArray.from([3, 2, 1]);
    expect(await G.dot(x, y, { incX: 2 })).toBe(1 * 3 + 2 * 2 + 3 * 1);
    expect(await G.dot(x, y, { incX: 2, incY: -1 })).toBe(1 * 1 + 2 * 2 + 3 * 3);
    expect(await G.nrm2(GpuArray.from([3, 9, 4]), { incX: 2 })).toBe(5);
    expect(await G.asum(GpuArray.from([-1, 9, -2, 9]), { n: 2, incX: 2 })).toBe(3);
    expect(await G.dot(x, y, { n: 0 })).toBe(0);
  });

  it('rejects bad strides and partially overlapping outputs', async () => {
    const x = GpuArray.from([1, 2, 3, 4]);
    expect(() => G.scal(2, x, { incX: 0 })).toThrow(/incX must be a nonzero integer/);
    expect(() => G.scal(2, x, { n: 3, incX: 2 })).toThrow(/x is too short/);
    expect(() => G.scal(2, x, { offsetX: 4, n: 1 })).toThrow(/offsetX \(4\) is out of bounds/);
    await expect(G.dot(x, x, { incX: 2 })).rejects.toThrow(/pass opts.n/);
    expect(() => G.axpy(1, x, x, { n: 3, offsetY: 1 })).toThrow(/y partially overlaps x/);
    expect(() => G.scal(2, x, 'fast' as never)).toThrow(/opts must be an object/);
  });
});
