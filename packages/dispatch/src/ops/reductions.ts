/** Routed reductions: sum, min, max, mean, variance. */

import { type GpuOperand, gpuDirect, isGpuOperand } from '../backends/gpu.js';
import { nativeFn } from '../backends/native.js';
import {
  extremumRange,
  momentsRange,
  pairwiseSumRange,
  type SumMethod,
  sumRange,
} from '../fallback/kernels-reductions.js';
import { nativeThresholds as N, nativeFrom as NF, thresholds as T } from '../thresholds.js';
import type { FloatArray } from '../types.js';
import { floatArray, options } from '../validate.js';
import { type Routed, runAsync, runSync } from './run.js';

type Fn = (...args: unknown[]) => unknown;

/** Options of {@link sum}. */
export interface SumOptions {
  /** 'pairwise' (default; error grows as log n) or 'kahan' (compensated). */
  method?: SumMethod;
}

/** Options of {@link variance}. */
export interface VarianceOptions {
  /** Delta degrees of freedom: divide by n − ddof (default 0, the population variance; 1 for the sample variance). */
  ddof?: number;
}

const METHODS: readonly SumMethod[] = ['pairwise', 'kahan'];

function method(o: unknown): SumMethod {
  const m = options<SumOptions>('options', o).method ?? 'pairwise';
  if (!METHODS.includes(m))
    throw new RangeError(`method must be one of ${METHODS.join(', ')}, got ${String(m)}`);
  return m;
}

function ddofOf(o: unknown): number {
  const d = options<VarianceOptions>('options', o).ddof ?? 0;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 0)
    throw new RangeError(`ddof must be a non-negative integer, got ${String(d)}`);
  return d;
}

const isFloat = (x: unknown): boolean => x instanceof Float64Array || x instanceof Float32Array;

/** A native reduction by name (called with the array and the options object, when present). */
function nativeReduce<A extends unknown[]>(name: string, async: boolean): ((...a: A) => number) | undefined {
  return nativeFn<Fn>(async ? `${name}Async` : name) as ((...a: A) => number) | undefined;
}

const NSUM = nativeFn<Fn>('sum') as (x: FloatArray) => number;
const NMEAN = nativeFn<Fn>('mean') as (x: FloatArray) => number;
const NVARIANCE = nativeFn<Fn>('variance') as (x: FloatArray) => number;

const SUM: Routed<[FloatArray, SumMethod], number> = {
  op: 'sum',
  arrays: (x) => [x],
  js: (x, m) => sumRange(x, 0, x.length, m),
  native:
    nativeReduce<[FloatArray, SumMethod]>('sum', false) &&
    ((x, m) => (nativeReduce('sum', false) as Fn)(x, { method: m }) as number),
  nativeAsync:
    nativeReduce('sum', true) &&
    ((x, m) => (nativeReduce('sum', true) as Fn)(x, { method: m }) as Promise<number>),
  job: (s, x, m) => ({ kind: 'sum', x: s(x), method: m }),
  done: (r) => r.value,
};

/**
 * Sum of the elements (pairwise by default: accurate and as fast as a plain loop); 0 when empty.
 *
 * @example
 * ```ts
 * import { sum } from '@polycore/dispatch';
 * sum(new Float64Array([1, 2, 3])); // 6
 * sum(x, { method: 'kahan' });
 * ```
 */
export function sum(x: FloatArray, opts?: SumOptions): number {
  const n = x.length;
  if (opts === undefined && n > 0 && isFloat(x)) {
    if (n <= T.sum) return pairwiseSumRange(x, 0, n);
    if (n <= N.sum && n >= NF.sum) return NSUM(x);
  }
  const m = method(opts);
  floatArray('x', x);
  return runSync(SUM, [n], [x, m]);
}

/** Async {@link sum}. @example `await sumAsync(x)` */
export async function sumAsync(x: FloatArray | GpuOperand, opts?: SumOptions): Promise<number> {
  const m = method(opts);
  if (isGpuOperand(x)) return gpuDirect('sum', [x]) as Promise<number>;
  floatArray('x', x);
  return runAsync(SUM, [x.length], [x, m]);
}

function extremum(op: 'min' | 'max') {
  const sign = op === 'min' ? 1 : -1;
  const routed: Routed<[FloatArray], number> = {
    op,
    arrays: (x) => [x],
    js: (x) => extremumRange(x, 0, x.length, sign),
    native: nativeReduce(op, false),
    nativeAsync: nativeReduce(op, true) as Routed<[FloatArray], number>['nativeAsync'],
    job: (s, x) => ({ kind: 'extremum', x: s(x), sign }),
    done: (r) => r.value,
  };
  const check = (x: unknown): void => {
    floatArray('x', x);
    if ((x as FloatArray).length === 0) throw new RangeError(`x must not be empty (${op} of no elements)`);
  };
  const nf = nativeFn<Fn>(op) as (x: FloatArray) => number;
  const sync = (x: FloatArray): number => {
    const n = x.length;
    if (n > 0 && isFloat(x)) {
      if (n <= T[op]) return extremumRange(x, 0, n, sign);
      if (n <= N[op] && n >= NF[op]) return nf(x);
    }
    check(x);
    return runSync(routed, [n], [x]);
  };
  const async = async (x: FloatArray | GpuOperand): Promise<number> => {
    if (isGpuOperand(x)) return gpuDirect(op, [x]) as Promise<number>;
    check(x);
    return runAsync(routed, [x.length], [x]);
  };
  return [sync, async] as const;
}

