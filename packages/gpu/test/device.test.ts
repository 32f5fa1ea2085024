/** Opening, describing, losing and reopening the device. */
import {
  GpuArray,
  GpuDeviceLostError,
  GpuError,
  GpuUnavailableError,
  gpu,
  gpuInfo,
  isGpuAvailable,
  sum,
} from '@polycore/gpu';
import { describe, expect, it } from 'vitest';
import { hasGpu, probed } from './helpers.js';

describe.runIf(hasGpu)(`device (${probed.gpu?.info.description ?? `skipped: ${probed.reason}`})`, () => {
  it('gpu() caches the open device and gpuInfo() describes it', async () => {
    const g = await gpu();
    expect(await gpu()).toBe(g);
    const info = await gpuInfo();
    expect(info).toBe(g.info);
    expect(typeof info.description).toBe('string');
    expect(typeof info.software).toBe('boolean');
    expect(info.limits.maxStorageBufferBindingSize).toBeGreaterThanOrEqual(128 * 1024 * 1024);
    expect(info.limits.maxComputeWorkgroupStorageSize).toBeGreaterThanOrEqual(16384);
    expect(info.features).toEqual([...info.features].sort());
    expect(await isGpuAvailable()).toBe(true);
    await g.sync(); // nothing pending: resolves
  });

  it("refuses adapters that cannot run compute (Dawn's null backend fails the self-test)", async () => {
    const err = await gpu({ backend: 'null' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GpuUnavailableError);
    expect((err as GpuUnavailableError).reason).toBe('self-test-failed');
    const bad = await gpu({ adapter: 'no such adapter' }).catch((e: unknown) => e);
    expect((bad as GpuUnavailableError).reason).toBe('no-adapter');
    expect((bad as Error).message).toMatch(/Available adapters/);
  });

  it('reports WebGPU errors on the next download as GpuError', async () => {
    const g = await gpu();
    g.device.createBuffer({ size: 4, usage: 0xffff_ffff }); // invalid usage: an uncaptured validation error
    const x = GpuArray.from([1, 2, 3]);
    await expect(x.toArray()).rejects.toBeInstanceOf(GpuError);
    expect(Array.from(await x.toArray())).toEqual([1, 2, 3]); // reported once
    x.dispose();
  });

  it('reports device loss as GpuDeviceLostError and the next gpu() reopens', async () => {
    const g = await gpu();
    const x = GpuArray.from([1, 2, 3]);
    g.device.destroy(); // simulates a lost device (driver reset)
    await g.device.lost;
    expect(g.lost).toBe(true);
    const pending = sum(x); // scalar results reject asynchronously
    await expect(pending).rejects.toBeInstanceOf(GpuDeviceLostError);
    await expect(x.toArray()).rejects.toBeInstanceOf(GpuDeviceLostError);
    expect(() => GpuArray.from([1], { gpu: g })).toThrow(GpuDeviceLostError);
    const h = await gpu();
    expect(h).not.toBe(g);
    expect(h.lost).toBe(false);
    const y = GpuArray.from([4, 5, 6]);
    expect(await sum(y)).toBe(15);
    y.dispose();
    x.dispose(); // disposing an array of a lost device is harmless
  });

  it('a loss during a download rejects it with GpuDeviceLostError', async () => {
    const g = await gpu();
    const x = GpuArray.from(new Float32Array(1 << 16).fill(1));
    const pending = x.toArray();
    g.destroy();
    const r = await pending.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    // Either the copy finished before the loss, or it reports the loss: never a hang or a wrong value.
    if (r !== 'resolved') expect(r).toBeInstanceOf(GpuDeviceLostError);
    expect((await gpu()).lost).toBe(false);
  });
});
