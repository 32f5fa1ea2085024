import { native } from './loader.js';
import {
  type Dtype,
  dimension,
  type FloatArray,
  floatArray,
  type Layout,
  matrixFits,
  noOverlap,
  optionalFlag,
  optionalInt,
  optionalLayout,
  optionalScalar,
  optionsObject,
  sameDtype,
} from './validate.js';

/**
 * Options of {@link gemm}: `c ← alpha·op(a)·op(b) + beta·c`, where `op(a)` is `m×k`, `op(b)` is
 * `k×n` and `c` is `m×n`. `op(x)` is `x` or, with `transA`/`transB`, its transpose.
 */
export interface GemmOptions<T extends FloatArray = FloatArray> {
  /** Rows of `op(a)` and `c`. */
  m: number;
  /** Columns of `op(b)` and `c`. */
  n: number;
  /** Columns of `op(a)`, rows of `op(b)`. */
  k: number;
  /** Matrix a: `m×k` (or `k×m` with `transA`), in `layout` order with leading dimension `lda`. */
  a: T;
  /** Matrix b: `k×n` (or `n×k` with `transB`). Same element type as `a`. */
  b: T;
  /** Matrix c (`m×n`), updated in place. Must not overlap `a` or `b`. */
  c: T;
  /** Scale of the product (default 1). */
  alpha?: number;
  /** Scale of the old `c` (default 0: `c` is overwritten and its old NaNs do not propagate, as in BLAS). */
  beta?: number;
  /** Use the transpose of `a` (default false). */
  transA?: boolean;
  /** Use the transpose of `b` (default false). */
  transB?: boolean;
  /** Leading dimension of `a` (elements between rows, or columns in column-major); default: tight. */
  lda?: number;
  /** Leading dimension of `b`; default: tight. */
  ldb?: number;
  /** Leading dimension of `c`; default: tight (`n` row-major, `m` column-major). */
  ldc?: number;
  /** `'row-major'` (default) or `'column-major'`. */
  layout?: Layout;
}

/** {@link GemmOptions} after validation: every default filled in (what the kernels receive). */
export interface GemmArgs<T extends FloatArray = FloatArray> {
  dtype: Dtype;
  colMajor: boolean;
  transA: boolean;
  transB: boolean;
  m: number;
  n: number;
  k: number;
  alpha: number;
  a: T;
  lda: number;
  b: T;
  ldb: number;
  beta: number;
  c: T;
  ldc: number;
}

/**
 * Validates {@link GemmOptions} and fills in defaults: the checks {@link gemm} runs, shared with
 * the TypeScript fallback kernels so both reject the same calls with the same errors.
 *
 * @throws TypeError for a non-object, non-float arrays, mixed element types, detached buffers,
 *   non-number sizes/scalars or non-boolean flags.
 * @throws RangeError for negative/non-integer sizes, leading dimensions below the minimum,
 *   arrays too short for their shape, or `c` overlapping `a`/`b`.
 * @example
 * ```ts
 * import { normalizeGemm } from '@polycore/native';
 * const args = normalizeGemm({ m: 2, n: 2, k: 1, a, b, c }); // args.lda === 1, args.beta === 0
 * ```
 */
