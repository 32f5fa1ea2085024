/** The calibrated constants every decision is made from (measured by `calibrate`, cached on disk). */
import type { OpClass } from './op-catalog.js';

/**
 * Measured time of one kernel class on one backend: the fixed per-call overhead and the total
 * time at a few sizes (work units, ascending). Between points the model interpolates linearly;
 * beyond the last point it extrapolates at the last point's per-unit cost. The points capture the
 * regimes (in cache, out of cache, multi-threaded) without pretending one slope fits all.
 */
export interface KernelCurve {
  /** Fixed cost of one call (argument checks, N-API hop), ns. */
  overheadNs: number;
  /** `[work units, total ns]`, ascending in work. */
  points: Array<[number, number]>;
}

/** Constants for the worker_threads fallback (TypeScript kernels over SharedArrayBuffer). */
export interface WorkerConstants {
  /** Workers the fallback starts. */
  count: number;
  /** One job's round trip: post to every worker, wake, join (ns). */
  roundTripNs: number;
  /** Copy bandwidth into/out of a SharedArrayBuffer, GB/s. */
  copyGBs: number;
  /** Amdahl serial fraction of memory-bound work (bandwidth shared by the cores). */
  serialStream: number;
  /** Amdahl serial fraction of compute-bound work (gemm). */
  serialCompute: number;
}

/** GPU constants; only measured when asked (`calibrate({ gpu: true })`) or a GpuArray is used. */
export interface GpuConstants {
  /** False when no adapter was found; routing then never picks the GPU. */
  available: boolean;
  /** Adapter description, e.g. 'llvmpipe' or a vendor name. */
  adapter: string;
  /** Fixed cost of one submit + completion, ns. */
  submitNs: number;
  /** Host→device and device→host bandwidth, GB/s. */
  uploadGBs: number;
  downloadGBs: number;
  /** On-device throughput of memory-bound kernels, GB/s. */
  streamGBs: number;
  /** On-device matrix-multiply throughput, GFLOP/s. */
  gemmGflops: number;
}

/** Constants of task parallelism (Pool/Parallel with backend 'auto'). */
export interface TaskConstants {
  /** Starting one worker thread / child process, ms (workers start in parallel). */
  threadStartMs: number;
  processStartMs: number;
  /** Main-thread cost of one message round trip to a thread / process, µs. */
  threadMessageUs: number;
  processMessageUs: number;
  /** Main-thread cost of handing one item to a thread / process (cloning a small argument), µs. */
  threadItemUs: number;
  processItemUs: number;
  /** Structured-clone bandwidth (threads) and IPC serialization bandwidth (processes), GB/s. */
  cloneGBs: number;
  ipcGBs: number;
}

/** Everything `calibrate` measures; injectable with `setCalibration` (tests, other machines). */
export interface Calibration {
  /** Format version of this object. */
  format: 1;
  /** @polycore/dispatch version that measured it. */
  version: string;
  /** Machine key (CPU model, cores, platform, native availability) it belongs to. */
  machine: string;
  /** ISO time of the measurement, and how long it took (ms). */
  measuredAt: string;
  durationMs: number;
  /** Physical and logical cores; measured gain of a hyperthread for CPU-bound work (0..1). */
  cores: { physical: number; logical: number; hyperthreadGain: number };
  /** Inline TypeScript kernels on the calling thread, per class (f64). */
  js: Record<OpClass, KernelCurve>;
  /** The native core per class (f64); a class is absent when its kernel is unavailable. */
  native: Partial<Record<OpClass, KernelCurve>>;
  workers: WorkerConstants;
  /** Null until the GPU was calibrated. */
  gpu: GpuConstants | null;
  tasks: TaskConstants;
}
