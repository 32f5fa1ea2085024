import { chooseTaskBackend } from '@polycore/dispatch';
import { describe, expect, it } from 'vitest';
import { fakeCalibration } from './helpers.js';

const calibration = fakeCalibration({ cores: { physical: 2, logical: 2, hyperthreadGain: 0 } });

describe('chooseTaskBackend', () => {
  it('runs tiny or few tasks inline', () => {
    expect(chooseTaskBackend({ taskMs: 0.001, items: 1000, calibration }).backend).toBe('inline');
    expect(chooseTaskBackend({ taskMs: 5, items: 3, calibration }).backend).toBe('inline');
    expect(chooseTaskBackend({ taskMs: 100, items: 0, calibration }).backend).toBe('inline');
  });

  it('uses threads for many CPU-bound tasks, with a speedup close to the core count', () => {
    const c = chooseTaskBackend({ taskMs: 20, items: 64, calibration });
    expect(c.backend).toBe('threads');
    expect(c.expectedSpeedup).toBeGreaterThan(1.7);
    expect(c.expectedSpeedup).toBeLessThanOrEqual(2);
    expect(c.workers).toBe(2);
    expect(c.reason).toMatch(/threads/);
  });

  it('batches short tasks into chunks', () => {
    const c = chooseTaskBackend({ taskMs: 0.05, items: 100_000, calibration, warm: true });
    expect(c.backend).toBe('threads');
    expect(c.chunksize).toBeGreaterThan(16);
    const long = chooseTaskBackend({ taskMs: 50, items: 64, calibration, warm: true });
    expect(long.chunksize).toBeLessThanOrEqual(4);
  });

  it('counts the bytes each task moves', () => {
    const light = chooseTaskBackend({ taskMs: 1, items: 1000, calibration, warm: true });
    const heavy = chooseTaskBackend({ taskMs: 1, items: 1000, argBytes: 8e6, calibration, warm: true });
    expect(light.backend).toBe('threads');
    expect(heavy.backend).toBe('inline');
  });

  it('uses processes when isolation is required or threads are unsafe', () => {
    const iso = chooseTaskBackend({ taskMs: 20, items: 64, needsIsolation: true, calibration });
    expect(iso.backend).toBe('processes');
    expect(iso.estimates.inline).toBeUndefined();
    const unsafe = chooseTaskBackend({ taskMs: 20, items: 64, threadUnsafe: true, calibration });
    expect(unsafe.backend).toBe('processes');
    expect(unsafe.estimates.threads).toBeUndefined();
  });

  it('prefers processes for long tasks, where their start-up is amortized', () => {
    const c = chooseTaskBackend({ taskMs: 5000, items: 8, calibration });
    expect(c.backend).toBe('processes');
    expect(c.reason).toMatch(/long tasks/);
    expect(c.expectedSpeedup).toBeGreaterThan(1.8);
  });

  it('counts hyperthreads by their measured gain', () => {
    const ht = fakeCalibration({ cores: { physical: 2, logical: 4, hyperthreadGain: 0.2 } });
    const c = chooseTaskBackend({ taskMs: 20, items: 400, calibration: ht, warm: true });
    expect(c.workers).toBe(4);
    expect(c.expectedSpeedup).toBeGreaterThan(2);
    expect(c.expectedSpeedup).toBeLessThan(2.5);
    const noGain = fakeCalibration({ cores: { physical: 2, logical: 4, hyperthreadGain: 0 } });
    expect(chooseTaskBackend({ taskMs: 20, items: 400, calibration: noGain }).workers).toBe(2);
  });

  it('rejects bad profiles', () => {
    expect(() => chooseTaskBackend({ taskMs: -1, items: 3, calibration })).toThrow(/taskMs/);
    expect(() => chooseTaskBackend({ taskMs: 1, items: Number.NaN, calibration })).toThrow(/items/);
    expect(() => chooseTaskBackend(null as never)).toThrow(TypeError);
  });
});
