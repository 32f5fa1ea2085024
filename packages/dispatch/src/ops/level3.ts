/**
 * Routed matrix operations: gemm, gemv, ger. Options are validated once by @polycore/native's
 * `normalize*` (the same checks and messages as the native calls, available without the binary),
 * then the cost model picks inline TypeScript, the native core, the worker fallback or the GPU.
 */
import {
  type GemmOptions,
  type GemvOptions,
  type GerOptions,
  type GemmArgs as NGemm,
  type GemvArgs as NGemv,
  type GerArgs as NGer,
  normalizeGemm,
  normalizeGemv,
  normalizeGer,
} from '@polycore/native';
import { gpuDirect, isGpuOperand } from '../backends/gpu.js';
import { nat, nativeGemm, nativeGemv, nativeGer } from '../backends/native.js';
import {
  type GemmArgs,
  type GemvArgs,
  type GerArgs,
  gemmRows,
  gemvRows,
  gerRows,
} from '../fallback/kernels-level3.js';
import { nativeThresholds as N, thresholds as T } from '../thresholds.js';
import type { FloatArray } from '../types.js';
import { type Routed, runAsync, runSync } from './run.js';

/** Row-major form of validated gemm arguments (column-major `C = AB` is row-major `Cᵀ = BᵀAᵀ`). */
function gemmRowMajor(g: NGemm): GemmArgs {
  const { m, n, k, alpha, beta, a, lda, transA, b, ldb, transB, c, ldc } = g;
  if (!g.colMajor) return { m, n, k, alpha, beta, a, lda, transA, b, ldb, transB, c, ldc };
  return {
    m: n,
    n: m,
    k,
    alpha,
    beta,
    a: b,
    lda: ldb,
    transA: transB,
    b: a,
    ldb: lda,
    transB: transA,
    c,
    ldc,
  };
}

/** Row-major form of validated gemv arguments (a column-major A is a row-major Aᵀ). */
function gemvRowMajor(g: NGemv): GemvArgs {
  const { m, n, alpha, beta, a, lda, trans, x, incX, y, incY } = g;
  return g.colMajor
    ? { m: n, n: m, alpha, beta, a, lda, trans: !trans, x, incX, y, incY }
    : { m, n, alpha, beta, a, lda, trans, x, incX, y, incY };
}

/** Row-major form of validated ger arguments (`Aᵀ += α·y·xᵀ` for a column-major A). */
function gerRowMajor(g: NGer): GerArgs {
  const { m, n, alpha, x, incX, y, incY, a, lda } = g;
  return g.colMajor
    ? { m: n, n: m, alpha, x: y, incX: incY, y: x, incY: incX, a, lda }
    : { m, n, alpha, x, incX, y, incY, a, lda };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && v > 0 && (v | 0) === v;
const isNum = (v: unknown): boolean => v === undefined || typeof v === 'number';

// The last operands the fast path found with `c` on a buffer of its own. A view never changes
// its buffer, so the same (a, b, c) again cannot overlap: the check skips the two `.buffer`
// getters (≈ 15 ns each, more than a whole 2×2 product). A detached or shrunk buffer still fails
// the length checks. Only views of small buffers are remembered, so no big memory is kept alive.
let okA: unknown = null;
let okB: unknown = null;
let okC: unknown = null;
const REMEMBER_BYTES = 1 << 16;

/**
 * The fast path's check: a small, tight, row-major, untransposed product with live arrays of one
 * type that fit and a `c` on its own buffer (anything else takes the full validation).
 */
function small(o: GemmOptions): boolean {
  if (o === null || typeof o !== 'object') return false;
  const { m, n, k, a, b, c } = o;
  if (!isInt(m) || !isInt(n) || !isInt(k) || m * n * k > T.gemm) return false;
  if (!isNum(o.alpha) || !isNum(o.beta)) return false;
  if (o.transA !== undefined || o.transB !== undefined || o.lda !== undefined || o.ldb !== undefined)
    return false;
  if (o.ldc !== undefined || o.layout !== undefined) return false;
  const f64 = a instanceof Float64Array;
  if (
    !(f64
      ? b instanceof Float64Array && c instanceof Float64Array
      : a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array)
  ) {
    return false;
  }
  if (a.length < m * k || b.length < k * n || c.length < m * n) return false;
  if (c === okC && a === okA && b === okB) return true;
  const cb = c.buffer;
  const ab = a.buffer;
  const bb = b.buffer;
  if (cb === ab || cb === bb) return false;
  if (cb.byteLength <= REMEMBER_BYTES && ab.byteLength <= REMEMBER_BYTES && bb.byteLength <= REMEMBER_BYTES) {
    okA = a;
    okB = b;
    okC = c;
  }
  return true;
}

/** Tight row-major `c = alpha·a·b + beta·c` for the tiny products of the fast path (dot form, no setup). */
function smallGemm(
  m: number,
  n: number,
  k: number,
  alpha: number,
  beta: number,
  a: FloatArray,
  b: FloatArray,
  c: FloatArray,
): void {
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    const ci = i * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ai + p]! * b[p * n + j]!;
      c[ci + j] = beta === 0 ? alpha * s : alpha * s + beta * c[ci + j]!;
    }
  }
}

