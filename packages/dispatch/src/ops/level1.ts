/**
 * Routed level-1 BLAS: dot, axpy, scal, copy, swap, rot, nrm2, asum, iamax. Small contiguous
 * arrays take the fast path (a length comparison against the calibrated threshold, then an
 * inline loop); larger ones are routed by the cost model to the native core, the worker fallback
 * or (async forms, GpuArrays) the GPU. Strided views (`opts`: n, offsetX, incX, offsetY, incY,
 * as in @polycore/native) go to the native core, or gather/scatter around the TypeScript kernels.
 */
import { type GpuOperand, gpuDirect, isGpuOperand } from '../backends/gpu.js';
import { nativeFn } from '../backends/native.js';
import {
  asumRange,
  axpyRange,
  copyRange,
  dotRange,
  iamaxRange,
  nrm2Range,
  rotRange,
  scalRange,
  swapRange,
} from '../fallback/kernels-level1.js';
import {
  gather,
  type PairOptions,
  resolveOne,
  resolvePair,
  scatter,
  type VectorOptions,
} from '../fallback/strided.js';
import { nativeThresholds as N, nativeFrom as NF, thresholds as T } from '../thresholds.js';
import type { FloatArray } from '../types.js';
import { floatArray, sameShape, sameType, scalar } from '../validate.js';
import { type Routed, runAsync, runSync } from './run.js';

export type { PairOptions, VectorOptions };

type Fn = (...args: never[]) => unknown;
type F = FloatArray;
/** The scalars of an operation that has none (shared, never written). */
const NONE: number[] = [];
// Native functions the fast paths call directly (used only below N[op], which is -1 without them).
const NDOT = nativeFn<(x: F, y: F) => number>('dot') as (x: F, y: F) => number;
const NAXPY = nativeFn<(a: number, x: F, y: F) => F>('axpy') as (a: number, x: F, y: F) => F;
const NSCAL = nativeFn<(a: number, x: F) => F>('scal') as (a: number, x: F) => F;
const NNRM2 = nativeFn<(x: F) => number>('nrm2') as (x: F) => number;
const NASUM = nativeFn<(x: F) => number>('asum') as (x: F) => number;
const NIAMAX = nativeFn<(x: F) => number>('iamax') as (x: F) => number;
const pair = (x: unknown, y: unknown): boolean =>
  x instanceof Float64Array
    ? y instanceof Float64Array
    : x instanceof Float32Array && y instanceof Float32Array;
const single = (x: unknown): boolean => x instanceof Float64Array || x instanceof Float32Array;

/** A two-vector operation: its contiguous kernel and which vectors it writes. */
interface PairKernel<R> {
  op: 'dot' | 'axpy' | 'copy' | 'swap' | 'rot';
  /** Runs on contiguous `x`, `y` over `[s, e)`; `p` holds the scalars (alpha, or c and s). */
  run(x: FloatArray, y: FloatArray, p: number[], s: number, e: number): R;
  writesX: boolean;
  writesY: boolean;
  /** The result returned to the caller (e.g. `y` for axpy). */
  result(r: R, x: FloatArray, y: FloatArray): unknown;
}

/** Native args of a pair op: scalars first for axpy, last for rot. */
function nativeArgs(
  op: PairKernel<unknown>['op'],
  x: FloatArray,
  y: FloatArray,
  p: number[],
  opts?: PairOptions,
): unknown[] {
  const tail = opts === undefined ? [] : [opts];
  if (op === 'axpy') return [p[0], x, y, ...tail];
  if (op === 'rot') return [x, y, p[0], p[1], ...tail];
  return [x, y, ...tail];
}

/** Calls a native pair kernel without building an argument array (this is the hot slow path). */
function callPair(
  op: PairKernel<unknown>['op'],
  f: (...a: unknown[]) => unknown,
  x: FloatArray,
  y: FloatArray,
  p: number[],
): unknown {
  switch (op) {
    case 'axpy':
      return f(p[0], x, y);
    case 'rot':
      return f(x, y, p[0], p[1]);
    default:
      return f(x, y);
  }
}

