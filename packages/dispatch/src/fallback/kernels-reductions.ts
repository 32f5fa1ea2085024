/** Reduction TypeScript kernels over `[s, e)`, with partial results that combine across workers. */
import type { FloatArray } from '../types.js';

/** How `sum` adds: pairwise (default; error O(log n)) or Kahan-compensated. */
export type SumMethod = 'pairwise' | 'kahan';

const BLOCK = 128;

/** Plain sum with four accumulators. */
export function naiveSumRange(x: FloatArray, s: number, e: number): number {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = s;
  for (const e4 = e - 3; i < e4; i += 4) {
    a0 += x[i]!;
    a1 += x[i + 1]!;
    a2 += x[i + 2]!;
    a3 += x[i + 3]!;
  }
  for (; i < e; i++) a0 += x[i]!;
  return a0 + a1 + (a2 + a3);
}

/** Pairwise sum: blocks of 128 summed plainly, blocks combined as a binary tree. */
export function pairwiseSumRange(x: FloatArray, s: number, e: number): number {
  const n = e - s;
  if (n <= BLOCK) return naiveSumRange(x, s, e);
  const h = Math.floor(n / 2 / BLOCK) * BLOCK;
  const half = s + (h === 0 ? n >> 1 : h);
  return pairwiseSumRange(x, s, half) + pairwiseSumRange(x, half, e);
}

/** Kahan–Babuška (Neumaier) compensated sum: `[sum, compensation]`. */
export function kahanSumRange(x: FloatArray, s: number, e: number): [number, number] {
  let sum = 0;
  let c = 0;
  for (let i = s; i < e; i++) {
    const v = x[i]!;
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return [sum, c];
}

/** The sum of `[s, e)` by `method`. */
export function sumRange(x: FloatArray, s: number, e: number, method: SumMethod): number {
  if (method === 'kahan') {
    const [sum, c] = kahanSumRange(x, s, e);
    return sum + c;
  }
  return pairwiseSumRange(x, s, e);
}

/** Smallest (`sign` = 1) or largest (`sign` = -1) element of `[s, e)`; NaN if any is NaN. */
export function extremumRange(x: FloatArray, s: number, e: number, sign: 1 | -1): number {
  let m = sign * Number.POSITIVE_INFINITY;
  if (sign === 1) {
    for (let i = s; i < e; i++) {
      const v = x[i]!;
      if (v < m) m = v;
      else if (Number.isNaN(v)) return v;
    }
  } else {
    for (let i = s; i < e; i++) {
      const v = x[i]!;
      if (v > m) m = v;
      else if (Number.isNaN(v)) return v;
    }
  }
  return m;
}

/** `[count, mean, M2]` of `[s, e)`: two passes (exact mean, then squared deviations). */
export function momentsRange(x: FloatArray, s: number, e: number): [number, number, number] {
  const n = e - s;
  if (n === 0) return [0, 0, 0];
  const mean = pairwiseSumRange(x, s, e) / n;
  let m0 = 0;
  let m1 = 0;
  let i = s;
  for (const e2 = e - 1; i < e2; i += 2) {
    const d0 = x[i]! - mean;
    const d1 = x[i + 1]! - mean;
    m0 += d0 * d0;
    m1 += d1 * d1;
  }
  if (i < e) {
    const d = x[i]! - mean;
    m0 += d * d;
  }
  return [n, mean, m0 + m1];
}

/** Chan et al.'s combination of two `[count, mean, M2]` partials. */
export function combineMoments(
  a: [number, number, number],
  b: [number, number, number],
): [number, number, number] {
  const n = a[0] + b[0];
  if (n === 0) return [0, 0, 0];
  if (a[0] === 0) return b;
  if (b[0] === 0) return a;
  const d = b[1] - a[1];
  return [n, a[1] + (d * b[0]) / n, a[2] + b[2] + (d * d * a[0] * b[0]) / n];
}
