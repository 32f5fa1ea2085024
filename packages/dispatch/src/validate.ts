/** Argument checks of the routed functions: TypeError/RangeError naming the argument. */
import { isDetached } from '@polycore/native';
import type { Dtype, FloatArray } from './types.js';

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}

/** Checks `x` is a live Float64Array/Float32Array; returns its dtype. */
export function floatArray(name: string, x: unknown): Dtype {
  let dtype: Dtype;
  if (x instanceof Float64Array) dtype = 'f64';
  else if (x instanceof Float32Array) dtype = 'f32';
  else {
    const hint = describe(x) === 'GpuArray' ? ' (a GpuArray: use the …Async form of this function)' : '';
    throw new TypeError(`${name} must be a Float64Array or Float32Array (got ${describe(x)})${hint}`);
  }
  // A detached buffer always leaves length 0, so live arrays skip the buffer lookup.
  if (x.length === 0 && isDetached(x)) throw new TypeError(`${name} is backed by a detached ArrayBuffer`);
  return dtype;
}

/** Checks every array is a float array of the first one's dtype; returns the dtype. */
export function sameType(names: readonly string[], xs: readonly unknown[]): Dtype {
  const dtype = floatArray(names[0]!, xs[0]);
  for (let i = 1; i < xs.length; i++) {
    const d = floatArray(names[i]!, xs[i]);
    if (d !== dtype)
      throw new TypeError(`${names[i]} must have the same element type as ${names[0]} (${dtype}), got ${d}`);
  }
  return dtype;
}

/** Checks every array has the dtype and length of the first; returns the dtype. */
export function sameShape(names: readonly string[], xs: readonly unknown[]): Dtype {
  const dtype = sameType(names, xs);
  const n = (xs[0] as FloatArray).length;
  for (let i = 1; i < xs.length; i++) {
    const m = (xs[i] as FloatArray).length;
    if (m !== n)
      throw new RangeError(`${names[i]} must have the same length as ${names[0]} (${n}), got ${m}`);
  }
  return dtype;
}

/** Checks a scalar argument is a number. */
export function scalar(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number, got ${describe(v)}`);
  return v;
}

/** The output array: `out` checked against `like`, or a new array of `like`'s type and length. */
export function output<T extends FloatArray>(out: unknown, like: T, likeName: string): T {
  if (out === undefined) return new (like.constructor as new (n: number) => T)(like.length);
  sameShape([likeName, 'out'], [like, out]);
  return out as T;
}

/** Checks an options argument is undefined or an object. */
export function options<T extends object>(name: string, v: unknown): Partial<T> {
  if (v === undefined) return {};
  if (v === null || typeof v !== 'object')
    throw new TypeError(`${name} must be an object, got ${describe(v)}`);
  return v as Partial<T>;
}
