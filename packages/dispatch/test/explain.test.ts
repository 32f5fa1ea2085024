import {
  calibrationInfo,
  currentCalibration,
  defaultCalibration,
  explain,
  setCalibration,
  useBackend,
} from '@polycore/dispatch';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeCalibration } from './helpers.js';

afterEach(() => {
  useBackend(null);
  setCalibration(defaultCalibration());
});

describe('explain with an injected calibration', () => {
  it('keeps small arrays inline and sends big ones to the native core', () => {
    setCalibration(fakeCalibration());
    // JS 10 + n, native 200 + n/4: equal at n ≈ 253.
    const small = explain('dot', 100, { native: true });
    expect(small.choice).toBe('js');
    expect(small.estimates.js).toBeCloseTo(110, 6);
    expect(small.estimates.native).toBeCloseTo(225, 6);
    expect(explain('dot', 1000, { native: true }).choice).toBe('native');
    expect(explain('dot', 1e8, { native: true }).choice).toBe('native');
  });

  it('lists workers and, once calibrated, the GPU among the estimates', () => {
    setCalibration(fakeCalibration());
    const e = explain('dot', 1e6, { native: true });
    expect(Object.keys(e.estimates).sort()).toEqual(['js', 'native', 'workers']);
    expect(e.sizes).toEqual([1e6]);
    expect(e.dtype).toBe('f64');
    expect(e.forced).toBe(false);
  });

  it('without native kernels, big level-1 work stays inline unless the data is already shared', () => {
    setCalibration(fakeCalibration({ native: {} }));
    // Copying 16 MB at 10 GB/s (1.6 ms) + 50 µs is more than what splitting 1 ms of dot saves.
    expect(explain('dot', 1e6, { native: false }).choice).toBe('js');
    // On SharedArrayBuffers there is nothing to copy: 50 µs + 1 ms·(0.4 + 0.6/2) < 1 ms.
    expect(explain('dot', 1e6, { native: false, shared: true }).choice).toBe('workers');
    expect(explain('dot', 1e3, { native: false, shared: true }).choice).toBe('js');
  });

  it('without native kernels, big gemm goes to the workers (compute-bound, copies are cheap)', () => {
    setCalibration(fakeCalibration({ native: {} }));
    const e = explain('gemm', 512, 512, 512, { native: false });
    expect(e.choice).toBe('workers');
    expect(e.estimates.workers!).toBeLessThan(e.estimates.js! * 0.6);
    expect(explain('gemm', 4, 4, 4, { native: false }).choice).toBe('js');
  });

  const fastGpu = {
    available: true,
    adapter: 'fake',
    submitNs: 20_000,
    uploadGBs: 10,
    downloadGBs: 10,
    streamGBs: 500,
    gemmGflops: 10_000,
  };

  it('picks a fast GPU for big f32 gemm, counting uploads, and never for f64 or sync calls', () => {
    setCalibration(fakeCalibration({ gpu: fastGpu }));
    const big = explain('gemm', 2048, 2048, 2048, { dtype: 'f32', native: true });
    expect(big.choice).toBe('gpu');
    // 3 matrices up + 1 down of 16 MiB each at 10 GB/s ≈ 6.7 ms, + 1.7 ms compute + 20 µs.
    expect(big.estimates.gpu).toBeCloseTo(
      20_000 + (3 * 2048 * 2048 * 4) / 10 + (2048 * 2048 * 4) / 10 + (2 * 2048 ** 3) / 10_000,
      -3,
    );
    expect(explain('gemm', 2048, 2048, 2048, { dtype: 'f64', native: true }).estimates.gpu).toBeUndefined();
    expect(explain('gemm', 2048, 2048, 2048, { dtype: 'f32', native: true, sync: true }).choice).toBe(
      'native',
    );
    expect(explain('gemm', 16, 16, 16, { dtype: 'f32', native: true }).choice).not.toBe('gpu');
  });

  it('prefers the GPU for data already there only when transfers are what made it lose', () => {
    const slowLink = { ...fastGpu, uploadGBs: 0.5, downloadGBs: 0.5, streamGBs: 200 };
    setCalibration(fakeCalibration({ gpu: slowLink }));
    expect(explain('add', 1e7, { dtype: 'f32', native: true }).choice).toBe('native');
    const resident = explain('add', 1e7, { dtype: 'f32', native: true, onGpu: true });
    expect(resident.choice).toBe('gpu');
    expect(resident.estimates.gpu!).toBeLessThan(resident.estimates.native!);
  });

  it('never picks a software GPU (lavapipe-like throughput)', () => {
    const lavapipe = {
      available: true,
      adapter: 'llvmpipe (software)',
      submitNs: 200_000,
      uploadGBs: 5,
      downloadGBs: 5,
      streamGBs: 5,
      gemmGflops: 20,
    };
    setCalibration(fakeCalibration({ gpu: lavapipe }));
    for (const n of [10, 1e4, 1e6, 1e8])
      expect(explain('dot', n, { dtype: 'f32', native: true }).choice).not.toBe('gpu');
    for (const s of [8, 256, 4096])
      expect(explain('gemm', s, s, s, { dtype: 'f32', native: true }).choice).not.toBe('gpu');
  });

  it('f32 halves the bytes the native kernels stream', () => {
    setCalibration(fakeCalibration());
    const f64 = explain('dot', 1e6, { native: true }).estimates.native!;
    const f32 = explain('dot', 1e6, { native: true, dtype: 'f32' }).estimates.native!;
    expect(f32).toBeCloseTo(200 + (f64 - 200) / 2, 3);
  });

  it('reports a forced backend', () => {
    setCalibration(fakeCalibration());
    useBackend('workers');
    const e = explain('dot', 10);
    expect(e.choice).toBe('workers');
    expect(e.forced).toBe(true);
  });

  it('derives the inline thresholds from the same model (least worst-case regret)', () => {
    setCalibration(fakeCalibration());
    const t = calibrationInfo().inlineUpTo.dot!;
    expect(t).toBeGreaterThan(0);
    // Worst ratio to the best over f64/f32 × shared/unshared, for inline JS and for native.
    const worst = (n: number, b: 'js' | 'native'): number =>
      Math.max(
        ...(['f64', 'f32'] as const).flatMap((dtype) =>
          [false, true].map((shared) => {
            const e = explain('dot', n, { dtype, shared, sync: true, native: true }).estimates;
            return e[b]! / Math.min(...Object.values(e));
          }),
        ),
      );
    expect(worst(t, 'js')).toBeLessThanOrEqual(worst(t, 'native'));
    expect(worst(t + 1, 'js')).toBeGreaterThan(worst(t + 1, 'native'));
    // JS 10 + n vs native 200 + n/4 (f64) and 200 + n/8 (f32): the crossovers are 253 and 217.
    expect(t).toBeGreaterThanOrEqual(217);
    expect(t).toBeLessThanOrEqual(253);
    expect(currentCalibration().version).toBe('test');
  });

  it('rejects unknown operations and wrong sizes', () => {
    expect(() => explain('fft' as 'dot', 8)).toThrow(TypeError);
    expect(() => explain('gemm', 8)).toThrow(/takes 3 sizes/);
    expect(() => explain('dot', -1)).toThrow(RangeError);
    expect(() => explain('dot', 8, { dtype: 'f16' as 'f32' })).toThrow(/dtype/);
    expect(() => setCalibration({} as never)).toThrow(TypeError);
    expect(() => useBackend('cuda' as 'js')).toThrow(TypeError);
  });
});

describe('forcing a backend', () => {
  it('sends even the fast paths to the forced backend', () => {
    setCalibration(fakeCalibration());
    useBackend('workers');
    expect(calibrationInfo().inlineUpTo.dot).toBeUndefined();
    expect(explain('gemm', 64, 64, 64).choice).toBe('workers');
    useBackend(null);
    expect(calibrationInfo().inlineUpTo.dot).toBeGreaterThan(0);
  });
});
