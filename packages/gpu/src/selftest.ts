/** A tiny compute shader run when a device opens: drivers that cannot run compute correctly are refused. */
import type { Gpu } from './device.js';

const N = 64;

const CODE = /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> x: array<f32>;
var<workgroup> t: array<f32, ${N}>;
@compute @workgroup_size(${N})
fn main(@builtin(local_invocation_index) i: u32) {
  t[i] = x[i];
  workgroupBarrier();
  x[i] = fma(t[${N - 1}u - i], 2.0, 1.0);
}`;

/**
 * Runs `x[i] = 2·x[63-i] + 1` through workgroup memory and checks the result.
 *
 * @throws Error describing the first wrong element or the failure.
 * @example
 * ```ts
 * await selfTest(g);
 * ```
 */
export async function selfTest(g: Gpu): Promise<void> {
  const { device } = g;
  const B = g.usage.buffer;
  const bytes = N * 4;
  const x = device.createBuffer({
    size: bytes,
    usage: (B.STORAGE as number) | (B.COPY_SRC as number),
    mappedAtCreation: true,
  });
  const input = new Float32Array(x.getMappedRange());
  for (let i = 0; i < N; i++) input[i] = i;
  x.unmap();
  const read = device.createBuffer({ size: bytes, usage: (B.MAP_READ as number) | (B.COPY_DST as number) });
  try {
    const pipeline = device.createComputePipeline({
      layout: 'auto',
      compute: { module: device.createShaderModule({ code: CODE }), entryPoint: 'main' },
    });
    const bind = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [{ binding: 0, resource: { buffer: x } }],
    });
    const enc = device.createCommandEncoder();
    const pass = enc.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bind);
    pass.dispatchWorkgroups(1);
    pass.end();
    enc.copyBufferToBuffer(x, 0, read, 0, bytes);
    device.queue.submit([enc.finish()]);
    await read.mapAsync(g.usage.map.READ as number);
    const out = new Float32Array(read.getMappedRange().slice(0));
    read.unmap();
    for (let i = 0; i < N; i++) {
      const want = 2 * (N - 1 - i) + 1;
      if (out[i] !== want) throw new Error(`self-test element ${i} is ${out[i]}, expected ${want}`);
    }
    g.throwPending();
  } finally {
    x.destroy();
    read.destroy();
  }
}