function pairRouted<R>(k: PairKernel<R>): Routed<[FloatArray, FloatArray, number[]], unknown> {
  const nf = nativeFn<Fn>(k.op) as ((...a: unknown[]) => unknown) | undefined;
  const na = nativeFn<Fn>(`${k.op}Async`) as ((...a: unknown[]) => Promise<unknown>) | undefined;
  return {
    op: k.op,
    arrays: (x, y) => [x, y],
    js: (x, y, p) => k.result(k.run(x, y, p, 0, x.length), x, y),
    native: nf && ((x, y, p) => k.result(callPair(k.op, nf, x, y, p) as R, x, y)),
    nativeAsync: na && (async (x, y, p) => k.result((await callPair(k.op, na, x, y, p)) as R, x, y)),
    job: (s, x, y, p) => {
      const sx = s(x, { copyBack: k.writesX });
      const sy = s(y, { copyIn: k.op !== 'copy', copyBack: k.writesY });
      if (k.op === 'dot') return { kind: 'dot', x: sx, y: sy };
      if (k.op === 'axpy') return { kind: 'axpy', alpha: p[0] ?? 0, x: sx, y: sy };
      if (k.op === 'rot') return { kind: 'rot', x: sx, y: sy, c: p[0] ?? 1, s: p[1] ?? 0 };
      return { kind: k.op, x: sx, y: sy };
    },
    done: (r, x, y) => k.result(r.value as R, x, y),
  };
}

/** A strided two-vector call: native with `opts`, else gather → contiguous kernel → scatter. */
function stridedPair<R>(
  k: PairKernel<R>,
  x: FloatArray,
  y: FloatArray,
  p: number[],
  opts: PairOptions,
  async: boolean,
): unknown {
  sameType(['x', 'y'], [x, y]);
  const f = nativeFn<Fn>(async ? `${k.op}Async` : k.op) as ((...a: unknown[]) => unknown) | undefined;
  if (f) {
    const r = f(...nativeArgs(k.op, x, y, p, opts));
    return async ? (r as Promise<R>).then((v) => k.result(v, x, y)) : k.result(r as R, x, y);
  }
  const [n, ox, ix, oy, iy] = resolvePair(x, y, opts);
  const gx = gather(x, n, ox, ix);
  const gy = gather(y, n, oy, iy);
  const r = k.run(gx, gy, p, 0, n);
  if (k.writesX) scatter(x, n, ox, ix, gx);
  if (k.writesY) scatter(y, n, oy, iy, gy);
  const out = k.result(r, x, y);
  return async ? Promise.resolve(out) : out;
}

const DOT_K: PairKernel<number> = {
  op: 'dot',
  run: (x, y, _p, s, e) => dotRange(x, y, s, e),
  writesX: false,
  writesY: false,
  result: (r) => r,
};
const AXPY_K: PairKernel<void> = {
  op: 'axpy',
  run: (x, y, p, s, e) => axpyRange(p[0] ?? 0, x, y, s, e),
  writesX: false,
  writesY: true,
  result: (_r, _x, y) => y,
};
const COPY_K: PairKernel<void> = {
  op: 'copy',
  run: (x, y, _p, s, e) => copyRange(x, y, s, e),
  writesX: false,
  writesY: true,
  result: (_r, _x, y) => y,
};
const SWAP_K: PairKernel<void> = {
  op: 'swap',
  run: (x, y, _p, s, e) => swapRange(x, y, s, e),
  writesX: true,
  writesY: true,
  result: () => undefined,
};
const ROT_K: PairKernel<void> = {
  op: 'rot',
  run: (x, y, p, s, e) => rotRange(x, y, p[0] ?? 1, p[1] ?? 0, s, e),
  writesX: true,
  writesY: true,
  result: () => undefined,
};
const DOT = pairRouted(DOT_K);
const AXPY = pairRouted(AXPY_K);
const COPY = pairRouted(COPY_K);
const SWAP = pairRouted(SWAP_K);
const ROT = pairRouted(ROT_K);

