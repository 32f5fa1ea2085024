import { stored } from './level3.js';
import { native } from './loader.js';
import {
  type Dtype,
  dimension,
  type FloatArray,
  floatArray,
  type Layout,
  matrixFits,
  noOverlap,
  optionalFlag,
  optionalInt,
  optionalLayout,
  optionalScalar,
  optionsObject,
  sameDtype,
  vectorFits,
} from './validate.js';

/**
 * Options of {@link gemv}: `y ← alpha·op(a)·x + beta·y`, where `a` is `m×n` and `op(a)` is `a`
 * or, with `trans`, its transpose (then `x` has `m` elements and `y` has `n`).
 */
export interface GemvOptions<T extends FloatArray = FloatArray> {
  /** Rows of `a`. */
  m: number;
  /** Columns of `a`. */
  n: number;
  /** Matrix a (`m×n`) in `layout` order with leading dimension `lda`. */
  a: T;
  /** Input vector: `n` elements (`m` with `trans`), every `incX`-th element. */
  x: T;
  /** Output vector, updated in place: `m` elements (`n` with `trans`). Must not overlap `a` or `x`. */
  y: T;
  /** Scale of the product (default 1). */
  alpha?: number;
  /** Scale of the old `y` (default 0: `y` is overwritten, its old NaNs do not propagate). */
  beta?: number;
  /** Use the transpose of `a` (default false). */
  trans?: boolean;
  /** Leading dimension of `a`; default: tight. */
  lda?: number;
  /** Stride of `x`, at least 1 (default 1). */
  incX?: number;
  /** Stride of `y`, at least 1 (default 1). */
  incY?: number;
  /** `'row-major'` (default) or `'column-major'`. */
  layout?: Layout;
}

/** {@link GemvOptions} after validation, defaults filled in. */
export interface GemvArgs<T extends FloatArray = FloatArray> {
  dtype: Dtype;
  colMajor: boolean;
  trans: boolean;
  m: number;
  n: number;
  alpha: number;
  a: T;
  lda: number;
  x: T;
  incX: number;
  beta: number;
  y: T;
  incY: number;
}

/**
 * Options of {@link ger}: `a ← alpha·x·yᵀ + a` (rank-1 update), `a` is `m×n`, `x` has `m`
 * elements and `y` has `n`.
 */
export interface GerOptions<T extends FloatArray = FloatArray> {
  /** Rows of `a`, elements of `x`. */
  m: number;
  /** Columns of `a`, elements of `y`. */
  n: number;
  /** Column vector (every `incX`-th element). */
  x: T;
  /** Row vector (every `incY`-th element). */
  y: T;
  /** Matrix a (`m×n`), updated in place. Must not overlap `x` or `y`. */
  a: T;
  /** Scale of the outer product (default 1). */
  alpha?: number;
  /** Leading dimension of `a`; default: tight. */
  lda?: number;
  /** Stride of `x`, at least 1 (default 1). */
  incX?: number;
  /** Stride of `y`, at least 1 (default 1). */
  incY?: number;
  /** `'row-major'` (default) or `'column-major'`. */
  layout?: Layout;
}

/** {@link GerOptions} after validation, defaults filled in. */
export interface GerArgs<T extends FloatArray = FloatArray> {
  dtype: Dtype;
  colMajor: boolean;
  m: number;
  n: number;
  alpha: number;
  x: T;
  incX: number;
  y: T;
  incY: number;
  a: T;
  lda: number;
}

/**
 * Validates {@link GemvOptions} and fills in defaults (shared with the TypeScript fallback).
 *
 * @throws TypeError / RangeError naming the argument (see {@link normalizeGemm} for the rules).
 * @example
 * ```ts
 * import { normalizeGemv } from '@polycore/native';
 * const args = normalizeGemv({ m: 2, n: 3, a, x, y }); // args.lda === 3, args.incX === 1
 * ```
 */
export function normalizeGemv<T extends FloatArray>(options: GemvOptions<T>): GemvArgs<T> {
  const o = optionsObject('gemv options', options);
  const m = dimension('m', o.m);
  const n = dimension('n', o.n);
  const dtype = floatArray('a', o.a);
  sameDtype('x', o.x, dtype, 'a');
  sameDtype('y', o.y, dtype, 'a');
  const a = o.a as T;
  const x = o.x as T;
  const y = o.y as T;
  const alpha = optionalScalar('alpha', o.alpha, 1);
  const beta = optionalScalar('beta', o.beta, 0);
  const trans = optionalFlag('trans', o.trans);
  const colMajor = optionalLayout('layout', o.layout);
  const [rows, cols] = stored(m, n, colMajor);
  const lda = optionalInt('lda', o.lda, 1, Math.max(1, cols));
  const incX = optionalInt('incX', o.incX, 1, 1);
  const incY = optionalInt('incY', o.incY, 1, 1);
  matrixFits('a', a, rows, cols, lda, 'lda');
  vectorFits('x', x, trans ? m : n, incX, 'incX');
  vectorFits('y', y, trans ? n : m, incY, 'incY');
  noOverlap('y', y, 'a', a);
  noOverlap('y', y, 'x', x);
  return { dtype, colMajor, trans, m, n, alpha, a, lda, x, incX, beta, y, incY };
}

/**
 * Validates {@link GerOptions} and fills in defaults (shared with the TypeScript fallback).
 *
 * @throws TypeError / RangeError naming the argument (see {@link normalizeGemm} for the rules).
 * @example
 * ```ts
 * import { normalizeGer } from '@polycore/native';
 * const args = normalizeGer({ m: 2, n: 3, x, y, a }); // args.alpha === 1
 * ```
 */
