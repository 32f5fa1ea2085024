import { native } from './loader.js';
import {
  type FloatArray,
  floatArray,
  increment,
  nonNegativeInt,
  optionsBag,
  rethrowNative,
  sameDtype,
  sameLength,
  stridedView,
} from './validate.js';

/**
 * Which elements of one vector a level-1 call uses (BLAS semantics): element `i` is
 * `x[offsetX + i·incX]`. `incX` defaults to 1 and may be negative; `offsetX` defaults to 0, or
 * to `(n − 1)·|incX|` when `incX < 0`; `n` defaults to every element reachable.
 */
export interface VectorOptions {
  /** Number of elements. */
  n?: number;
  /** Index in `x` of element 0. */
  offsetX?: number;
  /** Step between elements of `x` (nonzero integer). */
  incX?: number;
}

/** {@link VectorOptions} for two vectors; when `n` is omitted both must hold the same count. */
export interface PairOptions extends VectorOptions {
  /** Index in `y` of element 0. */
  offsetY?: number;
  /** Step between elements of `y` (nonzero integer). */
  incY?: number;
}

/** `[n, offsetX, incX, offsetY, incY]` of a checked two-vector call. */
type Pair = [number, number, number, number, number];
/** `[n, offsetX, incX]` of a checked one-vector call. */
type One = [number, number, number];

function pairTypes(x: unknown, y: unknown): void {
  sameDtype('y', y, floatArray('x', x), 'x');
}

/** Validates a two-vector call and resolves its strides (see {@link PairOptions}). */
export function pairArgs(x: unknown, y: unknown, opts: PairOptions | undefined): Pair {
  pairTypes(x, y);
  optionsBag('opts', opts);
  const xl = (x as FloatArray).length;
  const yl = (y as FloatArray).length;
  if (opts === undefined) {
    sameLength('y', yl, xl, 'x');
    return [xl, 0, 1, 0, 1];
  }
  const n = opts.n === undefined ? undefined : nonNegativeInt('n', opts.n);
  const ix = increment('incX', opts.incX);
  const iy = increment('incY', opts.incY);
  const [nx, ox] = stridedView('x', 'offsetX', xl, n, opts.offsetX, ix);
  const [ny, oy] = stridedView('y', 'offsetY', yl, n, opts.offsetY, iy);
  if (nx !== ny) throw new RangeError(`y must hold as many elements as x (${nx}), got ${ny}; pass opts.n`);
  return [nx, ox, ix, oy, iy];
}

/** Validates a one-vector call and resolves its stride (see {@link VectorOptions}). */
export function oneArgs(x: unknown, opts: VectorOptions | undefined): One {
  floatArray('x', x);
  optionsBag('opts', opts);
  const xl = (x as FloatArray).length;
  if (opts === undefined) return [xl, 0, 1];
  const n = opts.n === undefined ? undefined : nonNegativeInt('n', opts.n);
  const ix = increment('incX', opts.incX);
  const [nx, ox] = stridedView('x', 'offsetX', xl, n, opts.offsetX, ix);
  return [nx, ox, ix];
}