/** Sync entry of a pair op: validate, then strided or routed. */
function pairSync<R>(
  k: PairKernel<R>,
  routed: Routed<[FloatArray, FloatArray, number[]], unknown>,
  x: FloatArray,
  y: FloatArray,
  p: number[],
  opts: PairOptions | undefined,
): unknown {
  if (opts !== undefined) return stridedPair(k, x, y, p, opts, false);
  sameShape(['x', 'y'], [x, y]);
  return runSync(routed, x.length, [x, y, p]);
}

/** Async entry of a pair op: GpuArrays to the GPU, strided, or routed. */
async function pairAsync<R>(
  k: PairKernel<R>,
  routed: Routed<[FloatArray, FloatArray, number[]], unknown>,
  x: unknown,
  y: unknown,
  p: number[],
  opts: PairOptions | undefined,
): Promise<unknown> {
  if (isGpuOperand(x) || isGpuOperand(y))
    return gpuDirect(k.op, nativeArgs(k.op, x as FloatArray, y as FloatArray, p, opts));
  if (opts !== undefined) return stridedPair(k, x as FloatArray, y as FloatArray, p, opts, true);
  sameShape(['x', 'y'], [x, y]);
  return runAsync(routed, [(x as FloatArray).length], [x as FloatArray, y as FloatArray, p]);
}

/**
 * Dot product `Σ x[i]·y[i]` (0 for empty arrays), wherever the cost model says is fastest.
 *
 * @throws TypeError unless x and y are Float64Arrays or Float32Arrays of one type; RangeError when lengths differ.
 * @example
 * ```ts
 * import { dot } from '@polycore/dispatch';
 * dot(new Float64Array([1, 2, 3]), new Float64Array([4, 5, 6])); // 32
 * dot(new Float64Array([1, 0, 2, 0]), new Float64Array([3, 4]), { incX: 2 }); // 11
 * ```
 */
export function dot<T extends FloatArray>(x: T, y: T, opts?: PairOptions): number {
  const n = x.length;
  if (opts === undefined && n > 0 && pair(x, y) && y.length === n) {
    if (n <= T.dot) return dotRange(x, y, 0, n);
    if (n <= N.dot && n >= NF.dot) return NDOT(x, y);
  }
  return pairSync(DOT_K, DOT, x, y, NONE, opts) as number;
}

/**
 * {@link dot} without blocking the event loop for big inputs; also takes GpuArrays (computed on the GPU).
 *
 * @example
 * ```ts
 * import { dotAsync } from '@polycore/dispatch';
 * await dotAsync(new Float32Array(1e7).fill(1), new Float32Array(1e7).fill(2)); // 2e7
 * ```
 */
export async function dotAsync(
  x: FloatArray | GpuOperand,
  y: FloatArray | GpuOperand,
  opts?: PairOptions,
): Promise<number> {
  return pairAsync(DOT_K, DOT, x, y, [], opts) as Promise<number>;
}

/**
 * `y ← alpha·x + y`, in place; returns `y`.
 *
 * @throws TypeError / RangeError naming the argument.
 * @example
 * ```ts
 * import { axpy } from '@polycore/dispatch';
 * axpy(2, new Float64Array([1, 2]), new Float64Array([10, 20])); // Float64Array [12, 24]
 * ```
 */
export function axpy<T extends FloatArray>(alpha: number, x: T, y: T, opts?: PairOptions): T {
  const n = x.length;
  if (opts === undefined && n > 0 && typeof alpha === 'number' && pair(x, y) && y.length === n) {
    if (n <= T.axpy) {
      axpyRange(alpha, x, y, 0, n);
      return y;
    }
    if (n <= N.axpy && n >= NF.axpy) return NAXPY(alpha, x, y) as T;
  }
  scalar('alpha', alpha);
  return pairSync(AXPY_K, AXPY, x, y, [alpha], opts) as T;
}