export function normalizeGer<T extends FloatArray>(options: GerOptions<T>): GerArgs<T> {
  const o = optionsObject('ger options', options);
  const m = dimension('m', o.m);
  const n = dimension('n', o.n);
  const dtype = floatArray('a', o.a);
  sameDtype('x', o.x, dtype, 'a');
  sameDtype('y', o.y, dtype, 'a');
  const a = o.a as T;
  const x = o.x as T;
  const y = o.y as T;
  const alpha = optionalScalar('alpha', o.alpha, 1);
  const colMajor = optionalLayout('layout', o.layout);
  const [rows, cols] = stored(m, n, colMajor);
  const lda = optionalInt('lda', o.lda, 1, Math.max(1, cols));
  const incX = optionalInt('incX', o.incX, 1, 1);
  const incY = optionalInt('incY', o.incY, 1, 1);
  matrixFits('a', a, rows, cols, lda, 'lda');
  vectorFits('x', x, m, incX, 'incX');
  vectorFits('y', y, n, incY, 'incY');
  noOverlap('a', a, 'x', x);
  noOverlap('a', a, 'y', y);
  return { dtype, colMajor, m, n, alpha, x, incX, y, incY, a, lda };
}

type Raw = (...args: unknown[]) => unknown;

function gemvCall(g: GemvArgs, async: boolean): unknown {
  const b = native();
  const f64 = g.dtype === 'f64';
  const fn = (async ? (f64 ? b.dgemvAsync : b.sgemvAsync) : f64 ? b.dgemv : b.sgemv) as Raw;
  return fn(g.colMajor, g.trans, g.m, g.n, g.alpha, g.a, g.lda, g.x, g.incX, g.beta, g.y, g.incY);
}

function gerCall(g: GerArgs, async: boolean): unknown {
  const b = native();
  const f64 = g.dtype === 'f64';
  const fn = (async ? (f64 ? b.dgerAsync : b.sgerAsync) : f64 ? b.dger : b.sger) as Raw;
  return fn(g.colMajor, g.m, g.n, g.alpha, g.x, g.incX, g.y, g.incY, g.a, g.lda);
}

/**
 * {@link gemv} on arguments {@link normalizeGemv} already checked; updates `g.y` in place.
 *
 * @example
 * ```ts
 * import { gemvNormalized, normalizeGemv } from '@polycore/native';
 * gemvNormalized(normalizeGemv({ m: 1, n: 1, a: new Float64Array([2]), x: new Float64Array([3]), y: new Float64Array(1) }));
 * ```
 */
export function gemvNormalized(g: GemvArgs): void {
  gemvCall(g, false);
}

/**
 * {@link ger} on arguments {@link normalizeGer} already checked; updates `g.a` in place.
 *
 * @example
 * ```ts
 * import { gerNormalized, normalizeGer } from '@polycore/native';
 * gerNormalized(normalizeGer({ m: 1, n: 1, x: new Float64Array([2]), y: new Float64Array([3]), a: new Float64Array(1) }));
 * ```
 */
export function gerNormalized(g: GerArgs): void {
  gerCall(g, false);
}

/**
 * Matrix-vector multiply, `y ← alpha·op(a)·x + beta·y`, in place; returns `y`. SIMD, and split
 * across the shared native pool for large matrices (about m·n ≥ 2048²).
 *
 * @throws TypeError / RangeError naming the argument.
 * @example
 * ```ts
 * import { gemv } from '@polycore/native';
 * const a = new Float64Array([1, 2, 3, 4, 5, 6]); // 2×3
 * const y = gemv({ m: 2, n: 3, a, x: new Float64Array([1, 1, 1]), y: new Float64Array(2) }); // [6, 15]
 * ```
 */
export function gemv<T extends FloatArray>(options: GemvOptions<T>): T {
  const g = normalizeGemv(options);
  gemvCall(g, false);
  return g.y;
}

/**
 * {@link gemv} off the event loop on a native thread; resolves to `y`. Do not write to the arrays
 * until it settles.
 *
 * @example
 * ```ts
 * import { gemvAsync } from '@polycore/native';
 * const y = await gemvAsync({ m: 2, n: 2, a: new Float32Array([1, 0, 0, 1]), x: new Float32Array([3, 4]), y: new Float32Array(2) });
 * ```
 */
export async function gemvAsync<T extends FloatArray>(options: GemvOptions<T>): Promise<T> {
  const g = normalizeGemv(options);
  await gemvCall(g, true);
  return g.y;
}

/**
 * Rank-1 update, `a ← alpha·x·yᵀ + a`, in place; returns `a`.
 *
 * @throws TypeError / RangeError naming the argument.
 * @example
 * ```ts
 * import { ger } from '@polycore/native';
 * const a = ger({ m: 2, n: 2, x: new Float64Array([1, 2]), y: new Float64Array([3, 4]), a: new Float64Array(4) });
 * // a = [3, 4, 6, 8]
 * ```
 */
export function ger<T extends FloatArray>(options: GerOptions<T>): T {
  const g = normalizeGer(options);
  gerCall(g, false);
  return g.a;
}

/**
 * {@link ger} off the event loop on a native thread; resolves to `a`.
 *
 * @example
 * ```ts
 * import { gerAsync } from '@polycore/native';
 * const a = await gerAsync({ m: 2, n: 2, x: new Float32Array([1, 2]), y: new Float32Array([3, 4]), a: new Float32Array(4) });
 * ```
 */
export async function gerAsync<T extends FloatArray>(options: GerOptions<T>): Promise<T> {
  const g = normalizeGer(options);
  await gerCall(g, true);
  return g.a;
}