export function normalizeGemm<T extends FloatArray>(options: GemmOptions<T>): GemmArgs<T> {
  const o = optionsObject('gemm options', options);
  const m = dimension('m', o.m);
  const n = dimension('n', o.n);
  const k = dimension('k', o.k);
  const dtype = floatArray('a', o.a);
  sameDtype('b', o.b, dtype, 'a');
  sameDtype('c', o.c, dtype, 'a');
  const a = o.a as T;
  const b = o.b as T;
  const c = o.c as T;
  const alpha = optionalScalar('alpha', o.alpha, 1);
  const beta = optionalScalar('beta', o.beta, 0);
  const transA = optionalFlag('transA', o.transA);
  const transB = optionalFlag('transB', o.transB);
  const colMajor = optionalLayout('layout', o.layout);
  // Stored shapes (rows × cols in the storage order).
  const [aRows, aCols] = stored(transA ? k : m, transA ? m : k, colMajor);
  const [bRows, bCols] = stored(transB ? n : k, transB ? k : n, colMajor);
  const [cRows, cCols] = stored(m, n, colMajor);
  const lda = optionalInt('lda', o.lda, 1, Math.max(1, aCols));
  const ldb = optionalInt('ldb', o.ldb, 1, Math.max(1, bCols));
  const ldc = optionalInt('ldc', o.ldc, 1, Math.max(1, cCols));
  matrixFits('a', a, aRows, aCols, lda, 'lda');
  matrixFits('b', b, bRows, bCols, ldb, 'ldb');
  matrixFits('c', c, cRows, cCols, ldc, 'ldc');
  noOverlap('c', c, 'a', a);
  noOverlap('c', c, 'b', b);
  return { dtype, colMajor, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc };
}

/** (rows, cols) of a logical `r×c` matrix as stored: swapped in column-major. */
export function stored(r: number, c: number, colMajor: boolean): [number, number] {
  return colMajor ? [c, r] : [r, c];
}

/** Calls the binding for the dtype: sync, or async (returns its Promise). */
function gemmCall(g: GemmArgs, async: boolean): unknown {
  const b = native();
  const f64 = g.dtype === 'f64';
  const fn = (async ? (f64 ? b.dgemmAsync : b.sgemmAsync) : f64 ? b.dgemm : b.sgemm) as (
    ...args: unknown[]
  ) => unknown;
  return fn(
    g.colMajor,
    g.transA,
    g.transB,
    g.m,
    g.n,
    g.k,
    g.alpha,
    g.a,
    g.lda,
    g.b,
    g.ldb,
    g.beta,
    g.c,
    g.ldc,
  );
}

/**
 * {@link gemm} on arguments {@link normalizeGemm} already checked (for callers that validate once and
 * then route, like `@polycore/dispatch`); updates `g.c` in place.
 *
 * @example
 * ```ts
 * import { gemmNormalized, normalizeGemm } from '@polycore/native';
 * const g = normalizeGemm({ m: 1, n: 1, k: 1, a: new Float64Array([2]), b: new Float64Array([3]), c: new Float64Array(1) });
 * gemmNormalized(g); // g.c = [6]
 * ```
 */
export function gemmNormalized(g: GemmArgs): void {
  gemmCall(g, false);
}

/**
 * General matrix multiply, `c ← alpha·op(a)·op(b) + beta·c`, in place; returns `c`. Float64Array
 * or Float32Array (all three the same). Cache-blocked, packed, SIMD micro-kernels picked at run
 * time; large products (about n ≥ 200) split across the shared native pool.
 *
 * @throws TypeError / RangeError as described in {@link normalizeGemm}.
 * @example
 * ```ts
 * import { gemm } from '@polycore/native';
 * const a = new Float64Array([1, 2, 3, 4]); // 2×2, row-major
 * const b = new Float64Array([5, 6, 7, 8]);
 * const c = new Float64Array(4);
 * gemm({ m: 2, n: 2, k: 2, a, b, c }); // c = [19, 22, 43, 50]
 * ```
 */
export function gemm<T extends FloatArray>(options: GemmOptions<T>): T {
  const g = normalizeGemm(options);
  gemmCall(g, false);
  return g.c;
}

/**
 * {@link gemm} off the event loop, on a native thread; resolves to `c`. The arrays are kept alive
 * until it settles: do not write to them meanwhile.
 *
 * @example
 * ```ts
 * import { gemmAsync } from '@polycore/native';
 * const n = 1024;
 * const c = await gemmAsync({ m: n, n, k: n, a: new Float32Array(n * n), b: new Float32Array(n * n), c: new Float32Array(n * n) });
 * ```
 */
export async function gemmAsync<T extends FloatArray>(options: GemmOptions<T>): Promise<T> {
  const g = normalizeGemm(options);
  await gemmCall(g, true);
  return g.c;
}
