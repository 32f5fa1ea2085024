/**
 * GpuArrays through the routed async functions. Runs against whatever adapter this machine has
 * (lavapipe on a CPU-only box); without any, it checks the error path instead.
 */
import * as d from '@polycore/dispatch';
import { afterAll, describe, expect, it } from 'vitest';

const gpuMod = await import('@polycore/gpu');
const hasGpu = await gpuMod.isGpuAvailable().catch(() => false);

afterAll(async () => {
  await gpuMod.closeGpu();
});

describe('GpuArray inputs', () => {
  it('sync functions point GpuArray callers at the async forms', () => {
    const fake = { dtype: 'f32', length: 2, toArray: async () => new Float32Array(2) };
    Object.defineProperty(fake, 'constructor', { value: class GpuArray {} });
    expect(() => d.dot(fake as never, fake as never)).toThrow(/Async/);
  });

  it(
    hasGpu
      ? 'stay on the GPU, and a software adapter never wins for host arrays'
      : 'report that no GPU is available',
    async () => {
      if (!hasGpu) {
        await expect(d.calibrateGpu()).resolves.toMatchObject({ available: false });
        return;
      }
      const cal = await d.attachGpuCalibration();
      expect(cal.gpu?.available).toBe(true);
      await gpuMod.gpu();
      const x = gpuMod.GpuArray.from(new Float32Array([1, 2, 3, 4]));
      const y = gpuMod.GpuArray.from(new Float32Array([5, 6, 7, 8]));
      expect(await d.dotAsync(x as never, y as never)).toBe(70);
      const sum = await d.addAsync(x as never, y as never);
      expect(sum).toBeInstanceOf(gpuMod.GpuArray);
      expect(Array.from(await (sum as unknown as InstanceType<typeof gpuMod.GpuArray>).toArray())).toEqual([
        6, 8, 10, 12,
      ]);
      await expect(d.iamaxAsync(x as never)).rejects.toThrow(/no 'iamax' kernel/);
      if (/software/.test(cal.gpu?.adapter ?? '')) {
        for (const s of [64, 1024, 4096])
          expect(d.explain('gemm', s, s, s, { dtype: 'f32' }).choice).not.toBe('gpu');
        expect(d.explain('dot', 1e8, { dtype: 'f32' }).choice).not.toBe('gpu');
      }
    },
  );
});
