/** Elementwise kernels: `out[i] = f(x0[i] or s0, x1[i] or s1, ...)`, computed in f32. */
import type { ShaderPlan } from '../pipelines.js';

/** Threads per workgroup of elementwise kernels. */
export const EW_WG = 256;

/** The WGSL expression of each elementwise op over `x0, x1, x2` (f32 values). */
export const EW_OPS = {
  copy: 'x0',
  neg: '-x0',
  abs: 'abs(x0)',
  sqrt: 'sqrt(x0)',
  exp: 'exp(x0)',
  log: 'log(x0)',
  add: 'x0 + x1',
  sub: 'x0 - x1',
  mul: 'x0 * x1',
  div: 'x0 / x1',
  minimum: 'min(x0, x1)',
  maximum: 'max(x0, x1)',
  fma: 'fma(x0, x1, x2)',
  clamp: 'min(max(x0, x1), x2)',
} as const;

/** Elementwise op names. */
export type EwOp = keyof typeof EW_OPS;

/**
 * WGSL for op `op` (grid-stride loop over `p.n` elements); input `k` is a strided array (bound as
 * `x${k}`, element i at `p.o${k} + i·p.c${k}`, negative strides wrap in u32) when `arrays[k]`, else
 * the scalar `p.s${k}`. Output `out` at `p.oo + i·p.oc`.
 *
 * @example
 * ```ts
 * elementwiseShader(plan, 'add', [true, false]);
 * ```
 */
export function elementwiseShader(plan: ShaderPlan, op: EwOp, arrays: boolean[]): string {
  const loads = arrays
    .map(
      (isArr, k) =>
        `  let x${k} = ${isArr ? `f32(${plan.v[`x${k}`]}[p.o${k} + i * u32(p.c${k})])` : `p.s${k}`};`,
    )
    .join('\n');
  return /* wgsl */ `${plan.decls}
@compute @workgroup_size(${EW_WG})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let stride = nwg.x * ${EW_WG}u;
  for (var i = gid.x; i < p.n; i += stride) {
  ${loads.replaceAll('\n', '\n  ')}
    ${plan.v.out}[p.oo + i * u32(p.oc)] = ${plan.elem}(${EW_OPS[op]});
  }
}`;
}