/**
 * {@link axpy} without blocking the event loop for big inputs (GpuArrays stay on the GPU).
 *
 * @example
 * ```ts
 * import { axpyAsync } from '@polycore/dispatch';
 * const y = await axpyAsync(0.5, x, y0);
 * ```
 */
export async function axpyAsync<T extends FloatArray | GpuOperand>(
  alpha: number,
  x: T,
  y: T,
  opts?: PairOptions,
): Promise<T> {
  scalar('alpha', alpha);
  return pairAsync(AXPY_K, AXPY, x, y, [alpha], opts) as Promise<T>;
}

/**
 * `y ← x` (copies `x` into `y`); returns `y`.
 *
 * @example
 * ```ts
 * import { copy } from '@polycore/dispatch';
 * copy(new Float64Array([1, 2]), new Float64Array(2)); // [1, 2]
 * ```
 */
export function copy<T extends FloatArray>(x: T, y: T, opts?: PairOptions): T {
  return pairSync(COPY_K, COPY, x, y, NONE, opts) as T;
}

/** Async {@link copy}. @example `await copyAsync(x, y)` */
export async function copyAsync<T extends FloatArray>(x: T, y: T, opts?: PairOptions): Promise<T> {
  return pairAsync(COPY_K, COPY, x, y, [], opts) as Promise<T>;
}

/**
 * Exchanges the contents of `x` and `y`.
 *
 * @example
 * ```ts
 * import { swap } from '@polycore/dispatch';
 * swap(x, y);
 * ```
 */
export function swap<T extends FloatArray>(x: T, y: T, opts?: PairOptions): void {
  pairSync(SWAP_K, SWAP, x, y, NONE, opts);
}

/** Async {@link swap}. @example `await swapAsync(x, y)` */
export async function swapAsync<T extends FloatArray>(x: T, y: T, opts?: PairOptions): Promise<void> {
  await pairAsync(SWAP_K, SWAP, x, y, [], opts);
}

/**
 * Plane rotation: `x ← c·x + s·y`, `y ← c·y − s·x` (BLAS rot), in place.
 *
 * @example
 * ```ts
 * import { rot } from '@polycore/dispatch';
 * rot(x, y, Math.cos(t), Math.sin(t));
 * ```
 */
export function rot<T extends FloatArray>(x: T, y: T, c: number, s: number, opts?: PairOptions): void {
  scalar('c', c);
  scalar('s', s);
  pairSync(ROT_K, ROT, x, y, [c, s], opts);
}

/** Async {@link rot}. @example `await rotAsync(x, y, c, s)` */
export async function rotAsync<T extends FloatArray>(
  x: T,
  y: T,
  c: number,
  s: number,
  opts?: PairOptions,
): Promise<void> {
  scalar('c', c);
  scalar('s', s);
  await pairAsync(ROT_K, ROT, x, y, [c, s], opts);
}

/** A one-vector operation `f(x) → R` over `[s, e)`, routed like dot. */
interface OneKernel<R> {
  op: 'scal' | 'nrm2' | 'asum' | 'iamax';
  run(x: FloatArray, p: number[], s: number, e: number): R;
  writes: boolean;
  result(r: R, x: FloatArray): unknown;
}

