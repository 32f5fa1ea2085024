/** The GPU-unavailable path: runs on every machine (no GPU, no webgpu package, or disabled). */
import {
  currentGpu,
  GpuArray,
  GpuUnavailableError,
  gpu,
  gpuDisabledByEnv,
  gpuInfo,
  isGpuAvailable,
} from '@polycore/gpu';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const saved = process.env.POLYCORE_GPU;
beforeEach(() => {
  delete process.env.POLYCORE_GPU; // the provider tests must reach the provider even in a POLYCORE_GPU=0 run
});
afterEach(() => {
  if (saved === undefined) delete process.env.POLYCORE_GPU;
  else process.env.POLYCORE_GPU = saved;
});

describe('GPU unavailable', () => {
  it('POLYCORE_GPU=0 rejects with reason "disabled"', async () => {
    process.env.POLYCORE_GPU = '0';
    expect(gpuDisabledByEnv()).toBe(true);
    const err = await gpu().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GpuUnavailableError);
    expect((err as GpuUnavailableError).reason).toBe('disabled');
    expect((err as Error).message).toMatch(/POLYCORE_GPU=0/);
    await expect(gpuInfo()).rejects.toBeInstanceOf(GpuUnavailableError);
    expect(await isGpuAvailable()).toBe(false);
  });

  it('an injected provider without adapters rejects with reason "no-adapter"', async () => {
    const err = await gpu({ provider: () => ({ requestAdapter: async () => null }) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GpuUnavailableError);
    expect((err as GpuUnavailableError).reason).toBe('no-adapter');
    expect((err as Error).message).toMatch(/no WebGPU adapter/);
  });

  it('a missing WebGPU implementation rejects with reason "no-adapter"', async () => {
    const err = await gpu({ provider: () => null }).catch((e: unknown) => e);
    expect((err as GpuUnavailableError).reason).toBe('no-adapter');
  });

  it('an adapter without a required feature rejects with reason "missing-features"', async () => {
    const adapter = { features: new Set<string>(), limits: {}, info: {} } as unknown as GPUAdapter;
    const err = await gpu({
      provider: () => ({ requestAdapter: async () => adapter }),
      requiredFeatures: ['shader-f16'],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GpuUnavailableError);
    expect((err as GpuUnavailableError).reason).toBe('missing-features');
    expect((err as Error).message).toMatch(/shader-f16/);
  });

  it('a failing requestDevice rejects with reason "no-device"', async () => {
    const adapter = {
      features: new Set<string>(),
      limits: {},
      info: {},
      requestDevice: async () => {
        throw new Error('driver says no');
      },
    } as unknown as GPUAdapter;
    const err = await gpu({ provider: () => ({ requestAdapter: async () => adapter }) }).catch(
      (e: unknown) => e,
    );
    expect((err as GpuUnavailableError).reason).toBe('no-device');
    expect((err as Error).message).toMatch(/driver says no/);
  });

  it('arrays need an open device first', () => {
    process.env.POLYCORE_GPU = '0';
    expect(() => currentGpu()).toThrow(GpuUnavailableError);
    expect(() => GpuArray.from([1, 2])).toThrow(/await gpu\(\)/);
  });

  it('bad options are TypeErrors / RangeErrors', async () => {
    await expect(gpu('fast' as never)).rejects.toBeInstanceOf(TypeError);
    await expect(gpu({ powerPreference: 'turbo' as never })).rejects.toBeInstanceOf(RangeError);
  });
});
