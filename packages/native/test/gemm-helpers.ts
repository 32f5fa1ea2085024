/** Shared by the gemm/gemv/ger tests: a seeded PRNG and f64 reference kernels with error bounds. */
import type { FloatArray, GemmArgs, GemvArgs, GerArgs } from '@polycore/native';

/** mulberry32: small, seeded, deterministic. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [0, n). */
export const below = (r: () => number, n: number): number => Math.floor(r() * n);

/** One of the items. */
export const pick = <T>(r: () => number, items: readonly T[]): T => items[below(r, items.length)] as T;

/** An array of `len` uniform values in [-1, 1). */
export function randArray(
  r: () => number,
  Ctor: Float64ArrayConstructor | Float32ArrayConstructor,
  len: number,
): FloatArray {
  const out = new Ctor(len);
  for (let i = 0; i < len; i++) out[i] = r() * 2 - 1;
  return out;
}

/** Fewest elements holding a stored rows×cols matrix with leading dimension ld. */
export const minLen = (rows: number, cols: number, ld: number): number =>
  rows === 0 || cols === 0 ? 0 : (rows - 1) * ld + cols;

/** Index of logical element (i, j) of a matrix with leading dimension ld, transposed when `trans`. */
export function index(colMajor: boolean, ld: number, i: number, j: number, trans = false): number {
  const [r, c] = trans ? [j, i] : [i, j];
  return colMajor ? r + c * ld : r * ld + c;
}

/** Expected value and tolerance of one output element. */
export interface Expected {
  idx: number;
  want: number;
  tol: number;
}

const eps = (x: FloatArray): number => (x instanceof Float32Array ? 2 ** -23 : 2 ** -52);

/** Reference gemm over validated args (before the call: `c` holds the old values). */
export function gemmExpected(g: GemmArgs): Expected[] {
  const out: Expected[] = [];
  const e = eps(g.c);
  for (let i = 0; i < g.m; i++) {
    for (let j = 0; j < g.n; j++) {
      const idx = index(g.colMajor, g.ldc, i, j);
      let s = 0;
      let mag = 0;
      if (g.alpha !== 0) {
        for (let l = 0; l < g.k; l++) {
          const t =
            (g.a[index(g.colMajor, g.lda, i, l, g.transA)] as number) *
            (g.b[index(g.colMajor, g.ldb, l, j, g.transB)] as number);
          s += t;
          mag += Math.abs(t);
        }
      }
      const old = g.beta === 0 ? 0 : g.beta * (g.c[idx] as number);
      const want = (g.alpha === 0 || g.k === 0 ? 0 : g.alpha * s) + old;
      out.push({ idx, want, tol: (g.k + 2) * e * (Math.abs(g.alpha) * mag + Math.abs(old)) + 1e-300 });
    }
  }
  return out;
}

/** Reference gemv over validated args (before the call). */
export function gemvExpected(g: GemvArgs): Expected[] {
  const [nx, ny] = g.trans ? [g.m, g.n] : [g.n, g.m];
  const e = eps(g.y);
  const out: Expected[] = [];
  for (let o = 0; o < ny; o++) {
    let s = 0;
    let mag = 0;
    if (g.alpha !== 0) {
      for (let q = 0; q < nx; q++) {
        const aij = g.trans ? g.a[index(g.colMajor, g.lda, q, o)] : g.a[index(g.colMajor, g.lda, o, q)];
        const t = (aij as number) * (g.x[q * g.incX] as number);
        s += t;
        mag += Math.abs(t);
      }
    }
    const idx = o * g.incY;
    const old = g.beta === 0 ? 0 : g.beta * (g.y[idx] as number);
    const want = (g.alpha === 0 || nx === 0 ? 0 : g.alpha * s) + old;
    out.push({ idx, want, tol: (nx + 2) * e * (Math.abs(g.alpha) * mag + Math.abs(old)) + 1e-300 });
  }
  return out;
}

/** Reference ger over validated args (before the call). */
export function gerExpected(g: GerArgs): Expected[] {
  const e = eps(g.a);
  const out: Expected[] = [];
  for (let i = 0; i < g.m; i++) {
    for (let j = 0; j < g.n; j++) {
      const idx = index(g.colMajor, g.lda, i, j);
      const t = g.alpha === 0 ? 0 : g.alpha * (g.x[i * g.incX] as number) * (g.y[j * g.incY] as number);
      const old = g.a[idx] as number;
      out.push({ idx, want: t + old, tol: 3 * e * (Math.abs(t) + Math.abs(old)) + 1e-300 });
    }
  }
  return out;
}

/**
 * First mismatch between `got` and the expectations, or null. Elements not listed must equal
 * `before` bit for bit (padding, strides, memory past the matrix). NaN matches NaN.
 */
export function mismatch(got: FloatArray, before: FloatArray, expected: Expected[]): string | null {
  const listed = new Uint8Array(got.length);
  for (const { idx, want, tol } of expected) {
    listed[idx] = 1;
    const v = got[idx] as number;
    if (Number.isNaN(want) ? !Number.isNaN(v) : !(Math.abs(v - want) <= tol || v === want)) {
      return `element ${idx}: got ${v}, want ${want} ± ${tol}`;
    }
  }
  for (let i = 0; i < got.length; i++) {
    if (listed[i] === 0 && !Object.is(got[i], before[i])) return `element ${i} outside the matrix changed`;
  }
  return null;
}
