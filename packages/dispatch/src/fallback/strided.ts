/**
 * BLAS-style strided views for the level-1 functions' `opts` (element `i` is
 * `x[offsetX + i·incX]`), resolved exactly as @polycore/native resolves them, and gather/scatter
 * so the contiguous TypeScript kernels can run on them when there is no native core.
 */
import { oneArgs, type PairOptions, pairArgs, type VectorOptions } from '@polycore/native';
import type { FloatArray } from '../types.js';

export type { PairOptions, VectorOptions };

/**
 * `[n, offsetX, incX]` of one strided vector, checked and resolved by @polycore/native's own rules
 * (pure TypeScript: works without the native binary).
 *
 * @example
 * ```ts
 * resolveOne(new Float64Array(5), { incX: -2 }); // [3, 4, -2]
 * ```
 */
export function resolveOne(x: FloatArray, opts: VectorOptions | undefined): [number, number, number] {
  return oneArgs(x, opts);
}

/**
 * `[n, offsetX, incX, offsetY, incY]` of two strided vectors holding as many elements.
 *
 * @example
 * ```ts
 * resolvePair(new Float64Array(4), new Float64Array(2), { incX: 2 }); // [2, 0, 2, 0, 1]
 * ```
 */
export function resolvePair(
  x: FloatArray,
  y: FloatArray,
  opts: PairOptions | undefined,
): [number, number, number, number, number] {
  return pairArgs(x, y, opts);
}

/** The `n` elements of a strided view as a new contiguous array. */
export function gather<T extends FloatArray>(x: T, n: number, off: number, inc: number): T {
  const out = new (x.constructor as new (n: number) => T)(n);
  for (let i = 0; i < n; i++) out[i] = x[off + i * inc]!;
  return out;
}

/** Writes a contiguous array back into a strided view. */
export function scatter(dst: FloatArray, n: number, off: number, inc: number, src: FloatArray): void {
  for (let i = 0; i < n; i++) dst[off + i * inc] = src[i]!;
}
