/** Shared helpers of the level-1/elementwise/reduction/fuzz tests: seeded data and references. */

/** A seeded PRNG (mulberry32) giving floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` seeded values in [-1, 1) as a Float64Array or Float32Array. */
export function rand(dtype: 'f64' | 'f32', n: number, seed: number): Float64Array | Float32Array {
  const r = prng(seed);
  const out = dtype === 'f64' ? new Float64Array(n) : new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = r() * 2 - 1;
  return out;
}

/** Machine epsilon of a dtype. */
export const EPS = { f64: Number.EPSILON, f32: 2 ** -23 } as const;

/** Buffer indices of a BLAS strided view (offset defaults as in reference BLAS). */
export function indices(n: number, inc: number, offset?: number): number[] {
  const off = offset ?? (inc < 0 ? (n - 1) * -inc : 0);
  return Array.from({ length: n }, (_, i) => off + i * inc);
}

/** Length a buffer needs to hold `n` elements with stride `inc`. */
export function spanOf(n: number, inc: number): number {
  return n === 0 ? 0 : (n - 1) * Math.abs(inc) + 1;
}

/** `|got − want| <= tol`, with NaN matching NaN and equal infinities matching. */
export function close(got: number, want: number, tol: number): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  return Math.abs(got - want) <= tol;
}
