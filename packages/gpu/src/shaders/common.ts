/** WGSL snippets shared by the generated shaders. */

/** Entry-point builtins for 1-D kernels on a 2-D grid (see `grid()` in pipelines.ts). */
export const BUILTINS =
  '@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) li: u32';

/** Linear workgroup id on a 2-D grid. */
export const GROUP_ID = '(wid.y * nwg.x + wid.x)';

/**
 * NaN/Inf tests and ±Infinity built at run time: WGSL may assume finite floats (so `x != x` is
 * unreliable) and rejects infinite constants, so everything goes through bit patterns.
 */
export const FLOAT_BITS = /* wgsl */ `
fn is_nan(v: f32) -> bool { return (bitcast<u32>(v) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(v: f32) -> bool { return (bitcast<u32>(v) & 0x7fffffffu) == 0x7f800000u; }
fn from_bits(b: u32) -> f32 { var r = b; return bitcast<f32>(r); }`;

/** +Infinity and -Infinity as f32 expressions (need {@link FLOAT_BITS}). */
export const POS_INF = 'from_bits(0x7f800000u)';
export const NEG_INF = 'from_bits(0xff800000u)';

/** Error-free addition (Knuth/Neumaier): `vec2(sum, compensation)` accumulators. */
export const TWO_SUM = /* wgsl */ `
fn two_sum_err(a: f32, b: f32, t: f32) -> f32 {
  return select((b - t) + a, (a - t) + b, abs(a) >= abs(b));
}
fn kahan_add(st: vec2f, v: f32) -> vec2f {
  let t = st.x + v;
  return vec2f(t, st.y + two_sum_err(st.x, v, t));
}
fn kahan_combine(a: vec2f, b: vec2f) -> vec2f {
  let t = a.x + b.x;
  return vec2f(t, a.y + b.y + two_sum_err(a.x, b.x, t));
}`;