function finite(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${typeof v})`);
  return v;
}

/**
 * Dot product `Σ x[i]·y[i]`, on the calling thread for small arrays and on the native pool for
 * large ones. Zero-length arrays give 0; NaN and ±Infinity propagate.
 *
 * @throws TypeError when `x`/`y` are not Float64Array/Float32Array of one type or are detached.
 * @throws RangeError when the lengths differ or the strided views do not fit.
 * @example
 * ```ts
 * import { dot } from '@polycore/native';
 * dot(new Float64Array([1, 2, 3]), new Float64Array([4, 5, 6])); // 32
 * dot(new Float64Array([1, 0, 2, 0]), new Float64Array([3, 4]), { incX: 2 }); // 11
 * ```
 */
export function dot(x: FloatArray, y: FloatArray, opts?: PairOptions): number {
  const b = native();
  try {
    if (opts === undefined) {
      pairTypes(x, y);
      sameLength('y', y.length, x.length, 'x');
      return b.dotContiguous(x, y);
    }
    const [n, ox, ix, oy, iy] = pairArgs(x, y, opts);
    return b.dot(n, x, ox, ix, y, oy, iy);
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * {@link dot} off the event loop, on a native thread; the arrays are kept alive until it
 * resolves. Do not write to them meanwhile. Bad arguments reject (never throw synchronously).
 *
 * @example
 * ```ts
 * import { dotAsync } from '@polycore/native';
 * const s = await dotAsync(new Float32Array(1e7).fill(1), new Float32Array(1e7).fill(2)); // 2e7
 * ```
 */
export async function dotAsync(x: FloatArray, y: FloatArray, opts?: PairOptions): Promise<number> {
  const b = native();
  try {
    const [n, ox, ix, oy, iy] = pairArgs(x, y, opts);
    return await b.dotAsync(n, x, ox, ix, y, oy, iy);
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * `y += alpha·x` in place (BLAS axpy); returns `y`. As in reference BLAS, `alpha = 0` leaves `y`
 * untouched. `x` and `y` may be interleaved views of one buffer (e.g. two matrix rows) but must
 * not share elements unless they are the same view.
 *
 * @throws TypeError/RangeError as {@link dot}; RangeError when x and y share elements.
 * @example
 * ```ts
 * import { axpy } from '@polycore/native';
 * axpy(2, new Float64Array([1, 2]), new Float64Array([10, 20])); // Float64Array [12, 24]
 * ```
 */
export function axpy<T extends FloatArray>(alpha: number, x: T, y: T, opts?: PairOptions): T {
  const b = native();
  try {
    finite('alpha', alpha);
    if (opts === undefined) {
      // the common contiguous call: no option tuple on the hot path
      pairTypes(x, y);
      sameLength('y', y.length, x.length, 'x');
      b.axpy(x.length, alpha, x, 0, 1, y, 0, 1);
      return y;
    }
    const [n, ox, ix, oy, iy] = pairArgs(x, y, opts);
    b.axpy(n, alpha, x, ox, ix, y, oy, iy);
    return y;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * {@link axpy} on a native thread; resolves to `y`.
 *
 * @example
 * ```ts
 * import { axpyAsync } from '@polycore/native';
 * const y = await axpyAsync(0.5, new Float32Array(1e6).fill(2), new Float32Array(1e6)); // all 1
 * ```
 */
export async function axpyAsync<T extends FloatArray>(
  alpha: number,
  x: T,
  y: T,
  opts?: PairOptions,
): Promise<T> {
  const b = native();
  try {
    finite('alpha', alpha);
    const [n, ox, ix, oy, iy] = pairArgs(x, y, opts);
    await b.axpyAsync(n, alpha, x, ox, ix, y, oy, iy);
    return y;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * `x *= alpha` in place (BLAS scal); returns `x`.
 *
 * @example
 * ```ts
 * import { scal } from '@polycore/native';
 * scal(3, new Float64Array([1, 2])); // Float64Array [3, 6]
 * scal(0, new Float64Array([1, 2, 3, 4]), { incX: 2 }); // Float64Array [0, 2, 0, 4]
 * ```
 */
export function scal<T extends FloatArray>(alpha: number, x: T, opts?: VectorOptions): T {
  const b = native();
  try {
    finite('alpha', alpha);
    const [n, ox, ix] = oneArgs(x, opts);
    b.scal(n, alpha, x, ox, ix);
    return x;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * {@link scal} on a native thread; resolves to `x`.
 *
 * @example
 * ```ts
 * import { scalAsync } from '@polycore/native';
 * await scalAsync(2, new Float64Array(1e6).fill(1));
 * ```
 */
export async function scalAsync<T extends FloatArray>(alpha: number, x: T, opts?: VectorOptions): Promise<T> {
  const b = native();
  try {
    finite('alpha', alpha);
    const [n, ox, ix] = oneArgs(x, opts);
    await b.scalAsync(n, alpha, x, ox, ix);
    return x;
  } catch (e) {
    return rethrowNative(e);
  }
}

/** The two-vector writers sharing one wrapper shape. */
type PairWriter = 'copy' | 'swap';

function pairWrite<T extends FloatArray>(op: PairWriter, x: T, y: T, opts: PairOptions | undefined): void {
  const b = native();
  try {
    const [n, ox, ix, oy, iy] = pairArgs(x, y, opts);
    b[op](n, x, ox, ix, y, oy, iy);
  } catch (e) {
    rethrowNative(e);
  }
}

async function pairWriteAsync<T extends FloatArray>(
  op: PairWriter,
  x: T,
  y: T,
  opts: PairOptions | undefined,
): Promise<void> {
  const b = native();
  try {
    const [n, ox, ix, oy, iy] = pairArgs(x, y, opts);
    await (op === 'copy' ? b.copyAsync : b.swapAsync)(n, x, ox, ix, y, oy, iy);
  } catch (e) {
    rethrowNative(e);
  }
}

/**
 * `y = x` elementwise (BLAS copy); returns `y`.
 *
 * @example
 * ```ts
 * import { copy } from '@polycore/native';
 * copy(new Float64Array([1, 2, 3]), new Float64Array(3), { incX: -1 }); // Float64Array [3, 2, 1]
 * ```
 */
export function copy<T extends FloatArray>(x: T, y: T, opts?: PairOptions): T {
  pairWrite('copy', x, y, opts);
  return y;
}

/**
 * {@link copy} on a native thread; resolves to `y`.
 *
 * @example
 * ```ts
 * import { copyAsync } from '@polycore/native';
 * const y = await copyAsync(new Float64Array(1e6).fill(1), new Float64Array(1e6));
 * ```
 */
export async function copyAsync<T extends FloatArray>(x: T, y: T, opts?: PairOptions): Promise<T> {
  await pairWriteAsync('copy', x, y, opts);
  return y;
}

/**
 * Exchanges the elements of `x` and `y` (BLAS swap).
 *
 * @example
 * ```ts
 * import { swap } from '@polycore/native';
 * const x = new Float64Array([1, 2]), y = new Float64Array([3, 4]);
 * swap(x, y); // x = [3, 4], y = [1, 2]
 * ```
 */
export function swap<T extends FloatArray>(x: T, y: T, opts?: PairOptions): void {
  pairWrite('swap', x, y, opts);
}

/**
 * {@link swap} on a native thread.
 *
 * @example
 * ```ts
 * import { swapAsync } from '@polycore/native';
 * await swapAsync(new Float32Array(4), new Float32Array(4).fill(1));
 * ```
 */
export function swapAsync<T extends FloatArray>(x: T, y: T, opts?: PairOptions): Promise<void> {
  return pairWriteAsync('swap', x, y, opts);
}

/**
 * Applies the plane rotation `(x, y) ← (c·x + s·y, c·y − s·x)` in place (BLAS rot).
 *
 * @example
 * ```ts
 * import { rot } from '@polycore/native';
 * const x = new Float64Array([1]), y = new Float64Array([0]);
 * rot(x, y, 0, 1); // x = [0], y = [-1]
 * ```
 */
export function rot<T extends FloatArray>(x: T, y: T, c: number, s: number, opts?: PairOptions): void {
  const b = native();
  try {
    finite('c', c);
    finite('s', s);
    const [n, ox, ix, oy, iy] = pairArgs(x, y, opts);
    b.rot(n, x, ox, ix, y, oy, iy, c, s);
  } catch (e) {
    rethrowNative(e);
  }
}

/**
 * {@link rot} on a native thread.
 *
 * @example
 * ```ts
 * import { rotAsync } from '@polycore/native';
 * await rotAsync(new Float64Array([1]), new Float64Array([1]), Math.SQRT1_2, Math.SQRT1_2);
 * ```
 */
export async function rotAsync<T extends FloatArray>(
  x: T,
  y: T,
  c: number,
  s: number,
  opts?: PairOptions,
): Promise<void> {
  const b = native();
  try {
    finite('c', c);
    finite('s', s);
    const [n, ox, ix, oy, iy] = pairArgs(x, y, opts);
    await b.rotAsync(n, x, ox, ix, y, oy, iy, c, s);
  } catch (e) {
    rethrowNative(e);
  }
}

/** The one-vector reductions sharing one wrapper shape. */
type OneReduction = 'nrm2' | 'asum' | 'iamax';

function reduceOne(op: OneReduction, x: FloatArray, opts: VectorOptions | undefined): number {
  const b = native();
  try {
    if (opts === undefined) {
      floatArray('x', x);
      return b[op](x.length, x, 0, 1);
    }
    const [n, ox, ix] = oneArgs(x, opts);
    return b[op](n, x, ox, ix);
  } catch (e) {
    return rethrowNative(e);
  }
}

async function reduceOneAsync(
  op: OneReduction,
  x: FloatArray,
  opts: VectorOptions | undefined,
): Promise<number> {
  const b = native();
  try {
    const [n, ox, ix] = oneArgs(x, opts);
    const f = op === 'nrm2' ? b.nrm2Async : op === 'asum' ? b.asumAsync : b.iamaxAsync;
    return await f(n, x, ox, ix);
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * Euclidean norm `sqrt(Σ x[i]²)` without overflow or underflow (as reference BLAS `nrm2`),
 * vectorized: runs at dot speed.
 *
 * @example
 * ```ts
 * import { nrm2 } from '@polycore/native';
 * nrm2(new Float64Array([3e200, 4e200])); // 5e200
 * ```
 */
export function nrm2(x: FloatArray, opts?: VectorOptions): number {
  return reduceOne('nrm2', x, opts);
}

/**
 * {@link nrm2} on a native thread.
 *
 * @example
 * ```ts
 * import { nrm2Async } from '@polycore/native';
 * await nrm2Async(new Float32Array([3, 4])); // 5
 * ```
 */
export function nrm2Async(x: FloatArray, opts?: VectorOptions): Promise<number> {
  return reduceOneAsync('nrm2', x, opts);
}

/**
 * Sum of absolute values `Σ |x[i]|` (BLAS asum).
 *
 * @example
 * ```ts
 * import { asum } from '@polycore/native';
 * asum(new Float64Array([1, -2, 3])); // 6
 * ```
 */
export function asum(x: FloatArray, opts?: VectorOptions): number {
  return reduceOne('asum', x, opts);
}

/**
 * {@link asum} on a native thread.
 *
 * @example
 * ```ts
 * import { asumAsync } from '@polycore/native';
 * await asumAsync(new Float64Array([-1, -1])); // 2
 * ```
 */
export function asumAsync(x: FloatArray, opts?: VectorOptions): Promise<number> {
  return reduceOneAsync('asum', x, opts);
}

/**
 * 0-based index (element number, not buffer index, for strided views) of the first element with
 * the largest `|x[i]|` (BLAS `i?amax` minus one); -1 for an empty vector. NaN is skipped, as in
 * reference BLAS, except that a NaN first element gives 0.
 *
 * @example
 * ```ts
 * import { iamax } from '@polycore/native';
 * iamax(new Float64Array([1, -7, 7])); // 1
 * ```
 */
export function iamax(x: FloatArray, opts?: VectorOptions): number {
  return reduceOne('iamax', x, opts);
}

/**
 * {@link iamax} on a native thread.
 *
 * @example
 * ```ts
 * import { iamaxAsync } from '@polycore/native';
 * await iamaxAsync(new Float32Array([0, 2, -3])); // 2
 * ```
 */
export function iamaxAsync(x: FloatArray, opts?: VectorOptions): Promise<number> {
  return reduceOneAsync('iamax', x, opts);
}