const GEMM: Routed<[GemmOptions, NGemm], FloatArray> = {
  op: 'gemm',
  arrays: (_o, g) => [g.a, g.b, g.c],
  js: (_o, g) => {
    const r = gemmRowMajor(g);
    gemmRows(r, 0, r.m);
    return g.c;
  },
  native:
    nativeGemm &&
    ((_o, g) => {
      (nativeGemm as NonNullable<typeof nativeGemm>)(g);
      return g.c;
    }),
  nativeAsync: nat.gemmAsync && ((o) => (nat.gemmAsync as NonNullable<typeof nat.gemmAsync>)(o)),
  job: (s, _o, g) => {
    const r = gemmRowMajor(g);
    return { kind: 'gemm', ...r, a: s(r.a), b: s(r.b), c: s(r.c, { copyBack: true }) };
  },
  done: (_r, _o, g) => g.c,
};

/**
 * General matrix multiply `c ← alpha·op(a)·op(b) + beta·c` in place (options as in
 * @polycore/native's gemm: m, n, k, a, b, c, alpha, beta, transA, transB, lda, ldb, ldc, layout);
 * returns `c`.
 *
 * @throws TypeError / RangeError naming the option.
 * @example
 * ```ts
 * import { gemm } from '@polycore/dispatch';
 * const c = gemm({ m: 2, n: 2, k: 2, a: new Float64Array([1, 2, 3, 4]), b: new Float64Array([5, 6, 7, 8]), c: new Float64Array(4) });
 * // c = [19, 22, 43, 50]
 * ```
 */
export function gemm<T extends FloatArray>(opts: GemmOptions<T>): T {
  if (small(opts)) {
    smallGemm(opts.m, opts.n, opts.k, opts.alpha ?? 1, opts.beta ?? 0, opts.a, opts.b, opts.c);
    return opts.c;
  }
  const g = normalizeGemm(opts);
  const work = g.m * g.n * g.k;
  if (work > T.gemm && work <= N.gemm && nativeGemm) {
    // Above the inline limit the native core wins for every shape the model knows: no routing.
    nativeGemm(g);
    return g.c;
  }
  return runSync(GEMM, [g.m, g.n, g.k], [opts, g]) as T;
}

/**
 * {@link gemm} without blocking the event loop for big products. With GpuArrays for a, b and c
 * it runs on the GPU.
 *
 * @example
 * ```ts
 * import { gemmAsync } from '@polycore/dispatch';
 * await gemmAsync({ m: 512, n: 512, k: 512, a, b, c });
 * ```
 */
