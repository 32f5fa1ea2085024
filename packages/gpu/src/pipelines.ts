/**
 * Compute launches: binds GpuArrays (one binding per distinct buffer, so in-place calls such as
 * `axpy(2, x, x)` are legal WebGPU), packs scalar parameters into a uniform buffer, and caches
 * compiled pipelines per device by a key naming the kernel variant.
 */
import type { GpuArray, GpuDtype } from './array.js';
import type { Gpu } from './device.js';

/** An array argument of a kernel. */
export interface Operand {
  /** Name used in the shader (the generator reads `plan.v[name]`). */
  name: string;
  /** A GpuArray, or a raw buffer (reduction partials). */
  array: GpuArray | { buffer: GPUBuffer };
  /** The kernel writes it. */
  write?: boolean;
  /** The kernel would like to read it as `array<vec4<T>>` (granted unless its buffer is written). */
  vec4?: boolean;
  /** WGSL element type overriding the array's (e.g. `vec2f` for reduction partials). */
  type?: string;
}

/** A scalar parameter (in a uniform struct `p`). */
export interface Param {
  name: string;
  type: 'u32' | 'i32' | 'f32';
  value: number;
}

/** What a shader generator gets: declarations to prepend and the names to use. */
export interface ShaderPlan {
  /** `enable f16;`, the parameter struct `p` and the storage bindings. */
  decls: string;
  /** Storage variable per operand name. */
  v: Record<string, string>;
  /** Whether each operand is bound as vec4. */
  vec4: Record<string, boolean>;
  /** WGSL element type: 'f32' or 'f16'. */
  elem: GpuDtype;
}

/** One kernel launch. */
export interface Launch {
  /** Kernel identity (with every compile-time choice): part of the pipeline cache key. */
  key: string;
  operands: Operand[];
  params: Param[];
  /** Workgroup counts (see {@link grid} for 1-D sizes over 65535). */
  groups: [number, number?, number?];
  /** Element type of the arrays. */
  elem: GpuDtype;
  /** The WGSL source; called only when the pipeline is not cached yet. */
  shader: (plan: ShaderPlan) => string;
}

interface Binding {
  buffer: GPUBuffer;
  write: boolean;
  vec4: boolean;
  type: string | undefined;
}

function planBindings(operands: Operand[]): { bindings: Binding[]; index: number[]; key: string } {
  const written = new Set<GPUBuffer>();
  for (const o of operands) if (o.write) written.add(o.array.buffer);
  const bindings: Binding[] = [];
  const index: number[] = [];
  for (const o of operands) {
    const buffer = o.array.buffer;
    const write = written.has(buffer);
    const vec4 = !write && o.vec4 === true;
    let i = bindings.findIndex((b) => b.buffer === buffer && b.vec4 === vec4 && b.type === o.type);
    if (i < 0) {
      i = bindings.length;
      bindings.push({ buffer, write, vec4, type: o.type });
    }
    index.push(i);
  }
  const key = `${bindings.map((b) => (b.write ? 'w' : 'r') + (b.vec4 ? '4' : '') + (b.type ?? '')).join(',')}:${index.join(',')}`;
  return { bindings, index, key };
}

function shaderPlan(launch: Launch, bindings: Binding[], index: number[]): ShaderPlan {
  const t = launch.elem;
  const lines: string[] = [];
  if (t === 'f16') lines.push('enable f16;');
  bindings.forEach((b, i) => {
    const ty = b.type ?? (b.vec4 ? `vec4<${t}>` : t);
    lines.push(
      `@group(0) @binding(${i}) var<storage, ${b.write ? 'read_write' : 'read'}> buf${i}: array<${ty}>;`,
    );
  });
  if (launch.params.length > 0) {
    lines.push(`struct P { ${launch.params.map((q) => `${q.name}: ${q.type}`).join(', ')} }`);
    lines.push(`@group(0) @binding(${bindings.length}) var<uniform> p: P;`);
  }
  const v: Record<string, string> = {};
  const vec4: Record<string, boolean> = {};
  launch.operands.forEach((o, k) => {
    const i = index[k] as number;
    v[o.name] = `buf${i}`;
    vec4[o.name] = (bindings[i] as Binding).vec4;
  });
  return { decls: lines.join('\n'), v, vec4, elem: t };
}

