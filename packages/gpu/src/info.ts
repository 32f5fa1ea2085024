/** Describing the adapter a device was opened on. */
import { type GpuOptions, gpu } from './device.js';

/** What {@link gpuInfo} reports about an adapter and device. */
export interface GpuInfo {
  /** Vendor ('nvidia', 'amd', 'apple', 'intel', 'mesa', ...; may be empty). */
  vendor: string;
  /** Architecture ('ampere', 'software', ...; may be empty). */
  architecture: string;
  /** Device name (may be empty). */
  device: string;
  /** Driver's description, e.g. 'llvmpipe: Mesa 25.0.7 (LLVM 15.0.6)'. */
  description: string;
  /** True for CPU implementations (lavapipe/llvmpipe, SwiftShader, WARP): the "GPU" is the CPU. */
  software: boolean;
  /** True when f16 arrays and kernels are available (`shader-f16`). */
  f16: boolean;
  /** Subgroup (warp/wavefront/SIMD) size range, 0 when unknown. */
  subgroupMinSize: number;
  subgroupMaxSize: number;
  /** Adapter features. */
  features: string[];
  /** Device limits (what polycore requested: the adapter's maxima for compute). */
  limits: Record<string, number>;
}

const SOFTWARE = /llvmpipe|lavapipe|swiftshader|warp|software|microsoft basic render/i;

/** @internal Builds {@link GpuInfo} from a WebGPU adapter and device. */
export function describeAdapter(adapter: GPUAdapter, device: GPUDevice, f16: boolean): GpuInfo {
  const ai = (adapter.info ?? {}) as Partial<GPUAdapterInfo> & {
    subgroupMinSize?: number;
    subgroupMaxSize?: number;
  };
  const limits: Record<string, number> = {};
  const dl = device.limits as unknown as Record<string, number>;
  for (const k in dl) {
    const v = dl[k];
    if (typeof v === 'number') limits[k] = v;
  }
  const vendor = ai.vendor ?? '';
  const architecture = ai.architecture ?? '';
  const name = ai.device ?? '';
  const description = ai.description ?? '';
  const fallback = Boolean((adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter);
  return {
    vendor,
    architecture,
    device: name,
    description,
    software: fallback || SOFTWARE.test(`${architecture} ${name} ${description}`),
    f16,
    subgroupMinSize: ai.subgroupMinSize ?? 0,
    subgroupMaxSize: ai.subgroupMaxSize ?? 0,
    features: [...adapter.features].map(String).sort(),
    limits,
  };
}

/**
 * Describes the GPU: adapter names, whether it is a software (CPU) implementation, f16 support,
 * features and limits. Opens the device like {@link gpu} (same options, same rejections).
 *
 * @example
 * ```ts
 * import { gpuInfo } from '@polycore/gpu';
 * const info = await gpuInfo();
 * console.log(info.description, info.software, info.limits.maxComputeWorkgroupStorageSize);
 * ```
 */
export async function gpuInfo(options?: GpuOptions): Promise<GpuInfo> {
  return (await gpu(options)).info;
}

/**
 * True when a device can be opened (never rejects); `gpuInfo()`/`gpu()` say why not.
 *
 * @example
 * ```ts
 * import { isGpuAvailable } from '@polycore/gpu';
 * if (await isGpuAvailable()) console.log('WebGPU ready');
 * ```
 */
export async function isGpuAvailable(options?: GpuOptions): Promise<boolean> {
  try {
    await gpuInfo(options);
    return true;
  } catch {
    return false;
  }
}
