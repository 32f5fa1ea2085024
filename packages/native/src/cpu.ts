import { native } from './loader.js';

/** Cores and SIMD features of the machine. */
export interface CpuInfo {
  /** Hardware threads this process may use. */
  logicalCores: number;
  /** Physical cores (a core's hyperthreads count once). */
  physicalCores: number;
  /** SIMD features detected at run time, e.g. `['sse2', 'avx2', 'fma']`. */
  simd: string[];
}

/**
 * Cores (logical and physical) and SIMD features, detected at run time by the native core.
 *
 * @example
 * ```ts
 * import { cpuInfo } from '@polycore/native';
 * const { physicalCores, logicalCores, simd } = cpuInfo();
 * ```
 */
export function cpuInfo(): CpuInfo {
  return native().cpuInfo();
}

/**
 * How many OS threads the native kernels use (one pool per process, shared by all JS workers).
 *
 * @example
 * ```ts
 * import { getNumThreads } from '@polycore/native';
 * getNumThreads(); // 2 on a 2-core machine
 * ```
 */
export function getNumThreads(): number {
  return native().getNumThreads();
}

/**
 * Sets how many OS threads the native kernels use, process-wide. `POLYCORE_NUM_THREADS` sets
 * the starting value.
 *
 * @throws RangeError unless `threads` is an integer from 1 to 1024.
 * @example
 * ```ts
 * import { setNumThreads } from '@polycore/native';
 * setNumThreads(1); // single-threaded kernels, e.g. inside each of many pool workers
 * ```
 */
export function setNumThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > 1024) {
    throw new RangeError(`threads must be an integer from 1 to 1024, got ${threads}`);
  }
  native().setNumThreads(threads);
}