function pipelineFor(
  g: Gpu,
  launch: Launch,
  bindings: Binding[],
  index: number[],
  bkey: string,
): GPUComputePipeline {
  const key = `${launch.key}|${launch.elem}|${bkey}|${launch.params.map((q) => q.name + q.type).join(',')}`;
  let p = g.pipelines.get(key);
  if (!p) {
    const code = launch.shader(shaderPlan(launch, bindings, index));
    const module = g.device.createShaderModule({ code, label: launch.key });
    p = g.device.createComputePipeline({
      layout: 'auto',
      compute: { module, entryPoint: 'main' },
      label: launch.key,
    });
    g.pipelines.set(key, p);
  }
  return p;
}

/**
 * Which bindings an operand list will get (the generator must know whether vec4 reads were granted
 * before it picks a variant): `vec4[name]` per operand.
 *
 * @example
 * ```ts
 * const { vec4 } = planVec4([{ name: 'a', array: a, vec4: true }, { name: 'c', array: c, write: true }]);
 * ```
 */
export function planVec4(operands: Operand[]): Record<string, boolean> {
  const { bindings, index } = planBindings(operands);
  const out: Record<string, boolean> = {};
  operands.forEach((o, k) => {
    out[o.name] = (bindings[index[k] as number] as Binding).vec4;
  });
  return out;
}

/**
 * Encodes one dispatch into `enc`; returns the temporary uniform buffer to destroy after submit.
 *
 * @example
 * ```ts
 * const tmp = encodeLaunch(g, enc, launch);
 * ```
 */
export function encodeLaunch(g: Gpu, enc: GPUCommandEncoder, launch: Launch): GPUBuffer | null {
  const { bindings, index, key } = planBindings(launch.operands);
  const pipeline = pipelineFor(g, launch, bindings, index, key);
  const entries: GPUBindGroupEntry[] = bindings.map((b, i) => ({
    binding: i,
    resource: { buffer: b.buffer },
  }));
  let uniform: GPUBuffer | null = null;
  if (launch.params.length > 0) {
    const size = Math.ceil((launch.params.length * 4) / 16) * 16;
    const B = g.usage.buffer;
    uniform = g.device.createBuffer({
      size,
      usage: (B.UNIFORM as number) | (B.COPY_DST as number),
      mappedAtCreation: true,
    });
    const raw = uniform.getMappedRange();
    const u = new Uint32Array(raw);
    const i32 = new Int32Array(raw);
    const f = new Float32Array(raw);
    launch.params.forEach((q, k) => {
      if (q.type === 'f32') f[k] = q.value;
      else if (q.type === 'i32') i32[k] = q.value;
      else u[k] = q.value;
    });
    uniform.unmap();
    entries.push({ binding: bindings.length, resource: { buffer: uniform } });
  }
  const bind = g.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bind);
  const [x, y = 1, z = 1] = launch.groups;
  pass.dispatchWorkgroups(x, y, z);
  pass.end();
  return uniform;
}

/**
 * Runs launches in one submission (in order). Throws GpuDeviceLostError when the device is gone.
 *
 * @example
 * ```ts
 * run(g, [launch]);
 * ```
 */
export function run(g: Gpu, launches: Launch[]): void {
  g.check();
  const enc = g.device.createCommandEncoder();
  const temps: GPUBuffer[] = [];
  for (const l of launches) {
    if (l.groups[0] === 0 || l.groups[1] === 0) continue;
    const u = encodeLaunch(g, enc, l);
    if (u) temps.push(u);
  }
  g.device.queue.submit([enc.finish()]);
  for (const t of temps) t.destroy();
}

/** Largest workgroup count per dimension WebGPU guarantees. */
export const MAX_GROUPS = 65535;

/**
 * Splits `groups` 1-D workgroups into a 2-D grid within the 65535 limit; shaders recover the
 * linear id as `wid.y * nwg.x + wid.x`.
 *
 * @example
 * ```ts
 * grid(100000); // [50000, 2]
 * ```
 */
export function grid(groups: number): [number, number] {
  if (groups <= MAX_GROUPS) return [groups, 1];
  const y = Math.ceil(groups / MAX_GROUPS);
  return [Math.ceil(groups / y), y];
}
