/**
 * Level-1 TypeScript kernels over `[start, end)`: four independent accumulators so the loop is
 * not bound by one add's latency. Callers validate arguments; these only compute.
 */
import type { FloatArray } from '../types.js';

/** `Σ x[i]·y[i]` over `[s, e)`. */
export function dotRange(x: FloatArray, y: FloatArray, s: number, e: number): number {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = s;
  for (const e4 = e - 3; i < e4; i += 4) {
    a0 += x[i]! * y[i]!;
    a1 += x[i + 1]! * y[i + 1]!;
    a2 += x[i + 2]! * y[i + 2]!;
    a3 += x[i + 3]! * y[i + 3]!;
  }
  for (; i < e; i++) a0 += x[i]! * y[i]!;
  return a0 + a1 + (a2 + a3);
}

/** `y[i] += alpha·x[i]` over `[s, e)`. */
export function axpyRange(alpha: number, x: FloatArray, y: FloatArray, s: number, e: number): void {
  for (let i = s; i < e; i++) y[i]! += alpha * x[i]!;
}

/** `x[i] *= alpha` over `[s, e)`. */
export function scalRange(alpha: number, x: FloatArray, s: number, e: number): void {
  for (let i = s; i < e; i++) x[i]! *= alpha;
}

/** `Σ |x[i]|` over `[s, e)`. */
export function asumRange(x: FloatArray, s: number, e: number): number {
  let a0 = 0;
  let a1 = 0;
  let i = s;
  for (const e2 = e - 1; i < e2; i += 2) {
    a0 += Math.abs(x[i]!);
    a1 += Math.abs(x[i + 1]!);
  }
  if (i < e) a0 += Math.abs(x[i]!);
  return a0 + a1;
}

/** `Σ (x[i]/scale)²` over `[s, e)`. */
export function sumSqRange(x: FloatArray, s: number, e: number, scale = 1): number {
  let a0 = 0;
  let a1 = 0;
  let i = s;
  if (scale === 1) {
    for (const e2 = e - 1; i < e2; i += 2) {
      a0 += x[i]! * x[i]!;
      a1 += x[i + 1]! * x[i + 1]!;
    }
    if (i < e) a0 += x[i]! * x[i]!;
    return a0 + a1;
  }
  const inv = 1 / scale;
  for (; i < e; i++) {
    const v = x[i]! * inv;
    a0 += v * v;
  }
  return a0;
}

/** Largest `|x[i]|` over `[s, e)` (NaN if any element is NaN). */
export function maxAbsRange(x: FloatArray, s: number, e: number): number {
  let m = 0;
  for (let i = s; i < e; i++) {
    const v = Math.abs(x[i]!);
    if (v > m || Number.isNaN(v)) m = v;
    if (Number.isNaN(m)) return m;
  }
  return m;
}

/**
 * Euclidean norm without overflow or underflow: the plain sum of squares when it is finite and
 * normal, otherwise a second pass scaled by the largest magnitude.
 */
export function nrm2Range(x: FloatArray, s: number, e: number): number {
  const ss = sumSqRange(x, s, e);
  if (Number.isFinite(ss) && ss > 1e-280) return Math.sqrt(ss);
  const scale = maxAbsRange(x, s, e);
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  return scale * Math.sqrt(sumSqRange(x, s, e, scale));
}

/**
 * Index of the first largest `|x[i]|` in `[s, e)`, -1 when there is none. As in reference BLAS,
 * NaNs are skipped, except that a NaN at index 0 of the whole vector gives 0 (`s === 0`).
 */
export function iamaxRange(x: FloatArray, s: number, e: number): number {
  if (s >= e) return -1;
  if (s === 0 && Number.isNaN(x[0])) return 0;
  let best = -1;
  let m = -1;
  for (let i = s; i < e; i++) {
    const v = Math.abs(x[i]!);
    if (v > m) {
      m = v;
      best = i;
    }
  }
  return best;
}

/** `y[i] = x[i]` over `[s, e)`. */
export function copyRange(x: FloatArray, y: FloatArray, s: number, e: number): void {
  y.set(x.subarray(s, e) as never, s);
}

/** Exchanges `x[i]` and `y[i]` over `[s, e)`. */
export function swapRange(x: FloatArray, y: FloatArray, s: number, e: number): void {
  for (let i = s; i < e; i++) {
    const t = x[i]!;
    x[i] = y[i]!;
    y[i] = t;
  }
}

/** Plane rotation over `[s, e)`: `x ← c·x + s·y`, `y ← c·y − s·x` (BLAS rot). */
export function rotRange(x: FloatArray, y: FloatArray, c: number, sn: number, s: number, e: number): void {
  for (let i = s; i < e; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    x[i] = c * xi + sn * yi;
    y[i] = c * yi - sn * xi;
  }
}
