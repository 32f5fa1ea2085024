/**
 * BLAS level 1 on GpuArrays with @polycore/native's argument shapes: dot, nrm2, asum resolve as
 * numbers; axpy and scal update in place. `opts` selects strided elements as in native
 * (`n`, `offsetX`, `incX`, `offsetY`, `incY`; negative strides allowed).
 */
import type { GpuArray } from '../array.js';
import { increment, optionsBag, scalar, stridedView } from '../validate.js';
import { gpuArray, noPartialOverlap, type Strided, sameKind, sameLength } from './args.js';
import { ewRun } from './elementwise.js';
import { reduce } from './reduce.js';

/** Which elements of one vector a level-1 call uses: element `i` is `x[offsetX + i·incX]`. */
export interface GpuVectorOptions {
  /** Number of elements (default: every element reachable). */
  n?: number;
  /** Index of element 0 (default 0, or `(n−1)·|incX|` when `incX < 0`). */
  offsetX?: number;
  /** Step between elements (nonzero integer, default 1). */
  incX?: number;
}

/** {@link GpuVectorOptions} for two vectors; without `n` both must hold the same count. */
export interface GpuPairOptions extends GpuVectorOptions {
  offsetY?: number;
  incY?: number;
}

function one(x: unknown, opts: GpuVectorOptions | undefined): [number, Strided] {
  const a = gpuArray('x', x);
  optionsBag('opts', opts);
  if (opts === undefined) return [a.length, { array: a, off: 0, inc: 1 }];
  const n = opts.n === undefined ? undefined : stridedCount(opts.n);
  const inc = increment('incX', opts.incX);
  const [nx, off] = stridedView('x', 'offsetX', a.length, n, opts.offsetX, inc);
  return [nx, { array: a, off, inc }];
}

function stridedCount(n: unknown): number {
  if (typeof n !== 'number') throw new TypeError(`n must be a number (got ${typeof n})`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  return n;
}

function pair(x: unknown, y: unknown, opts: GpuPairOptions | undefined): [number, Strided, Strided] {
  const a = gpuArray('x', x);
  const b = gpuArray('y', y);
  sameKind('y', b, a, 'x');
  optionsBag('opts', opts);
  if (opts === undefined) {
    sameLength('y', b.length, a.length, 'x');
    return [a.length, { array: a, off: 0, inc: 1 }, { array: b, off: 0, inc: 1 }];
  }
  const n = opts.n === undefined ? undefined : stridedCount(opts.n);
  const ix = increment('incX', opts.incX);
  const iy = increment('incY', opts.incY);
  const [nx, ox] = stridedView('x', 'offsetX', a.length, n, opts.offsetX, ix);
  const [ny, oy] = stridedView('y', 'offsetY', b.length, n, opts.offsetY, iy);
  if (nx !== ny) throw new RangeError(`y must hold as many elements as x (${nx}), got ${ny}; pass opts.n`);
  return [nx, { array: a, off: ox, inc: ix }, { array: b, off: oy, inc: iy }];
}

/**
 * Dot product `Σ x[i]·y[i]`, accumulated with error-free transformations (Dot2), resolved as a number.
 *
 * @throws TypeError / RangeError (as a rejection) for mismatched arrays or strides.
 * @example
 * ```ts
 * const d = await dot(x, y);
 * const evens = await dot(x, y, { incX: 2, incY: 2 });
 * ```
 */
export async function dot(x: GpuArray, y: GpuArray, opts?: GpuPairOptions): Promise<number> {
  const [n, a, b] = pair(x, y, opts);
  return reduce('dot', n, a, b);
}

/**
 * Euclidean norm `sqrt(Σ x[i]²)`, overflow- and underflow-safe (scaled sum of squares).
 *
 * @example
 * ```ts
 * const r = await nrm2(x);
 * ```
 */
export async function nrm2(x: GpuArray, opts?: GpuVectorOptions): Promise<number> {
  const [n, a] = one(x, opts);
  return reduce('nrm2', n, a);
}

/**
 * Sum of absolute values `Σ |x[i]|`.
 *
 * @example
 * ```ts
 * const s = await asum(x);
 * ```
 */
export async function asum(x: GpuArray, opts?: GpuVectorOptions): Promise<number> {
  const [n, a] = one(x, opts);
  return reduce('asum', n, a);
}

/**
 * `y ← alpha·x + y` in place on the device; returns `y` (for chaining).
 *
 * @throws TypeError / RangeError for a non-number alpha, mismatched arrays, or `y` partially overlapping `x`.
 * @example
 * ```ts
 * axpy(2, x, y); // y += 2x, no transfer
 * ```
 */
export function axpy(alpha: number, x: GpuArray, y: GpuArray, opts?: GpuPairOptions): GpuArray {
  scalar('alpha', alpha);
  const [n, a, b] = pair(x, y, opts);
  noPartialOverlap('y', b, 'x', a, n);
  return ewRun('fma', n, [alpha, a, b], b);
}

/**
 * `x ← alpha·x` in place on the device; returns `x`.
 *
 * @example
 * ```ts
 * scal(0.5, x);
 * ```
 */
export function scal(alpha: number, x: GpuArray, opts?: GpuVectorOptions): GpuArray {
  scalar('alpha', alpha);
  const [n, a] = one(x, opts);
  return ewRun('mul', n, [alpha, a], a);
}
