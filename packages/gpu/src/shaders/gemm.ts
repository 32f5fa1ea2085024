/**
 * Tiled gemm on row-major storage: each workgroup computes a BM×BN tile of C, staging BK-deep
 * slices of op(A) and op(B) in workgroup memory (read with vec4 loads when the layout allows);
 * each thread accumulates TM×TN outputs in registers (unrolled), interleaved so workgroup-memory
 * reads are conflict-free and stores are coalesced.
 */
import type { ShaderPlan } from '../pipelines.js';

/**
 * A gemm tiling: workgroup tile BM×BN, depth BK, TM×TN outputs per thread. `direct` tiles skip
 * workgroup memory (each thread streams its rows of A and columns of B through the cache): what
 * CPU implementations such as lavapipe run fastest, and compile in a second instead of many.
 */
export interface GemmTile {
  bm: number;
  bn: number;
  bk: number;
  tm: number;
  tn: number;
  direct?: boolean;
}

/** Compile-time choices of one gemm pipeline. */
export interface GemmVariant {
  tile: GemmTile;
  transA: boolean;
  transB: boolean;
}

function loadA(plan: ShaderPlan, v: GemmVariant): string {
  const A = plan.v.a;
  const { bm, bk } = v.tile;
  if (plan.vec4.a) {
    if (!v.transA) {
      return `for (var e = li; e < ${(bm * bk) / 4}u; e += NT) {
      let r = e / ${bk / 4}u; let c = (e % ${bk / 4}u) * 4u; let gr = row0 + r; let gc = k0 + c;
      var q = vec4f(0.0);
      if (gr < p.m && gc < p.k) { q = vec4f(${A}[(p.ao + gr * p.lda + gc) / 4u]); }
      As[c * BM + r] = q.x; As[(c + 1u) * BM + r] = q.y; As[(c + 2u) * BM + r] = q.z; As[(c + 3u) * BM + r] = q.w;
    }`;
    }
    return `for (var e = li; e < ${(bm * bk) / 4}u; e += NT) {
      let c = e / ${bm / 4}u; let r = (e % ${bm / 4}u) * 4u; let gr = row0 + r; let gc = k0 + c;
      var q = vec4f(0.0);
      if (gr < p.m && gc < p.k) { q = vec4f(${A}[(p.ao + gc * p.lda + gr) / 4u]); }
      let s = c * BM + r; As[s] = q.x; As[s + 1u] = q.y; As[s + 2u] = q.z; As[s + 3u] = q.w;
    }`;
  }
  const [rc, idx] = v.transA
    ? ['let c = e / BM; let r = e % BM;', 'p.ao + gc * p.lda + gr']
    : ['let r = e / BK; let c = e % BK;', 'p.ao + gr * p.lda + gc'];
  return `for (var e = li; e < BM * BK; e += NT) {
      ${rc} let gr = row0 + r; let gc = k0 + c;
      var q = 0.0;
      if (gr < p.m && gc < p.k) { q = f32(${A}[${idx}]); }
      As[c * BM + r] = q;
    }`;
}

