/**
 * Built-in constants: what the model assumes before (or instead of) measuring, taken from
 * measurements on a 2-core Zen 3 machine. `POLYCORE_CALIBRATE=0` uses them as they are.
 */
import { createRequire } from 'node:module';
import type { Calibration, KernelCurve, TaskConstants, WorkerConstants } from './calibration.js';
import { cpuCount, defaultWorkerCount, machineKey } from './hardware.js';
import type { OpClass } from './op-catalog.js';

const require = createRequire(import.meta.url);

/** This package's version (part of the calibration cache key). */
export const VERSION: string = (require('../package.json') as { version: string }).version;

const curve = (overheadNs: number, points: Array<[number, number]>): KernelCurve => ({ overheadNs, points });

/** JS kernels: ≈ 2 ns per dot element (8 GB/s), ≈ 1 GFLOP/s gemm. */
export const DEFAULT_JS: Record<OpClass, KernelCurve> = {
  reduce: curve(20, [
    [256, 280],
    [16384, 17000],
    [2097152, 4.2e6],
  ]),
  update: curve(20, [
    [256, 350],
    [16384, 22000],
    [2097152, 4.6e6],
  ]),
  map: curve(20, [
    [256, 350],
    [16384, 22000],
    [2097152, 4.6e6],
  ]),
  mapHeavy: curve(20, [
    [256, 2000],
    [16384, 130000],
    [2097152, 1.7e7],
  ]),
  gemm: curve(30, [
    [1024, 1200],
    [65536, 60000],
    [4194304, 3.5e6],
  ]),
  gemv: curve(30, [
    [256, 300],
    [16384, 15000],
    [1048576, 1.1e6],
  ]),
};

/** Native kernels: ≈ 0.15 µs per call, SIMD in cache, both cores out of cache. */
export const DEFAULT_NATIVE: Record<OpClass, KernelCurve> = {
  reduce: curve(150, [
    [256, 200],
    [16384, 2500],
    [2097152, 9e5],
  ]),
  update: curve(150, [
    [256, 230],
    [16384, 4000],
    [2097152, 1.2e6],
  ]),
  map: curve(150, [
    [256, 230],
    [16384, 4000],
    [2097152, 1.2e6],
  ]),
  mapHeavy: curve(150, [
    [256, 600],
    [16384, 30000],
    [2097152, 2e6],
  ]),
  gemm: curve(300, [
    [1024, 500],
    [65536, 5000],
    [4194304, 1.2e5],
    [268435456, 4e6],
  ]),
  gemv: curve(200, [
    [256, 260],
    [16384, 2500],
    [1048576, 3.5e5],
  ]),
};

/** Worker fallback: ≈ 100 µs per job round trip (thread wake-ups), 8 GB/s copies. */
export function defaultWorkers(): WorkerConstants {
  return {
    count: defaultWorkerCount(0),
    roundTripNs: 100_000,
    copyGBs: 8,
    serialStream: 0.4,
    serialCompute: 0.03,
  };
}

/** Task parallelism: thread start 35 ms, process start 80 ms, messages 60 / 120 µs, 0.4 µs per item (measured on a 2-core VM). */
export const DEFAULT_TASKS: TaskConstants = {
  threadStartMs: 35,
  processStartMs: 80,
  threadMessageUs: 60,
  processMessageUs: 120,
  threadItemUs: 0.4,
  processItemUs: 1.5,
  cloneGBs: 2,
  ipcGBs: 0.5,
};

/**
 * The built-in calibration (no measurement): what routing uses with `POLYCORE_CALIBRATE=0`.
 *
 * @example
 * ```ts
 * import { defaultCalibration, setCalibration } from '@polycore/dispatch';
 * setCalibration(defaultCalibration());
 * ```
 */
export function defaultCalibration(): Calibration {
  return {
    format: 1,
    version: VERSION,
    machine: machineKey(),
    measuredAt: new Date(0).toISOString(),
    durationMs: 0,
    cores: { physical: cpuCount(), logical: cpuCount({ logical: true }), hyperthreadGain: 0 },
    js: structuredClone(DEFAULT_JS),
    native: structuredClone(DEFAULT_NATIVE),
    workers: defaultWorkers(),
    gpu: null,
    tasks: { ...DEFAULT_TASKS },
  };
}
