import { statSync } from 'node:fs';
import {
  cacheDir,
  cacheFile,
  calibrate,
  calibrationInfo,
  cpuCount,
  currentCalibration,
  loadCalibration,
} from '@polycore/dispatch';
import { describe, expect, it } from 'vitest';

describe('calibration', () => {
  it('measures, installs and caches owner-only, without touching the GPU', async () => {
    const cal = await calibrate();
    expect(cal.gpu).toBeNull();
    expect(currentCalibration()).toBe(cal);
    for (const cls of ['reduce', 'update', 'map', 'mapHeavy', 'gemm', 'gemv'] as const) {
      const c = cal.js[cls];
      expect(c.overheadNs).toBeGreaterThan(0);
      expect(c.points.length).toBeGreaterThan(1);
      for (let i = 1; i < c.points.length; i++)
        expect(c.points[i]![1]).toBeGreaterThanOrEqual(c.points[i - 1]![1]);
    }
    expect(cal.workers.copyGBs).toBeGreaterThan(0);
    expect(cacheFile().startsWith(cacheDir())).toBe(true);
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    expect(loadCalibration()?.measuredAt).toBe(cal.measuredAt);
  });

  it('summarizes itself for `polycore info`', () => {
    const info = calibrationInfo();
    expect(info.cacheFile).toBe(cacheFile());
    expect(info.inlineUpTo.dot).toBeGreaterThanOrEqual(0);
    expect(info.cores.logical).toBe(cpuCount({ logical: true }));
    expect(typeof info.native.loaded).toBe('boolean');
  });

  it('rejects bad options', async () => {
    await expect(calibrate(null as never)).rejects.toThrow(TypeError);
  });
});

describe('cpuCount', () => {
  it('counts physical cores by default and hardware threads on request', () => {
    const p = cpuCount();
    const l = cpuCount({ logical: true });
    expect(p).toBeGreaterThanOrEqual(1);
    expect(l).toBeGreaterThanOrEqual(p);
    expect(() => cpuCount(3 as never)).toThrow(TypeError);
  });
});
