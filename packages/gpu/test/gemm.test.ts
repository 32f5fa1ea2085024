/** gemm against an f64 reference with the bound (k+3)·u·(|A||B|)_ij per element. */
import { GpuArray, gemm } from '@polycore/gpu';
import { describe, expect, it } from 'vitest';
import { expectClose, hasF16, hasGpu, probed, randomF32, refGemm, U16 } from './helpers.js';

// 'cpu' is the direct (no workgroup memory) kernel lavapipe uses; 't16' the tiled kernel GPUs use
// (its smallest tiling: the same generated code paths as t32/t64/t128 at a fraction of lavapipe's
// compile time).
const tiles = ['cpu', 't16'];

describe.runIf(hasGpu)(`gemm (${probed.reason || 'device'})`, () => {
  for (const tile of tiles) {
    for (const [transA, transB] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      it(`${tile}: odd shape 37×45×29, transA=${transA}, transB=${transB}`, async () => {
        const m = 37;
        const n = 45;
        const k = 29;
        const a = randomF32(m * k, 11);
        const b = randomF32(k * n, 12);
        const c = gemm({ m, n, k, a: GpuArray.from(a), b: GpuArray.from(b), transA, transB, tile });
        const { want, tol } = refGemm({ m, n, k, a, b, transA, transB });
        expectClose(await c.toArray(), want, tol);
      });
    }

    it(`${tile}: vec4 loads (multiples of 4), alpha/beta into c, views with offsets`, async () => {
      const m = 68;
      const n = 72;
      const k = 40;
      const a = randomF32(m * k, 21);
      const b = randomF32(k * n, 22);
      const c0 = randomF32(m * n, 23);
      const ga = GpuArray.from(new Float32Array([0, 0, 0, 0, ...a])).subarray(4);
      const c = GpuArray.from(c0);
      expect(gemm({ m, n, k, a: ga, b: GpuArray.from(b), c, alpha: 0.5, beta: -2, tile })).toBe(c);
      const { want, tol } = refGemm({ m, n, k, a, b, c: c0, alpha: 0.5, beta: -2 });
      expectClose(await c.toArray(), want, tol);
      // Misaligned view: falls back to scalar loads.
      const gb = GpuArray.from(new Float32Array([0, ...b])).subarray(1);
      const { want: w2, tol: t2 } = refGemm({ m, n, k, a, b });
      expectClose(await gemm({ m, n, k, a: ga, b: gb, tile }).toArray(), w2, t2);
    });
  }

  it('leading dimensions and column-major layout', async () => {
    const m = 5;
    const n = 6;
    const k = 7;
    const lda = 9;
    const ldb = 8;
    const ldc = 10;
    const a = randomF32((m - 1) * lda + k, 31);
    const b = randomF32((k - 1) * ldb + n, 32);
    const c0 = randomF32((m - 1) * ldc + n, 33);
    const c = GpuArray.from(c0);
    gemm({ m, n, k, a: GpuArray.from(a), b: GpuArray.from(b), c, lda, ldb, ldc, beta: 1 });
    const r = refGemm({ m, n, k, a, b, c: c0, lda, ldb, ldc, beta: 1 });
    expectClose(await c.toArray(), r.want, r.tol);
    const acm = randomF32(m * k, 34); // m×k column-major = k×m row-major
    const bcm = randomF32(k * n, 35);
    const got = await gemm({
      m,
      n,
      k,
      a: GpuArray.from(acm),
      b: GpuArray.from(bcm),
      layout: 'column-major',
    }).toArray();
    // C(i,j) = Σ_p acm[p·m+i]·bcm[j·k+p] stored at j·m+i: the row-major n×m product bcm(n×k)·acm(k×m).
    const ref = refGemm({ m: n, n: m, k, a: bcm, b: acm });
    expectClose(got, ref.want, ref.tol);
  });

  it('beta = 0 ignores NaN in c; k = 0 scales c by beta; empty shapes return c', async () => {
    const c = GpuArray.from([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    const a = GpuArray.from([1, 2]);
    gemm({ m: 2, n: 2, k: 1, a, b: a, c });
    expect(Array.from(await c.toArray())).toEqual([1, 2, 2, 4]);
    gemm({ m: 2, n: 2, k: 0, a, b: a, c, beta: 3 });
    expect(Array.from(await c.toArray())).toEqual([3, 6, 6, 12]);
    expect(gemm({ m: 0, n: 3, k: 2, a, b: GpuArray.from([1, 2, 3, 4, 5, 6]) }).length).toBe(0);
  });

  it('a product larger than one tile in every direction (non-multiple sizes)', async () => {
    const m = 131;
    const n = 197;
    const k = 70;
    const a = randomF32(m * k, 41);
    const b = randomF32(k * n, 42);
    const r = refGemm({ m, n, k, a, b });
    expectClose(await gemm({ m, n, k, a: GpuArray.from(a), b: GpuArray.from(b) }).toArray(), r.want, r.tol);
  });

  it('rejects bad arguments with TypeError / RangeError naming them', () => {
    const a = GpuArray.from([1, 2, 3, 4]);
    expect(() => gemm(null as never)).toThrow(/gemm options must be an options object/);
    expect(() => gemm({ m: 2, n: 2, k: 3, a, b: a })).toThrow(/a is too short/);
    expect(() => gemm({ m: -1, n: 2, k: 2, a, b: a })).toThrow(/m must be an integer/);
    expect(() => gemm({ m: 2, n: 2, k: 2, a, b: new Float32Array(4) as never })).toThrow(
      /b must be a GpuArray/,
    );
    expect(() => gemm({ m: 2, n: 2, k: 2, a, b: a, c: a })).toThrow(/c must not overlap a/);
    expect(() => gemm({ m: 2, n: 2, k: 2, a, b: a, lda: 1 })).toThrow(/lda must be at least/);
    expect(() => gemm({ m: 2, n: 2, k: 2, a, b: a, layout: 'diagonal' as never })).toThrow(RangeError);
    expect(() => gemm({ m: 2, n: 2, k: 2, a, b: a, tile: 'huge' })).toThrow(/tile must be one of/);
  });

  it.runIf(hasF16)('f16 gemm accumulates in f32 and rounds once', async () => {
    const m = 33;
    const n = 20;
    const k = 24;
    const ga = GpuArray.from(randomF32(m * k, 51), { dtype: 'f16' });
    const gb = GpuArray.from(randomF32(k * n, 52), { dtype: 'f16' });
    const a = await ga.toArray();
    const b = await gb.toArray();
    const { want, tol } = refGemm({ m, n, k, a, b });
    const got = await gemm({ m, n, k, a: ga, b: gb }).toArray();
    expectClose(
      got,
      want,
      Array.from(tol, (t, i) => t + U16 * Math.abs(want[i] as number)),
    );
  });
});
