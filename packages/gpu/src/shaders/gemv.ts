/** gemv on row-major storage: one workgroup per row (tree-reduced), or one thread per column when transposed. */
import type { ShaderPlan } from '../pipelines.js';
import { BUILTINS, GROUP_ID } from './common.js';

/** Threads per workgroup of gemv. */
export const GEMV_WG = 64;

function store(plan: ShaderPlan, idx: string, v: string): string {
  const y = plan.v.y;
  return `let yi = p.yo + ${idx} * p.incY;
    var r = p.alpha * ${v};
    if (p.beta != 0.0) { r = fma(p.beta, f32(${y}[yi]), r); }
    ${y}[yi] = ${plan.elem}(r);`;
}

/**
 * `y ← alpha·A·x + beta·y` (`trans = false`, A is m×n row-major) or `y ← alpha·Aᵀ·x + beta·y`.
 *
 * @example
 * ```ts
 * gemvShader(plan, false);
 * ```
 */
export function gemvShader(plan: ShaderPlan, trans: boolean): string {
  const { a, x } = plan.v;
  if (trans) {
    return /* wgsl */ `${plan.decls}
@compute @workgroup_size(${GEMV_WG})
fn main(${BUILTINS}) {
  let j = ${GROUP_ID} * ${GEMV_WG}u + li;
  if (j >= p.n) { return; }
  var s = 0.0;
  for (var i = 0u; i < p.m; i++) {
    s = fma(f32(${a}[p.ao + i * p.lda + j]), f32(${x}[p.xo + i * p.incX]), s);
  }
  ${store(plan, 'j', 's')}
}`;
  }
  return /* wgsl */ `${plan.decls}
var<workgroup> sh: array<f32, ${GEMV_WG}>;
@compute @workgroup_size(${GEMV_WG})
fn main(${BUILTINS}) {
  let row = ${GROUP_ID};
  if (row >= p.m) { return; }
  let base = p.ao + row * p.lda;
  var s = 0.0;
  for (var j = li; j < p.n; j += ${GEMV_WG}u) {
    s = fma(f32(${a}[base + j]), f32(${x}[p.xo + j * p.incX]), s);
  }
  sh[li] = s;
  workgroupBarrier();
  for (var h = ${GEMV_WG / 2}u; h > 0u; h >>= 1u) {
    if (li < h) { sh[li] += sh[li + h]; }
    workgroupBarrier();
  }
  if (li == 0u) {
    ${store(plan, 'row', 'sh[0]')}
  }
}`;
}