export async function gemmAsync<T extends FloatArray>(opts: GemmOptions<T>): Promise<T> {
  const o = opts as unknown as Record<string, unknown> | null;
  if (o && typeof o === 'object' && (isGpuOperand(o.a) || isGpuOperand(o.b) || isGpuOperand(o.c))) {
    return gpuDirect('gemm', [opts]) as Promise<T>;
  }
  const g = normalizeGemm(opts);
  return runAsync(GEMM, [g.m, g.n, g.k], [opts, g]) as Promise<T>;
}

const GEMV: Routed<[GemvOptions, NGemv], FloatArray> = {
  op: 'gemv',
  arrays: (_o, g) => [g.a, g.x, g.y],
  js: (_o, g) => {
    const r = gemvRowMajor(g);
    gemvRows(r, 0, r.trans ? r.n : r.m);
    return g.y;
  },
  native:
    nativeGemv &&
    ((_o, g) => {
      (nativeGemv as NonNullable<typeof nativeGemv>)(g);
      return g.y;
    }),
  nativeAsync: nat.gemvAsync && ((o) => (nat.gemvAsync as NonNullable<typeof nat.gemvAsync>)(o)),
  job: (s, _o, g) => {
    const r = gemvRowMajor(g);
    return { kind: 'gemv', ...r, a: s(r.a), x: s(r.x), y: s(r.y, { copyBack: true }) };
  },
  done: (_r, _o, g) => g.y,
};

/**
 * Matrix-vector multiply `y ← alpha·op(a)·x + beta·y` in place (options as in @polycore/native's
 * gemv); returns `y`.
 *
 * @example
 * ```ts
 * import { gemv } from '@polycore/dispatch';
 * gemv({ m: 2, n: 3, a: new Float64Array([1, 2, 3, 4, 5, 6]), x: new Float64Array([1, 1, 1]), y: new Float64Array(2) }); // [6, 15]
 * ```
 */
export function gemv<T extends FloatArray>(opts: GemvOptions<T>): T {
  const g = normalizeGemv(opts);
  return runSync(GEMV, [g.m, g.n], [opts, g]) as T;
}

/** Async {@link gemv}. @example `await gemvAsync({ m, n, a, x, y })` */
export async function gemvAsync<T extends FloatArray>(opts: GemvOptions<T>): Promise<T> {
  const g = normalizeGemv(opts);
  return runAsync(GEMV, [g.m, g.n], [opts, g]) as Promise<T>;
}

const GER: Routed<[GerOptions, NGer], FloatArray> = {
  op: 'ger',
  arrays: (_o, g) => [g.a, g.x, g.y],
  js: (_o, g) => {
    const r = gerRowMajor(g);
    gerRows(r, 0, r.m);
    return g.a;
  },
  native:
    nativeGer &&
    ((_o, g) => {
      (nativeGer as NonNullable<typeof nativeGer>)(g);
      return g.a;
    }),
  nativeAsync: nat.gerAsync && ((o) => (nat.gerAsync as NonNullable<typeof nat.gerAsync>)(o)),
  job: (s, _o, g) => {
    const r = gerRowMajor(g);
    return { kind: 'ger', ...r, a: s(r.a, { copyBack: true }), x: s(r.x), y: s(r.y) };
  },
  done: (_r, _o, g) => g.a,
};

/**
 * Rank-1 update `a ← alpha·x·yᵀ + a` in place (options as in @polycore/native's ger); returns `a`.
 *
 * @example
 * ```ts
 * import { ger } from '@polycore/dispatch';
 * ger({ m: 2, n: 2, x: new Float64Array([1, 2]), y: new Float64Array([3, 4]), a: new Float64Array(4) }); // [3, 4, 6, 8]
 * ```
 */
export function ger<T extends FloatArray>(opts: GerOptions<T>): T {
  const g = normalizeGer(opts);
  return runSync(GER, [g.m, g.n], [opts, g]) as T;
}

/** Async {@link ger}. @example `await gerAsync({ m, n, x, y, a })` */
export async function gerAsync<T extends FloatArray>(opts: GerOptions<T>): Promise<T> {
  const g = normalizeGer(opts);
  return runAsync(GER, [g.m, g.n], [opts, g]) as Promise<T>;
}
