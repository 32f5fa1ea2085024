import { native } from './loader.js';
import { type FloatArray, floatArray, nonNegativeInt, optionsBag, rethrowNative } from './validate.js';

/** Reduction op codes of the native `reduce` binding. */
const OP = { sum: 0, kahan: 1, min: 2, max: 3, mean: 4, variance: 5 } as const;
type Code = (typeof OP)[keyof typeof OP];

/** Options of {@link sum}. */
export interface SumOptions {
  /**
   * `'pairwise'` (default): blocked pairwise summation, error `O(log n · eps · Σ|x|)`.
   * `'kahan'`: compensated summation, error `O(eps · |Σx|)` independent of n (≈ 1.3× slower in cache).
   */
  method?: 'pairwise' | 'kahan';
}

/** Options of {@link variance}. */
export interface VarianceOptions {
  /** Delta degrees of freedom: divide by `n − ddof` (0 = population, 1 = sample). Default 0. */
  ddof?: number;
}

function sumCode(opts: SumOptions | undefined): Code {
  optionsBag('opts', opts);
  const m = opts?.method;
  if (m === undefined || m === 'pairwise') return OP.sum;
  if (m === 'kahan') return OP.kahan;
  throw new RangeError(`opts.method must be 'pairwise' or 'kahan' (got ${String(m)})`);
}

function ddofOf(opts: VarianceOptions | undefined): number {
  optionsBag('opts', opts);
  return opts?.ddof === undefined ? 0 : nonNegativeInt('opts.ddof', opts.ddof);
}

function check(code: Code, x: unknown): void {
  floatArray('x', x);
  if ((code === OP.min || code === OP.max) && (x as FloatArray).length === 0) {
    throw new RangeError('x must not be empty');
  }
}

function reduce(code: Code, x: FloatArray, param: number): number {
  const b = native();
  try {
    check(code, x);
    return b.reduce(code, x, param);
  } catch (e) {
    return rethrowNative(e);
  }
}

async function reduceAsync(code: Code, x: FloatArray, param: number): Promise<number> {
  const b = native();
  try {
    check(code, x);
    return await b.reduceAsync(code, x, param);
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * `Σ x[i]` (0 for an empty array), pairwise by default or compensated with `{ method: 'kahan' }`.
 *
 * @example
 * ```ts
 * import { sum } from '@polycore/native';
 * sum(new Float64Array([1, 2, 3])); // 6
 * sum(new Float64Array([1e16, 1, -1e16]), { method: 'kahan' }); // 1
 * ```
 */
export function sum(x: FloatArray, opts?: SumOptions): number {
  if (opts === undefined) return reduce(OP.sum, x, 0);
  return reduce(sumCode(opts), x, 0);
}

/**
 * {@link sum} on a native thread.
 *
 * @example
 * ```ts
 * import { sumAsync } from '@polycore/native';
 * await sumAsync(new Float32Array(1e7).fill(1)); // 1e7
 * ```
 */
export async function sumAsync(x: FloatArray, opts?: SumOptions): Promise<number> {
  return reduceAsync(sumCode(opts), x, 0);
}

/**
 * Smallest element; NaN when any element is NaN.
 *
 * @throws RangeError for an empty array.
 * @example
 * ```ts
 * import { min } from '@polycore/native';
 * min(new Float64Array([3, -1, 2])); // -1
 * ```
 */
export function min(x: FloatArray): number {
  return reduce(OP.min, x, 0);
}

/**
 * {@link min} on a native thread.
 *
 * @example
 * ```ts
 * import { minAsync } from '@polycore/native';
 * await minAsync(new Float64Array([3, -1])); // -1
 * ```
 */
export function minAsync(x: FloatArray): Promise<number> {
  return reduceAsync(OP.min, x, 0);
}

/**
 * Largest element; NaN when any element is NaN.
 *
 * @throws RangeError for an empty array.
 * @example
 * ```ts
 * import { max } from '@polycore/native';
 * max(new Float32Array([3, -1, 2])); // 3
 * ```
 */
export function max(x: FloatArray): number {
  return reduce(OP.max, x, 0);
}

/**
 * {@link max} on a native thread.
 *
 * @example
 * ```ts
 * import { maxAsync } from '@polycore/native';
 * await maxAsync(new Float64Array([3, -1])); // 3
 * ```
 */
export function maxAsync(x: FloatArray): Promise<number> {
  return reduceAsync(OP.max, x, 0);
}

/**
 * Arithmetic mean (pairwise sum / n); NaN for an empty array.
 *
 * @example
 * ```ts
 * import { mean } from '@polycore/native';
 * mean(new Float64Array([1, 2, 6])); // 3
 * ```
 */
export function mean(x: FloatArray): number {
  return reduce(OP.mean, x, 0);
}

/**
 * {@link mean} on a native thread.
 *
 * @example
 * ```ts
 * import { meanAsync } from '@polycore/native';
 * await meanAsync(new Float64Array([1, 3])); // 2
 * ```
 */
export function meanAsync(x: FloatArray): Promise<number> {
  return reduceAsync(OP.mean, x, 0);
}

/**
 * Variance `Σ (x − mean)² / (n − ddof)` (corrected two-pass algorithm); NaN when `n <= ddof`.
 *
 * @example
 * ```ts
 * import { variance } from '@polycore/native';
 * variance(new Float64Array([1, 2, 3, 4])); // 1.25
 * variance(new Float64Array([1, 2, 3, 4]), { ddof: 1 }); // 1.666…
 * ```
 */
export function variance(x: FloatArray, opts?: VarianceOptions): number {
  native();
  return reduce(OP.variance, x, ddofOf(opts));
}

/**
 * {@link variance} on a native thread.
 *
 * @example
 * ```ts
 * import { varianceAsync } from '@polycore/native';
 * await varianceAsync(new Float64Array([1, 3]), { ddof: 1 }); // 2
 * ```
 */
export async function varianceAsync(x: FloatArray, opts?: VarianceOptions): Promise<number> {
  return reduceAsync(OP.variance, x, ddofOf(opts));
}
