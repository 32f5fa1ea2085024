/** Reductions of a GpuArray to a number: sum, min, max, mean. */
import type { GpuArray } from '../array.js';
import { gpuArray, whole } from './args.js';
import { reduce } from './reduce.js';

/**
 * Sum of the elements, resolved as a number. Numerically sound: each thread sums with Neumaier
 * compensation, workgroups combine pairwise in a tree, and the host adds the partials in f64.
 *
 * @example
 * ```ts
 * const s = await sum(x);
 * ```
 */
export function sum(x: GpuArray): Promise<number> {
  return Promise.resolve().then(() => {
    const a = gpuArray('x', x);
    return reduce('sum', a.length, whole(a));
  });
}

/**
 * Arithmetic mean (NaN for an empty array).
 *
 * @example
 * ```ts
 * const m = await mean(x);
 * ```
 */
export async function mean(x: GpuArray): Promise<number> {
  const a = gpuArray('x', x);
  if (a.length === 0) return Number.NaN;
  return (await reduce('sum', a.length, whole(a))) / a.length;
}

function nonEmpty(name: string, x: unknown): GpuArray {
  const a = gpuArray('x', x);
  if (a.length === 0) throw new RangeError(`${name} of an empty GpuArray is undefined (x has no elements)`);
  return a;
}

/**
 * Smallest element (NaN if any element is NaN). The elementwise version is {@link minimum}.
 *
 * @throws RangeError (as a rejection) for an empty array.
 * @example
 * ```ts
 * const lo = await min(x);
 * ```
 */
export async function min(x: GpuArray): Promise<number> {
  const a = nonEmpty('min', x);
  return reduce('min', a.length, whole(a));
}

/**
 * Largest element (NaN if any element is NaN). The elementwise version is {@link maximum}.
 *
 * @example
 * ```ts
 * const hi = await max(x);
 * ```
 */
export async function max(x: GpuArray): Promise<number> {
  const a = nonEmpty('max', x);
  return reduce('max', a.length, whole(a));
}
