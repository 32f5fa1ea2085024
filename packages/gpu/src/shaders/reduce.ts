/**
 * Tree reductions: each workgroup folds a grid-stride slice per thread (compensated where it
 * matters), then halves its partial states in workgroup memory; the host folds the per-workgroup
 * partials in f64.
 */
import type { ShaderPlan } from '../pipelines.js';
import { FLOAT_BITS, NEG_INF, POS_INF, TWO_SUM } from './common.js';

/** Threads per workgroup of reductions. */
export const RED_WG = 256;

/** Reduction kinds. `sum`/`asum`/`dot` keep `vec2(sum, compensation)`, `nrm2` keeps `vec2(scale, ssq)`. */
export type ReduceKind = 'sum' | 'asum' | 'dot' | 'nrm2' | 'min' | 'max';

interface Spec {
  /** WGSL state type. */
  state: 'vec2f' | 'f32';
  identity: string;
  /** Helper functions. */
  fns: string;
  /** Statement folding element `i` into `st`. */
  step: (plan: ShaderPlan) => string;
  combine: string;
}

/** Element i of strided operand `name` (offset `p.${name}o`, stride `p.${name}c`; negative strides wrap in u32). */
const load = (plan: ShaderPlan, name: string) => `f32(${plan.v[name]}[p.${name}o + i * u32(p.${name}c)])`;

const NRM2 = /* wgsl */ `${FLOAT_BITS}
fn nrm2_add(st: vec2f, v: f32) -> vec2f {
  let a = abs(v);
  if (a == 0.0) { return st; }
  if (a > st.x) { let r = st.x / a; return vec2f(a, 1.0 + st.y * r * r); }
  if (a == st.x) { return vec2f(st.x, st.y + 1.0); }
  let r = a / st.x;
  return vec2f(st.x, st.y + r * r);
}
fn nrm2_combine(a: vec2f, b: vec2f) -> vec2f {
  if (a.x == 0.0) { return b; }
  if (b.x == 0.0) { return a; }
  let s = max(a.x, b.x);
  if (is_inf(s)) { return vec2f(s, 1.0); }
  let ra = a.x / s;
  let rb = b.x / s;
  return vec2f(s, a.y * ra * ra + b.y * rb * rb);
}`;

const MINMAX = (f: 'min' | 'max') => /* wgsl */ `${FLOAT_BITS}
fn mm(a: f32, b: f32) -> f32 {
  if (is_nan(a)) { return a; }
  if (is_nan(b)) { return b; }
  return ${f}(a, b);
}`;

const SPECS: Record<ReduceKind, Spec> = {
  sum: {
    state: 'vec2f',
    identity: 'vec2f(0.0, 0.0)',
    fns: TWO_SUM,
    step: (plan) => `st = kahan_add(st, ${load(plan, 'x')});`,
    combine: 'kahan_combine',
  },
  asum: {
    state: 'vec2f',
    identity: 'vec2f(0.0, 0.0)',
    fns: TWO_SUM,
    step: (plan) => `st = kahan_add(st, abs(${load(plan, 'x')}));`,
    combine: 'kahan_combine',
  },
  dot: {
    state: 'vec2f',
    identity: 'vec2f(0.0, 0.0)',
    fns: TWO_SUM,
    // Dot2 (Ogita–Rump–Oishi): the product's rounding error joins the compensation.
    step: (plan) =>
      `let a = ${load(plan, 'x')}; let b = ${load(plan, 'y')}; let q = a * b;
    st = kahan_add(st, q); st.y += fma(a, b, -q);`,
    combine: 'kahan_combine',
  },
  nrm2: {
    state: 'vec2f',
    identity: 'vec2f(0.0, 0.0)',
    fns: NRM2,
    step: (plan) => `st = nrm2_add(st, ${load(plan, 'x')});`,
    combine: 'nrm2_combine',
  },
  min: {
    state: 'f32',
    identity: POS_INF,
    fns: MINMAX('min'),
    step: (plan) => `st = mm(st, ${load(plan, 'x')});`,
    combine: 'mm',
  },
  max: {
    state: 'f32',
    identity: NEG_INF,
    fns: MINMAX('max'),
    step: (plan) => `st = mm(st, ${load(plan, 'x')});`,
    combine: 'mm',
  },
};

/** Floats per partial state of `kind`. */
export function stateSize(kind: ReduceKind): number {
  return SPECS[kind].state === 'vec2f' ? 2 : 1;
}

/**
 * WGSL for the first (device) stage of reduction `kind`: partial `g` of `out` holds workgroup `g`'s state.
 *
 * @example
 * ```ts
 * reduceShader(plan, 'sum');
 * ```
 */
export function reduceShader(plan: ShaderPlan, kind: ReduceKind): string {
  const s = SPECS[kind];
  return /* wgsl */ `${plan.decls}
${s.fns}
var<workgroup> sh: array<${s.state}, ${RED_WG}>;
@compute @workgroup_size(${RED_WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32) {
  var st: ${s.state} = ${s.identity};
  let stride = nwg.x * ${RED_WG}u;
  for (var i = wid.x * ${RED_WG}u + li; i < p.n; i += stride) {
    ${s.step(plan)}
  }
  sh[li] = st;
  workgroupBarrier();
  for (var h = ${RED_WG / 2}u; h > 0u; h >>= 1u) {
    if (li < h) { sh[li] = ${s.combine}(sh[li], sh[li + h]); }
    workgroupBarrier();
  }
  if (li == 0u) { ${plan.v.out}[wid.x] = sh[0]; }
}`;
}