function oneRouted<R>(k: OneKernel<R>): Routed<[FloatArray, number[]], unknown> {
  const nf = nativeFn<Fn>(k.op) as ((...a: unknown[]) => unknown) | undefined;
  const na = nativeFn<Fn>(`${k.op}Async`) as ((...a: unknown[]) => Promise<unknown>) | undefined;
  return {
    op: k.op,
    arrays: (x) => [x],
    js: (x, p) => k.result(k.run(x, p, 0, x.length), x),
    native: nf && ((x, p) => k.result((k.op === 'scal' ? nf(p[0], x) : nf(x)) as R, x)),
    nativeAsync: na && (async (x, p) => k.result((await (k.op === 'scal' ? na(p[0], x) : na(x))) as R, x)),
    job: (s, x, p) =>
      k.op === 'scal'
        ? { kind: 'scal', alpha: p[0] ?? 1, x: s(x, { copyBack: true }) }
        : { kind: k.op, x: s(x) },
    done: (r, x) => k.result(r.value as R, x),
  };
}

function stridedOne<R>(
  k: OneKernel<R>,
  x: FloatArray,
  p: number[],
  opts: VectorOptions,
  async: boolean,
): unknown {
  floatArray('x', x);
  const f = nativeFn<Fn>(async ? `${k.op}Async` : k.op) as ((...a: unknown[]) => unknown) | undefined;
  if (f) {
    const r = f(...(k.op === 'scal' ? [p[0], x, opts] : [x, opts]));
    return async ? (r as Promise<R>).then((v) => k.result(v, x)) : k.result(r as R, x);
  }
  const [n, ox, ix] = resolveOne(x, opts);
  const g = gather(x, n, ox, ix);
  const r = k.run(g, p, 0, n);
  if (k.writes) scatter(x, n, ox, ix, g);
  const out = k.result(r, x);
  return async ? Promise.resolve(out) : out;
}

function oneSync<R>(
  k: OneKernel<R>,
  routed: Routed<[FloatArray, number[]], unknown>,
  x: FloatArray,
  p: number[],
  opts: VectorOptions | undefined,
): unknown {
  if (opts !== undefined) return stridedOne(k, x, p, opts, false);
  floatArray('x', x);
  return runSync(routed, x.length, [x, p]);
}

async function oneAsync<R>(
  k: OneKernel<R>,
  routed: Routed<[FloatArray, number[]], unknown>,
  x: unknown,
  p: number[],
  opts: VectorOptions | undefined,
): Promise<unknown> {
  if (isGpuOperand(x)) return gpuDirect(k.op, k.op === 'scal' ? [p[0], x] : [x]);
  if (opts !== undefined) return stridedOne(k, x as FloatArray, p, opts, true);
  floatArray('x', x);
  return runAsync(routed, [(x as FloatArray).length], [x as FloatArray, p]);
}

const SCAL_K: OneKernel<void> = {
  op: 'scal',
  run: (x, p, s, e) => scalRange(p[0] ?? 1, x, s, e),
  writes: true,
  result: (_r, x) => x,
};
const NRM2_K: OneKernel<number> = {
  op: 'nrm2',
  run: (x, _p, s, e) => nrm2Range(x, s, e),
  writes: false,
  result: (r) => r,
};
const ASUM_K: OneKernel<number> = {
  op: 'asum',
  run: (x, _p, s, e) => asumRange(x, s, e),
  writes: false,
  result: (r) => r,
};
const IAMAX_K: OneKernel<number> = {
  op: 'iamax',
  run: (x, _p, s, e) => iamaxRange(x, s, e),
  writes: false,
  result: (r) => r,
};
const SCAL = oneRouted(SCAL_K);
const NRM2 = oneRouted(NRM2_K);
const ASUM = oneRouted(ASUM_K);
const IAMAX = oneRouted(IAMAX_K);

/**
 * `x ← alpha·x`, in place; returns `x`.
 *
 * @example
 * ```ts
 * import { scal } from '@polycore/dispatch';
 * scal(3, new Float32Array([1, 2])); // Float32Array [3, 6]
 * ```
 */
