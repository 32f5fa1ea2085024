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
  // A detached buffer always leaves length 0, so live arrays skip the buffer lookup.
  if (x.length === 0 && isDetached(x)) throw new TypeError(`${name} is backed by a detached ArrayBuffer`);
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

// ---- BLAS level 2/3 argument checks (gemm, gemv, ger) ----

/** Largest dimension / leading dimension / stride accepted (fits a u32 and a JS array index). */
export const MAX_DIM = 2 ** 31 - 1;

/** Checks `v` is a non-negative integer (a dimension such as m, n, k); returns it. */
export function dimension(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  if (!Number.isInteger(v) || v < 0 || v > MAX_DIM) {
    throw new RangeError(`${name} must be an integer from 0 to ${MAX_DIM}, got ${v}`);
  }
  return v;
}

/** Checks an optional integer `v >= min` (leading dimension, stride); returns it or `fallback`. */
export function optionalInt(name: string, v: unknown, min: number, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  if (!Number.isInteger(v) || v < min || v > MAX_DIM) {
    throw new RangeError(`${name} must be an integer from ${min} to ${MAX_DIM}, got ${v}`);
  }
  return v;
}

/** Checks an optional number (a scalar such as alpha; NaN and ±Infinity allowed); returns it or `fallback`. */
export function optionalScalar(name: string, v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  return v;
}

/** Checks an optional boolean flag (transA, transB, trans). */
export function optionalFlag(name: string, v: unknown): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new TypeError(`${name} must be a boolean (got ${describe(v)})`);
  return v;
}

/** Matrix storage order: C-style rows (default) or Fortran-style columns. */
export type Layout = 'row-major' | 'column-major';

/** Checks an optional layout; returns true for column-major. */
export function optionalLayout(name: string, v: unknown): boolean {
  if (v === undefined || v === 'row-major') return false;
  if (v === 'column-major') return true;
  if (typeof v !== 'string')
    throw new TypeError(`${name} must be 'row-major' or 'column-major' (got ${describe(v)})`);
  throw new RangeError(`${name} must be 'row-major' or 'column-major', got '${v}'`);
}

/** Checks `v` is a plain options object. */
export function optionsObject(name: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || ArrayBuffer.isView(v)) {
    throw new TypeError(`${name} must be an options object (got ${describe(v)})`);
  }
  return v as Record<string, unknown>;
}

/**
 * Checks a stored matrix of `rows × cols` (in its storage order) with leading dimension `ld`:
 * `ld >= max(1, cols)` (RangeError naming `ldName`) and the array holds `(rows-1)·ld + cols`
 * elements (RangeError naming `name`).
 */
export function matrixFits(
  name: string,
  arr: { readonly length: number },
  rows: number,
  cols: number,
  ld: number,
  ldName: string,
): void {
  if (ld < Math.max(1, cols)) {
    throw new RangeError(`${ldName} must be at least max(1, ${cols}) for ${name}, got ${ld}`);
  }
  const need = rows === 0 || cols === 0 ? 0 : (rows - 1) * ld + cols;
  if (arr.length < need) {
    throw new RangeError(
      `${name} is too short: a ${rows}×${cols} matrix with ${ldName}=${ld} needs ${need} elements, got ${arr.length}`,
    );
  }
}

/** Checks a strided vector of `len` elements with stride `inc` fits in `arr` (RangeError naming `name`). */
export function vectorFits(
  name: string,
  arr: { readonly length: number },
  len: number,
  inc: number,
  incName: string,
): void {
  const need = len === 0 ? 0 : 1 + (len - 1) * inc;
  if (arr.length < need) {
    throw new RangeError(
      `${name} is too short: ${len} elements with ${incName}=${inc} need ${need}, got ${arr.length}`,
    );
  }
}

/** True when the two views share bytes of one ArrayBuffer/SharedArrayBuffer. */
export function overlaps(x: ArrayBufferView, y: ArrayBufferView): boolean {
  if (x.buffer !== y.buffer || x.byteLength === 0 || y.byteLength === 0) return false;
  return x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

/** Throws a RangeError when the output `out` overlaps the input `input` (BLAS forbids it). */
export function noOverlap(
  outName: string,
  out: ArrayBufferView,
  inName: string,
  input: ArrayBufferView,
): void {
  if (overlaps(out, input)) {
    throw new RangeError(`${outName} must not overlap ${inName} (they share memory of one buffer)`);
  }
}

/** Largest integer a stride, offset or length may be (2^53 − 1). */
const MAX_INT = Number.MAX_SAFE_INTEGER;

/** Checks an optional options bag is an object (or undefined). */
export function optionsBag(name: string, v: unknown): void {
  if (v !== undefined && (v === null || typeof v !== 'object')) {
    throw new TypeError(`${name} must be an object when given (got ${describe(v)})`);
  }
}

/** Checks `v` is an integer ≥ 0 (TypeError when not a number, RangeError when out of range). */
export function nonNegativeInt(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  if (!Number.isInteger(v) || v < 0 || v > MAX_INT) {
    throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  }
  return v;
}

/** Checks an optional stride is a nonzero integer; `undefined` means 1. */
export function increment(name: string, v: unknown): number {
  if (v === undefined) return 1;
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  if (!Number.isInteger(v) || v === 0 || Math.abs(v) > MAX_INT) {
    throw new RangeError(`${name} must be a nonzero integer, got ${v}`);
  }
  return v;
}

/**
 * Resolves a BLAS-style strided vector over an array of `len` elements: element `i` is
 * `array[offset + i·inc]`. When `offset` is omitted it is 0 for `inc > 0` and `(n − 1)·|inc|`
 * for `inc < 0` (reference BLAS); when `n` is omitted it is every element reachable from
 * `offset`. Returns `[n, offset]`.
 *
 * @throws RangeError naming the argument when the `n` elements do not fit.
 * @example
 * ```ts
 * stridedView('x', 'offsetX', 5, undefined, undefined, -2); // [3, 4]: elements 4, 2, 0
 * ```
 */
export function stridedView(
  name: string,
  offsetName: string,
  len: number,
  n: number | undefined,
  offset: unknown,
  inc: number,
): [number, number] {
  const step = Math.abs(inc);
  let off: number;
  if (offset === undefined) {
    if (n === undefined) n = Math.ceil(len / step);
    off = inc > 0 || n === 0 ? 0 : (n - 1) * step;
  } else {
    off = nonNegativeInt(offsetName, offset);
    if (n === undefined) {
      n = off >= len ? 0 : inc > 0 ? Math.floor((len - 1 - off) / inc) + 1 : Math.floor(off / step) + 1;
    }
  }
  if (n > 0) {
    if (off >= len)
      throw new RangeError(`${offsetName} (${off}) is out of bounds for ${name} of length ${len}`);
    const last = off + (n - 1) * inc;
    if (last < 0 || last >= len) {
      throw new RangeError(
        `${name} is too short: ${n} elements from offset ${off} with stride ${inc} need index ${last}, but ${name} has length ${len}`,
      );
    }
  }
  return [n, off];
}

/**
 * Rethrows an error from the native core as the JS class its message names
 * (`"RangeError: …"` → RangeError, `"TypeError: …"` → TypeError); other errors unchanged.
 */
export function rethrowNative(e: unknown): never {
  if (e instanceof Error && !(e instanceof RangeError) && !(e instanceof TypeError)) {
    const m = /^(RangeError|TypeError): ([\s\S]*)$/.exec(e.message);
    if (m) throw m[1] === 'RangeError' ? new RangeError(m[2]) : new TypeError(m[2]);
  }
  throw e;
}
