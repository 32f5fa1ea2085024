/** A made-up calibration for routing tests: round numbers, so every expected choice is easy to check by hand. */
import type { Calibration, KernelCurve } from '@polycore/dispatch';

/** A straight line: `overhead` ns per call plus `perUnit` ns per work unit. */
export function line(overheadNs: number, perUnit: number): KernelCurve {
  return { overheadNs, points: [[1e6, overheadNs + perUnit * 1e6]] };
}

const classes = ['reduce', 'update', 'map', 'mapHeavy', 'gemm', 'gemv'] as const;

/**
 * JS: 10 ns + 1 ns/unit. Native: 200 ns + 0.25 ns/unit (so native wins above ≈ 253 units), gemm
 * 300 ns + 0.02 ns/flop.
 * Workers: 2 of them, 50 µs round trip, 10 GB/s copies. No GPU unless given.
 */
export function fakeCalibration(over: Partial<Calibration> = {}): Calibration {
  const js = Object.fromEntries(classes.map((c) => [c, line(10, 1)])) as Calibration['js'];
  const native = Object.fromEntries(classes.map((c) => [c, line(200, 0.25)])) as Calibration['native'];
  native.gemm = line(300, 0.02); // 50 GFLOP/s
  return {
    format: 1,
    version: 'test',
    machine: 'test',
    measuredAt: new Date(0).toISOString(),
    durationMs: 0,
    cores: { physical: 4, logical: 8, hyperthreadGain: 0 },
    js,
    native,
    workers: { count: 2, roundTripNs: 50_000, copyGBs: 10, serialStream: 0.4, serialCompute: 0 },
    gpu: null,
    tasks: {
      threadStartMs: 50,
      processStartMs: 100,
      threadMessageUs: 50,
      processMessageUs: 200,
      threadItemUs: 0.1,
      processItemUs: 0.5,
      cloneGBs: 1,
      ipcGBs: 0.5,
    },
    ...over,
  };
}
