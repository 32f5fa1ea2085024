/** Argument checks: TypeError/RangeError naming the argument. */

/** A short description of a value for error messages. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}

/** Largest dimension, leading dimension or stride (fits a u32 index). */
export const MAX_DIM = 2 ** 31 - 1;

/** Checks a non-negative integer such as a length or m/n/k; returns it. */
export function dimension(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  if (!Number.isInteger(v) || v < 0 || v > MAX_DIM) {
    throw new RangeError(`${name} must be an integer from 0 to ${MAX_DIM}, got ${v}`);
  }
  return v;
}

/** Checks an optional integer `>= min`; returns it or `fallback`. */
export function optionalInt(name: string, v: unknown, min: number, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  if (!Number.isInteger(v) || v < min || v > MAX_DIM) {
    throw new RangeError(`${name} must be an integer from ${min} to ${MAX_DIM}, got ${v}`);
  }
  return v;
}

/** Checks a number (NaN and ±Infinity allowed). */
export function scalar(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  return v;
}

/** Checks an optional number; returns it or `fallback`. */
export function optionalScalar(name: string, v: unknown, fallback: number): number {
  return v === undefined ? fallback : scalar(name, v);
}

/** Checks an optional boolean flag. */
export function optionalFlag(name: string, v: unknown): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new TypeError(`${name} must be a boolean (got ${describe(v)})`);
  return v;
}

/** Matrix storage order, as in @polycore/native. */
export type Layout = 'row-major' | 'column-major';

/** Checks an optional layout; returns true for column-major. */
export function optionalLayout(name: string, v: unknown): boolean {
  if (v === undefined || v === 'row-major') return false;
  if (v === 'column-major') return true;
  if (typeof v !== 'string')
    throw new TypeError(`${name} must be 'row-major' or 'column-major' (got ${describe(v)})`);
  throw new RangeError(`${name} must be 'row-major' or 'column-major', got '${v}'`);
}

/** Checks a plain options object. */
export function optionsObject(name: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || ArrayBuffer.isView(v)) {
    throw new TypeError(`${name} must be an options object (got ${describe(v)})`);
  }
  return v as Record<string, unknown>;
}

/** `need` elements for a `rows × cols` matrix with leading dimension `ld` (0 when empty). */
export function matrixNeed(rows: number, cols: number, ld: number): number {
  return rows === 0 || cols === 0 ? 0 : (rows - 1) * ld + cols;
}

/** Checks `ld >= max(1, cols)` and that `length` holds the matrix (RangeError naming the argument). */
export function matrixFits(
  name: string,
  length: number,
  rows: number,
  cols: number,
  ld: number,
  ldName: string,
): void {
  if (ld < Math.max(1, cols))
    throw new RangeError(`${ldName} must be at least max(1, ${cols}) for ${name}, got ${ld}`);
  const need = matrixNeed(rows, cols, ld);
  if (length < need) {
    throw new RangeError(
      `${name} is too short: a ${rows}×${cols} matrix with ${ldName}=${ld} needs ${need} elements, got ${length}`,
    );
  }
}

/** Checks a strided vector of `len` elements with stride `inc` fits in `length` elements. */
export function vectorFits(name: string, length: number, len: number, inc: number, incName: string): void {
  const need = len === 0 ? 0 : 1 + (len - 1) * inc;
  if (length < need) {
    throw new RangeError(
      `${name} is too short: ${len} elements with ${incName}=${inc} need ${need}, got ${length}`,
    );
  }
}

/** Checks an optional options object (TypeError otherwise). */
export function optionsBag(name: string, v: unknown): void {
  if (v !== undefined && (v === null || typeof v !== 'object')) {
    throw new TypeError(`${name} must be an object when given (got ${describe(v)})`);
  }
}

/** Checks an optional stride is a nonzero integer; `undefined` means 1. */
export function increment(name: string, v: unknown): number {
  if (v === undefined) return 1;
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  if (!Number.isInteger(v) || v === 0 || Math.abs(v) > MAX_DIM) {
    throw new RangeError(`${name} must be a nonzero integer, got ${v}`);
  }
  return v;
}

/**
 * Resolves a BLAS-style strided vector over `len` elements (as @polycore/native does): element
 * `i` is at `offset + i·inc`; `offset` defaults to 0, or `(n−1)·|inc|` when `inc < 0`; `n`
 * defaults to every element reachable. Returns `[n, offset]`.
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
    off = dimension(offsetName, offset);
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
