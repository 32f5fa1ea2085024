/**
 * BLAS-style strided views for the level-1 functions' `opts` (element `i` is
 * `x[offsetX + i·incX]`), resolved exactly as @polycore/native resolves them, and gather/scatter
 * so the contiguous TypeScript kernels can run on them when there is no native core.
 */
import type { FloatArray } from '../types.js';

/** Which elements of one vector a call uses (see @polycore/native's VectorOptions). */
export interface VectorOptions {
  /** Number of elements (default: every element reachable). */
  n?: number;
  /** Index of element 0 (default 0, or `(n − 1)·|incX|` when `incX < 0`). */
  offsetX?: number;
  /** Step between elements (nonzero integer, default 1). */
  incX?: number;
}

/** {@link VectorOptions} for two vectors. */
export interface PairOptions extends VectorOptions {
  offsetY?: number;
  incY?: number;
}

const MAX_INT = 2 ** 53 - 1;

function bag(v: unknown): void {
  if (v !== undefined && (v === null || typeof v !== 'object')) {
    throw new TypeError(`opts must be an object when given (got ${v === null ? 'null' : typeof v})`);
  }
}

function nonNegativeInt(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${typeof v})`);
  if (!Number.isInteger(v) || v < 0 || v > MAX_INT)
    throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  return v;
}

function increment(name: string, v: unknown): number {
  if (v === undefined) return 1;
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${typeof v})`);
  if (!Number.isInteger(v) || v === 0 || Math.abs(v) > MAX_INT)
    throw new RangeError(`${name} must be a nonzero integer, got ${v}`);
  return v;
}

function view(
  name: string,
  offName: string,
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
    off = nonNegativeInt(offName, offset);
    if (n === undefined)
      n = off >= len ? 0 : inc > 0 ? Math.floor((len - 1 - off) / inc) + 1 : Math.floor(off / step) + 1;
  }
  if (n > 0) {
    if (off >= len) throw new RangeError(`${offName} (${off}) is out of bounds for ${name} of length ${len}`);
    const last = off + (n - 1) * inc;
    if (last < 0 || last >= len)
      throw new RangeError(`${name} is too short for ${n} elements with stride ${inc} from offset ${off}`);
  }
  return [n, off];
}

/** `[n, offsetX, incX]` of one strided vector. */
export function resolveOne(x: FloatArray, opts: VectorOptions | undefined): [number, number, number] {
  bag(opts);
  if (opts === undefined) return [x.length, 0, 1];
  const n = opts.n === undefined ? undefined : nonNegativeInt('n', opts.n);
  const ix = increment('incX', opts.incX);
  const [nx, ox] = view('x', 'offsetX', x.length, n, opts.offsetX, ix);
  return [nx, ox, ix];
}

/** `[n, offsetX, incX, offsetY, incY]` of two strided vectors holding as many elements. */
export function resolvePair(
  x: FloatArray,
  y: FloatArray,
  opts: PairOptions | undefined,
): [number, number, number, number, number] {
  bag(opts);
  if (opts === undefined) {
    if (y.length !== x.length)
      throw new RangeError(`y must have the same length as x (${x.length}), got ${y.length}`);
    return [x.length, 0, 1, 0, 1];
  }
  const n = opts.n === undefined ? undefined : nonNegativeInt('n', opts.n);
  const ix = increment('incX', opts.incX);
  const iy = increment('incY', opts.incY);
  const [nx, ox] = view('x', 'offsetX', x.length, n, opts.offsetX, ix);
  const [ny, oy] = view('y', 'offsetY', y.length, n, opts.offsetY, iy);
  if (nx !== ny) throw new RangeError(`y must hold as many elements as x (${nx}), got ${ny}; pass opts.n`);
  return [nx, ox, ix, oy, iy];
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
