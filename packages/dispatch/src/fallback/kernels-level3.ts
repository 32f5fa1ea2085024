/**
 * Matrix TypeScript kernels (row-major; column-major calls are mapped onto these by the caller):
 * gemm over a range of rows of C, gemv over a range of rows of y, ger over a range of rows of A.
 */
import type { FloatArray } from '../types.js';

/** Row-major gemm operands, already validated: `C = alpha·op(A)·op(B) + beta·C`. */
export interface GemmArgs {
  m: number;
  n: number;
  k: number;
  alpha: number;
  beta: number;
  a: FloatArray;
  lda: number;
  transA: boolean;
  b: FloatArray;
  ldb: number;
  transB: boolean;
  c: FloatArray;
  ldc: number;
}

const KB = 256;

/** Rows `[i0, i1)` of C for {@link GemmArgs}. */
export function gemmRows(g: GemmArgs, i0: number, i1: number): void {
  const { n, k, alpha, beta, a, lda, transA, b, ldb, transB, c, ldc } = g;
  for (let i = i0; i < i1; i++) {
    const ci = i * ldc;
    if (beta === 0) c.fill(0, ci, ci + n);
    else if (beta !== 1) for (let j = 0; j < n; j++) c[ci + j]! *= beta;
  }
  if (alpha === 0 || k === 0) return;
  if (transB) {
    // B(p, j) = b[j·ldb + p]: each C(i, j) is a dot of row i of op(A) and row j of b.
    for (let i = i0; i < i1; i++) {
      const ci = i * ldc;
      for (let j = 0; j < n; j++) {
        const bj = j * ldb;
        let s0 = 0;
        let s1 = 0;
        let p = 0;
        if (transA) {
          for (; p < k; p++) s0 += a[p * lda + i]! * b[bj + p]!;
        } else {
          const ai = i * lda;
          for (const k2 = k - 1; p < k2; p += 2) {
            s0 += a[ai + p]! * b[bj + p]!;
            s1 += a[ai + p + 1]! * b[bj + p + 1]!;
          }
          if (p < k) s0 += a[ai + p]! * b[bj + p]!;
        }
        c[ci + j]! += alpha * (s0 + s1);
      }
    }
    return;
  }
  // C(i, :) += A(i, p)·B(p, :): contiguous rows of B and C in the inner loop, blocked over p so a
  // panel of B stays in cache across the rows of C.
  for (let p0 = 0; p0 < k; p0 += KB) {
    const p1 = Math.min(k, p0 + KB);
    for (let i = i0; i < i1; i++) {
      const ci = i * ldc;
      if (transA) {
        for (let p = p0; p < p1; p++) axpyRow(alpha * a[p * lda + i]!, b, p * ldb, c, ci, n);
      } else {
        const ai = i * lda;
        for (let p = p0; p < p1; p++) axpyRow(alpha * a[ai + p]!, b, p * ldb, c, ci, n);
      }
    }
  }
}

/** `c[ci + j] += s·b[bp + j]` for j < n. */
function axpyRow(s: number, b: FloatArray, bp: number, c: FloatArray, ci: number, n: number): void {
  for (let j = 0; j < n; j++) c[ci + j]! += s * b[bp + j]!;
}

/** Row-major gemv operands: `y = alpha·op(A)·x + beta·y`, A is m×n. */
export interface GemvArgs {
  m: number;
  n: number;
  alpha: number;
  beta: number;
  a: FloatArray;
  lda: number;
  trans: boolean;
  x: FloatArray;
  incX: number;
  y: FloatArray;
  incY: number;
}

/** Entries `[r0, r1)` of y for {@link GemvArgs} (rows of op(A)). */
export function gemvRows(g: GemvArgs, r0: number, r1: number): void {
  const { m, n, alpha, beta, a, lda, trans, x, incX, y, incY } = g;
  if (trans) {
    // y(r) over columns r of A: accumulate rows of A scaled by x (contiguous reads).
    for (let r = r0; r < r1; r++) y[r * incY] = beta === 0 ? 0 : beta * y[r * incY]!;
    for (let p = 0; p < m; p++) {
      const xp = alpha * x[p * incX]!;
      const ap = p * lda;
      if (incY === 1) for (let r = r0; r < r1; r++) y[r]! += xp * a[ap + r]!;
      else for (let r = r0; r < r1; r++) y[r * incY]! += xp * a[ap + r]!;
    }
    return;
  }
  if (incX !== 1) {
    for (let r = r0; r < r1; r++) {
      let s0 = 0;
      for (let p = 0; p < n; p++) s0 += a[r * lda + p]! * x[p * incX]!;
      y[r * incY] = alpha * s0 + (beta === 0 ? 0 : beta * y[r * incY]!);
    }
    return;
  }
  for (let r = r0; r < r1; r++) {
    const ar = r * lda;
    let s0 = 0;
    let s1 = 0;
    let p = 0;
    for (const c2 = n - 1; p < c2; p += 2) {
      s0 += a[ar + p]! * x[p]!;
      s1 += a[ar + p + 1]! * x[p + 1]!;
    }
    if (p < n) s0 += a[ar + p]! * x[p]!;
    y[r * incY] = alpha * (s0 + s1) + (beta === 0 ? 0 : beta * y[r * incY]!);
  }
}

/** Row-major ger operands: `A += alpha·x·yᵀ`, A is m×n. */
export interface GerArgs {
  m: number;
  n: number;
  alpha: number;
  x: FloatArray;
  incX: number;
  y: FloatArray;
  incY: number;
  a: FloatArray;
  lda: number;
}

/** Rows `[i0, i1)` of A for {@link GerArgs}. */
export function gerRows(g: GerArgs, i0: number, i1: number): void {
  const { n, alpha, x, incX, y, incY, a, lda } = g;
  for (let i = i0; i < i1; i++) {
    const s = alpha * x[i * incX]!;
    const ai = i * lda;
    if (incY === 1) for (let j = 0; j < n; j++) a[ai + j]! += s * y[j]!;
    else for (let j = 0; j < n; j++) a[ai + j]! += s * y[j * incY]!;
  }
}
