/**
 * `@polycore/gpu`: WebGPU kernels (Dawn's `webgpu` package; Vulkan, Metal, D3D12, or lavapipe on
 * the CPU) over device-resident {@link GpuArray}s. Open a device with {@link gpu}, upload with
 * {@link GpuArray.from}, chain kernels without transfers, download with `toArray()`.
 *
 * @example
 * ```ts
 * import { gpu, GpuArray, gemm, add, sum } from '@polycore/gpu';
 * await gpu();
 * const a = GpuArray.from(new Float32Array(256 * 256).fill(1));
 * const c = add(gemm({ m: 256, n: 256, k: 256, a, b: a }), 1);
 * console.log(await sum(c)); // 256*256*257
 * ```
 * @packageDocumentation
 */
export { GpuArray, type GpuArrayOptions, type GpuDtype, type HostData } from './array.js';
export {
  closeGpu,
  currentGpu,
  Gpu,
  type GpuOptions,
  type GpuProvider,
  gpu,
  gpuDisabledByEnv,
} from './device.js';
export { GpuDeviceLostError, GpuError, GpuUnavailableError, type GpuUnavailableReason } from './errors.js';
export { type GpuInfo, gpuInfo, isGpuAvailable } from './info.js';
export {
  abs,
  add,
  clamp,
  copy,
  div,
  type ElementwiseOptions,
  exp,
  fma,
  type GpuOperand,
  log,
  maximum,
  minimum,
  mul,
  neg,
  type OutArg,
  sqrt,
  sub,
} from './kernels/elementwise.js';
export { type GpuGemmOptions, gemm, tuneGemm } from './kernels/gemm.js';
export { type GpuGemvOptions, gemv } from './kernels/gemv.js';
export { asum, axpy, dot, type GpuPairOptions, type GpuVectorOptions, nrm2, scal } from './kernels/level1.js';
export { max, mean, min, sum } from './kernels/reductions.js';
export { GEMM_TILES } from './kernels/tiles.js';
export type { GemmTile } from './shaders/gemm.js';
