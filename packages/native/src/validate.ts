/** Argument checks shared by every binding: they throw TypeError/RangeError naming the argument. */

/** The float arrays the kernels accept. */
export type FloatArray = Float64Array | Float32Array;

/** 'f64' or 'f32'. */
export type Dtype = 'f64' | 'f32';

const hasDetachedProp = 'detached' in ArrayBuffer.prototype;

/** True when the array's buffer has been transferred away. */
export function isDetached(x: ArrayBufferView): boolean {
  const buf = x.buffer;
  if (buf instanceof SharedArrayBuffer) return false;
  if (hasDetachedProp) return (buf as ArrayBuffer & { detached: boolean }).detached;
  if (buf.byteLength !== 0) return false;
  try {
    buf.slice(0);
    return false;
  } catch {
    return true;
  }
}

/** Checks `x` is a live Float64Array or Float32Array and returns its dtype. */
export function floatArray(name: string, x: unknown): Dtype {
  let dtype: Dtype;
  if (x instanceof Float64Array) dtype = 'f64';
  else if (x instanceof Float32Array) dtype = 'f32';
  else throw new TypeError(`${name} must be a Float64Array or Float32Array (got ${describe(x)})`);
  if (isDetached(x)) throw new TypeError(`${name} is backed by a detached ArrayBuffer`);
  return dtype;
}

/** Checks `y` has the dtype `dtype` (of the argument named `first`). */
export function sameDtype(name: string, y: unknown, dtype: Dtype, first: string): void {
  const d = floatArray(name, y);
  if (d !== dtype) {
    throw new TypeError(`${name} must have the same element type as ${first} (${dtype}), got ${d}`);
  }
}

/** Checks two lengths match. */
export function sameLength(name: string, n: number, want: number, first: string): void {
  if (n !== want) throw new RangeError(`${name} must have the same length as ${first} (${want}), got ${n}`);
}

/** A short description of a value for error messages. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}