export function scal<T extends FloatArray>(alpha: number, x: T, opts?: VectorOptions): T {
  const n = x.length;
  if (opts === undefined && n > 0 && typeof alpha === 'number' && single(x)) {
    if (n <= T.scal) {
      scalRange(alpha, x, 0, n);
      return x;
    }
    if (n <= N.scal && n >= NF.scal) return NSCAL(alpha, x) as T;
  }
  scalar('alpha', alpha);
  return oneSync(SCAL_K, SCAL, x, [alpha], opts) as T;
}

/**
 * {@link scal} without blocking the event loop for big inputs.
 *
 * @example
 * ```ts
 * import { scalAsync } from '@polycore/dispatch';
 * await scalAsync(0.5, x);
 * ```
 */
export async function scalAsync<T extends FloatArray | GpuOperand>(
  alpha: number,
  x: T,
  opts?: VectorOptions,
): Promise<T> {
  scalar('alpha', alpha);
  return oneAsync(SCAL_K, SCAL, x, [alpha], opts) as Promise<T>;
}

/**
 * Euclidean norm `√Σ x[i]²`, without overflow or underflow for extreme values.
 *
 * @example
 * ```ts
 * import { nrm2 } from '@polycore/dispatch';
 * nrm2(new Float64Array([3, 4])); // 5
 * ```
 */
export function nrm2(x: FloatArray, opts?: VectorOptions): number {
  const n = x.length;
  if (opts === undefined && n > 0 && single(x)) {
    if (n <= T.nrm2) return nrm2Range(x, 0, n);
    if (n <= N.nrm2 && n >= NF.nrm2) return NNRM2(x);
  }
  return oneSync(NRM2_K, NRM2, x, NONE, opts) as number;
}

/**
 * Sum of magnitudes `Σ |x[i]|`.
 *
 * @example
 * ```ts
 * import { asum } from '@polycore/dispatch';
 * asum(new Float64Array([-1, 2, -3])); // 6
 * ```
 */
export function asum(x: FloatArray, opts?: VectorOptions): number {
  const n = x.length;
  if (opts === undefined && n > 0 && single(x)) {
    if (n <= T.asum) return asumRange(x, 0, n);
    if (n <= N.asum && n >= NF.asum) return NASUM(x);
  }
  return oneSync(ASUM_K, ASUM, x, NONE, opts) as number;
}

/**
 * Index of the first element of largest magnitude; -1 for an empty array. NaNs are skipped as in
 * reference BLAS, except that a NaN first element gives 0.
 *
 * @example
 * ```ts
 * import { iamax } from '@polycore/dispatch';
 * iamax(new Float64Array([1, -7, 7])); // 1
 * ```
 */
export function iamax(x: FloatArray, opts?: VectorOptions): number {
  const n = x.length;
  if (opts === undefined && n > 0 && single(x)) {
    if (n <= T.iamax) return iamaxRange(x, 0, n);
    if (n <= N.iamax && n >= NF.iamax) return NIAMAX(x);
  }
  return oneSync(IAMAX_K, IAMAX, x, NONE, opts) as number;
}

/**
 * {@link nrm2} off the event loop for big inputs.
 *
 * @example
 * ```ts
 * import { nrm2Async } from '@polycore/dispatch';
 * await nrm2Async(new Float64Array(1e7).fill(1)); // ≈ 3162.28
 * ```
 */
export async function nrm2Async(x: FloatArray | GpuOperand, opts?: VectorOptions): Promise<number> {
  return oneAsync(NRM2_K, NRM2, x, [], opts) as Promise<number>;
}

/** {@link asum} off the event loop for big inputs. @example `await asumAsync(x)` */
export async function asumAsync(x: FloatArray | GpuOperand, opts?: VectorOptions): Promise<number> {
  return oneAsync(ASUM_K, ASUM, x, [], opts) as Promise<number>;
}

/** {@link iamax} off the event loop for big inputs. @example `await iamaxAsync(x)` */
export async function iamaxAsync(x: FloatArray | GpuOperand, opts?: VectorOptions): Promise<number> {
  return oneAsync(IAMAX_K, IAMAX, x, [], opts) as Promise<number>;
}