const [minS, minA] = extremum('min');
const [maxS, maxA] = extremum('max');

/**
 * Smallest element (NaN if any element is NaN).
 * @throws RangeError for an empty array.
 * @example
 * ```ts
 * import { min } from '@polycore/dispatch';
 * min(new Float64Array([3, -1, 2])); // -1
 * ```
 */
export const min = minS;
/** Largest element (NaN if any element is NaN). @throws RangeError for an empty array. @example `max(x)` */
export const max = maxS;
/** Async {@link min}. @example `await minAsync(x)` */
export const minAsync = minA;
/** Async {@link max}. @example `await maxAsync(x)` */
export const maxAsync = maxA;

/** Moments `[n, mean, M2]`, then mapped to the requested statistic. */
function moments(op: 'mean' | 'variance') {
  const routed: Routed<[FloatArray, number], number> = {
    op,
    arrays: (x) => [x],
    js: (x, ddof) => stat(momentsRange(x, 0, x.length), ddof),
    native:
      nativeReduce(op, false) &&
      ((x, ddof) =>
        (op === 'mean'
          ? (nativeReduce(op, false) as Fn)(x)
          : (nativeReduce(op, false) as Fn)(x, { ddof })) as number),
    nativeAsync:
      nativeReduce(op, true) &&
      ((x, ddof) =>
        (op === 'mean'
          ? (nativeReduce(op, true) as Fn)(x)
          : (nativeReduce(op, true) as Fn)(x, { ddof })) as Promise<number>),
    job: (s, x) => ({ kind: 'moments', x: s(x) }),
    done: (r, _x, ddof) => stat([r.partials[0]!, r.partials[1]!, r.partials[2]!], ddof),
  };
  function stat([n, mean, m2]: [number, number, number], ddof: number): number {
    if (op === 'mean') return n === 0 ? Number.NaN : mean;
    return n - ddof <= 0 ? Number.NaN : Math.max(0, m2) / (n - ddof);
  }
  return routed;
}

const MEAN = moments('mean');
const VARIANCE = moments('variance');

/**
 * Arithmetic mean (NaN when empty).
 * @example
 * ```ts
 * import { mean } from '@polycore/dispatch';
 * mean(new Float64Array([1, 2, 3, 4])); // 2.5
 * ```
 */
export function mean(x: FloatArray): number {
  const n = x.length;
  if (n > 0 && isFloat(x)) {
    if (n <= T.mean) return pairwiseSumRange(x, 0, n) / n;
    if (n <= N.mean && n >= NF.mean) return NMEAN(x);
  }
  floatArray('x', x);
  return runSync(MEAN, [n], [x, 0]);
}

/** Async {@link mean}. @example `await meanAsync(x)` */
export async function meanAsync(x: FloatArray | GpuOperand): Promise<number> {
  if (isGpuOperand(x)) return gpuDirect('mean', [x]) as Promise<number>;
  floatArray('x', x);
  return runAsync(MEAN, [x.length], [x, 0]);
}

/**
 * Variance `Σ (x[i] − mean)² / (n − ddof)` by two passes (no cancellation); NaN when n ≤ ddof.
 * @example
 * ```ts
 * import { variance } from '@polycore/dispatch';
 * variance(new Float64Array([1, 2, 3, 4])); // 1.25
 * variance(new Float64Array([1, 2, 3, 4]), { ddof: 1 }); // 1.666…
 * ```
 */
export function variance(x: FloatArray, opts?: VarianceOptions): number {
  const n = x.length;
  if (opts === undefined && n > 0 && isFloat(x)) {
    if (n <= T.variance) return Math.max(0, momentsRange(x, 0, n)[2]) / n;
    if (n <= N.variance && n >= NF.variance) return NVARIANCE(x);
  }
  const ddof = ddofOf(opts);
  floatArray('x', x);
  return runSync(VARIANCE, [x.length], [x, ddof]);
}

/** Async {@link variance}. @example `await varianceAsync(x, { ddof: 1 })` */
export async function varianceAsync(x: FloatArray | GpuOperand, opts?: VarianceOptions): Promise<number> {
  const ddof = ddofOf(opts);
  if (isGpuOperand(x)) return gpuDirect('variance', [x, { ddof }]) as Promise<number>;
  floatArray('x', x);
  return runAsync(VARIANCE, [x.length], [x, ddof]);
}
