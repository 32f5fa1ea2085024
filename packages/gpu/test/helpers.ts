/**
 * Shared test set-up: opens the device once per file (or explains why the device tests skip),
 * CPU reference kernels in f64, and tolerances derived from f32 rounding.
 */
import { closeGpu, type Gpu, gpu } from '@polycore/gpu';
import { afterAll } from 'vitest';

/** Unit roundoff of f32 (half an ulp of 1). */
export const U32 = 2 ** -24;
/** Unit roundoff of f16. */
export const U16 = 2 ** -11;

async function probe(): Promise<{ gpu: Gpu | null; reason: string }> {
  try {
    return { gpu: await gpu(), reason: '' };
  } catch (e) {
    const reason = (e as Error).message;
    if (process.env.POLYCORE_REQUIRE_GPU === '1') {
      throw new Error(`POLYCORE_REQUIRE_GPU=1 but no GPU device opened: ${reason}`);
    }
    console.warn(`[@polycore/gpu tests] skipping device tests: ${reason}`);
    return { gpu: null, reason };
  }
}

/** The device (null when unavailable: device tests are skipped with the printed reason). */
export const probed = await probe();
/** True when device tests can run. */
export const hasGpu = probed.gpu !== null;
/** True when the device supports f16. */
export const hasF16 = probed.gpu?.f16 ?? false;

afterAll(async () => {
  await closeGpu();
});

/** A deterministic pseudo-random generator (xorshift32) of values in [-1, 1). */
export function rng(seed = 1): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 31 - 1;
  };
}

/** `n` pseudo-random f32 values in [-scale, scale). */
export function randomF32(n: number, seed = 1, scale = 1): Float32Array {
  const r = rng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = r() * scale;
  return out;
}

/**
 * Expects `got[i]` within `tol[i]` (or a scalar) of `want[i]`; reports the first failures.
 */
export function expectClose(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tol: number | ArrayLike<number>,
): void {
  if (got.length !== want.length) throw new Error(`length ${got.length} != ${want.length}`);
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) {
    const g = got[i] as number;
    const w = want[i] as number;
    const t = typeof tol === 'number' ? tol : (tol[i] as number);
    const ok = Number.isNaN(w) ? Number.isNaN(g) : g === w || Math.abs(g - w) <= t;
    if (!ok && bad.length < 5) bad.push(`[${i}] got ${g}, want ${w} (tol ${t})`);
  }
  if (bad.length > 0) throw new Error(`values differ:\n${bad.join('\n')}`);
}

/** Reference row-major gemm in f64 plus the bound `(k+2)·u·(|op(A)|·|op(B)|)_ij + u·|beta·c_ij|` per element. */
export function refGemm(o: {
  m: number;
  n: number;
  k: number;
  a: Float32Array;
  b: Float32Array;
  c?: Float32Array;
  alpha?: number;
  beta?: number;
  transA?: boolean;
  transB?: boolean;
  lda?: number;
  ldb?: number;
  ldc?: number;
  u?: number;
}): { want: Float64Array; tol: Float64Array } {
  const { m, n, k, a, b } = o;
  const alpha = o.alpha ?? 1;
  const beta = o.beta ?? 0;
  const lda = o.lda ?? (o.transA ? m : k);
  const ldb = o.ldb ?? (o.transB ? k : n);
  const ldc = o.ldc ?? n;
  const u = o.u ?? U32;
  const size = m === 0 || n === 0 ? 0 : (m - 1) * ldc + n;
  const want = new Float64Array(o.c ? o.c.length : size);
  const tol = new Float64Array(want.length);
  if (o.c) want.set(o.c);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let sa = 0;
      for (let p = 0; p < k; p++) {
        const av = o.transA ? (a[p * lda + i] as number) : (a[i * lda + p] as number);
        const bv = o.transB ? (b[j * ldb + p] as number) : (b[p * ldb + j] as number);
        s += av * bv;
        sa += Math.abs(av * bv);
      }
      const old = o.c ? (o.c[i * ldc + j] as number) : 0;
      want[i * ldc + j] = alpha * s + (beta === 0 ? 0 : beta * old);
      tol[i * ldc + j] = (k + 3) * u * (Math.abs(alpha) * sa + Math.abs(beta * old)) + 1e-30;
    }
  }
  return { want, tol };
}