function loadB(plan: ShaderPlan, v: GemmVariant): string {
  const B = plan.v.b;
  const { bn, bk } = v.tile;
  if (plan.vec4.b) {
    if (!v.transB) {
      return `for (var e = li; e < ${(bn * bk) / 4}u; e += NT) {
      let r = e / ${bn / 4}u; let c = (e % ${bn / 4}u) * 4u; let gr = k0 + r; let gc = col0 + c;
      var q = vec4f(0.0);
      if (gr < p.k && gc < p.n) { q = vec4f(${B}[(p.bo + gr * p.ldb + gc) / 4u]); }
      let s = r * BN + c; Bs[s] = q.x; Bs[s + 1u] = q.y; Bs[s + 2u] = q.z; Bs[s + 3u] = q.w;
    }`;
    }
    return `for (var e = li; e < ${(bn * bk) / 4}u; e += NT) {
      let c = e / ${bk / 4}u; let r = (e % ${bk / 4}u) * 4u; let gr = k0 + r; let gc = col0 + c;
      var q = vec4f(0.0);
      if (gr < p.k && gc < p.n) { q = vec4f(${B}[(p.bo + gc * p.ldb + gr) / 4u]); }
      Bs[r * BN + c] = q.x; Bs[(r + 1u) * BN + c] = q.y; Bs[(r + 2u) * BN + c] = q.z; Bs[(r + 3u) * BN + c] = q.w;
    }`;
  }
  const [rc, idx] = v.transB
    ? ['let c = e / BK; let r = e % BK;', 'p.bo + gc * p.ldb + gr']
    : ['let r = e / BN; let c = e % BN;', 'p.bo + gr * p.ldb + gc'];
  return `for (var e = li; e < BN * BK; e += NT) {
      ${rc} let gr = k0 + r; let gc = col0 + c;
      var q = 0.0;
      if (gr < p.k && gc < p.n) { q = f32(${B}[${idx}]); }
      Bs[r * BN + c] = q;
    }`;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * The epilogue `c ← alpha·acc + beta·c` as one runtime loop over the thread's `count` outputs
 * (unrolled stores with bounds checks make lavapipe's LLVM compile for many seconds).
 */
function storeLoop(
  plan: ShaderPlan,
  accDecl: string,
  count: number,
  i: string,
  j: string,
  v: string,
): string {
  const C = plan.v.c;
  return `${accDecl}
  for (var t = 0u; t < ${count}u; t++) {
    let i = ${i}; let j = ${j};
    if (i < p.m && j < p.n) {
      let ci = p.co + i * p.ldc + j;
      var r = p.alpha * ${v};
      if (p.beta != 0.0) { r = fma(p.beta, f32(${C}[ci]), r); }
      ${C}[ci] = ${plan.elem}(r);
    }
  }`;
}

/**
 * WGSL of a `direct` tile: thread (x, y) computes rows `i0..i0+TM` × columns `j0..j0+TN` with
 * vec4 accumulators; out-of-range rows/columns read clamped indices and are not stored.
 *
 * @example
 * ```ts
 * gemmDirectShader(plan, { tile: { bm: 32, bn: 64, bk: 0, tm: 4, tn: 8, direct: true }, transA: false, transB: false });
 * ```
 */
export function gemmDirectShader(plan: ShaderPlan, v: GemmVariant): string {
  const { bm, bn, tm, tn } = v.tile;
  const { a: A, b: B } = plan.v;
  const I = range(tm);
  const J = range(tn / 4);
  const E = range(4);
  const acc = I.flatMap((i) => J.map((j) => `var c${i}_${j} = vec4f(0.0);`)).join(' ');
  const rows = I.map((i) => `let r${i} = min(i0 + ${i}u, p.m - 1u);`).join(' ');
  const loadA = I.map(
    (i) => `let a${i} = f32(${A}[${v.transA ? `p.ao + q * p.lda + r${i}` : `p.ao + r${i} * p.lda + q`}]);`,
  ).join(' ');
  const bIdx = (col: string) => (v.transB ? `p.bo + ${col} * p.ldb + q` : `p.bo + q * p.ldb + ${col}`);
  const loadB = J.map((j) =>
    plan.vec4.b
      ? `let b${j} = vec4f(${B}[(p.bo + q * p.ldb + min(j0 + ${4 * j}u, p.n - 4u)) / 4u]);`
      : `let b${j} = vec4f(${E.map((e) => `f32(${B}[${bIdx(`min(j0 + ${4 * j + e}u, p.n - 1u)`)}])`).join(', ')});`,
  ).join('\n    ');
  const fmas = I.flatMap((i) => J.map((j) => `c${i}_${j} = fma(vec4f(a${i}), b${j}, c${i}_${j});`)).join(' ');
  const stores = storeLoop(
    plan,
    `var acc = array<vec4f, ${tm * (tn / 4)}>(${I.flatMap((i) => J.map((j) => `c${i}_${j}`)).join(', ')});`,
    tm * tn,
    `i0 + t / ${tn}u`,
    `j0 + t % ${tn}u`,
    `acc[(t / ${tn}u) * ${tn / 4}u + (t % ${tn}u) / 4u][t % 4u]`,
  );
  return /* wgsl */ `${plan.decls}
@compute @workgroup_size(${bn / tn}, ${bm / tm})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let i0 = wid.y * ${bm}u + lid.y * ${tm}u;
  let j0 = wid.x * ${bn}u + lid.x * ${tn}u;
  if (i0 >= p.m || j0 >= p.n) { return; }
  ${rows}
  ${acc}
  for (var q = 0u; q < p.k; q++) {
    ${loadB}
    ${loadA}
    ${fmas}
  }
  ${stores}
}`;
}

/**
 * WGSL for `c ← alpha·op(a)·op(b) + beta·c` with the variant's tile and transposes.
 *
 * @example
 * ```ts
 * gemmShader(plan, { tile: { bm: 64, bn: 64, bk: 16, tm: 4, tn: 4 }, transA: false, transB: false });
 * ```
 */
export function gemmShader(plan: ShaderPlan, v: GemmVariant): string {
  const { bm, bn, bk, tm, tn } = v.tile;
  const wx = bn / tn;
  const wy = bm / tm;
  const T = range(tm);
  const N = range(tn);
  const acc = T.flatMap((i) => N.map((j) => `var c${i}_${j} = 0.0;`)).join(' ');
  const loadsA = T.map((i) => `let a${i} = As[kk * BM + lid.y + ${i * wy}u];`).join(' ');
  const loadsB = N.map((j) => `let b${j} = Bs[kk * BN + lid.x + ${j * wx}u];`).join(' ');
  const fmas = T.flatMap((i) => N.map((j) => `c${i}_${j} = fma(a${i}, b${j}, c${i}_${j});`)).join('\n      ');
  const stores = storeLoop(
    plan,
    `var acc = array<f32, ${tm * tn}>(${T.flatMap((i) => N.map((j) => `c${i}_${j}`)).join(', ')});`,
    tm * tn,
    `row0 + lid.y + (t / ${tn}u) * ${wy}u`,
    `col0 + lid.x + (t % ${tn}u) * ${wx}u`,
    'acc[t]',
  );
  return /* wgsl */ `${plan.decls}
const BM = ${bm}u;
const BN = ${bn}u;
const BK = ${bk}u;
const NT = ${wx * wy}u;
var<workgroup> As: array<f32, ${bk * bm}>;
var<workgroup> Bs: array<f32, ${bk * bn}>;
@compute @workgroup_size(${wx}, ${wy})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(local_invocation_index) li: u32) {
  let row0 = wid.y * BM;
  let col0 = wid.x * BN;
  ${acc}
  for (var k0 = 0u; k0 < p.k; k0 += BK) {
    ${loadA(plan, v)}
    ${loadB(plan, v)}
    workgroupBarrier();
    for (var kk = 0u; kk < BK; kk++) {
      ${loadsA}
      ${loadsB}
      ${fmas}
    }
    workgroupBarrier();
  }
  ${stores}
}`;
}
