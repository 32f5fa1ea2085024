/** gemv against an f64 reference with the bound (n+3)·u·Σ|a||x| per element. */
import { GpuArray, gemv } from '@polycore/gpu';
import { describe, expect, it } from 'vitest';
import { expectClose, hasGpu, probed, randomF32, U32 } from './helpers.js';

function refGemv(
  m: number,
  n: number,
  a: Float32Array,
  x: Float32Array,
  trans: boolean,
  lda: number,
  incX = 1,
) {
  const rows = trans ? n : m;
  const inner = trans ? m : n;
  const want = new Float64Array(rows);
  const tol = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    let sa = 0;
    for (let q = 0; q < inner; q++) {
      const av = trans ? (a[q * lda + r] as number) : (a[r * lda + q] as number);
      const p = av * (x[q * incX] as number);
      s += p;
      sa += Math.abs(p);
    }
    want[r] = s;
    tol[r] = (inner + 3) * U32 * sa + 1e-30;
  }
  return { want, tol };
}

describe.runIf(hasGpu)(`gemv (${probed.reason || 'device'})`, () => {
  for (const trans of [false, true]) {
    it(`m=70, n=131, trans=${trans}, with lda padding`, async () => {
      const m = 70;
      const n = 131;
      const lda = 140;
      const a = randomF32((m - 1) * lda + n, 61);
      const x = randomF32(trans ? m : n, 62);
      const y = gemv({ m, n, a: GpuArray.from(a), x: GpuArray.from(x), trans, lda });
      const { want, tol } = refGemv(m, n, a, x, trans, lda);
      expectClose(await y.toArray(), want, tol);
    });
  }

  it('alpha, beta, strides and column-major', async () => {
    const m = 3;
    const n = 4;
    const a = GpuArray.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); // 3×4 row-major
    const x = GpuArray.from([1, 0, 1, 0, 1, 0, 1]); // incX 2 → [1,1,1,1]
    const y = GpuArray.from([1, -1, 1, -1, 1]); // incY 2 → [1, 1, 1]
    gemv({ m, n, a, x, y, incX: 2, incY: 2, alpha: 2, beta: 10 });
    expect(Array.from(await y.toArray())).toEqual([30, -1, 62, -1, 94]);
    // The same 12 numbers as a 4×3 column-major matrix is the transpose: A_cm (m=4, n=3).
    const z = gemv({ m: 4, n: 3, a, x: GpuArray.from([1, 1, 1]), layout: 'column-major' });
    expect(Array.from(await z.toArray())).toEqual([15, 18, 21, 24]);
    const zt = gemv({ m: 4, n: 3, a, x: GpuArray.from([1, 1, 1, 1]), layout: 'column-major', trans: true });
    expect(Array.from(await zt.toArray())).toEqual([10, 26, 42]);
  });

  it('beta = 0 ignores NaN in y; empty inner dimension gives beta·y', async () => {
    const a = GpuArray.from([1, 2, 3, 4]);
    const y = GpuArray.from([Number.NaN, Number.NaN]);
    gemv({ m: 2, n: 2, a, x: GpuArray.from([1, 1]), y });
    expect(Array.from(await y.toArray())).toEqual([3, 7]);
    gemv({ m: 2, n: 0, a, x: GpuArray.from([]), y, beta: 2 });
    expect(Array.from(await y.toArray())).toEqual([6, 14]);
  });

  it('rejects bad arguments', () => {
    const a = GpuArray.from([1, 2, 3, 4]);
    expect(() => gemv({ m: 2, n: 2, a, x: GpuArray.from([1]) })).toThrow(/x is too short/);
    expect(() => gemv({ m: 2, n: 2, a, x: a.subarray(0, 2), y: a.subarray(2) })).toThrow(
      /y must not overlap a/,
    );
    expect(() => gemv({ m: 2, n: 2, a, x: a, incX: 0 })).toThrow(/incX must be an integer/);
  });
});
