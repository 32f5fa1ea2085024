import { availableParallelism } from 'node:os';
import * as native from '@polycore/native';

/** What `polycore info` reports. */
export interface PolycoreInfo {
  /** Node.js version running polycore. */
  node: string;
  /** `platform-arch`, e.g. `linux-x64`. */
  platform: string;
  /** Logical cores (hardware threads). */
  logicalCores: number;
  /** Physical cores, when the native core could tell (else `null`). */
  physicalCores: number | null;
  /** SIMD features detected at run time (empty without the native core). */
  simd: string[];
  /** Whether the native core loaded, from where, or why not. */
  native: native.NativeStatus;
  /** Threads the native kernels use (`null` without the native core). */
  nativeThreads: number | null;
}

/**
 * Describes the machine and how polycore runs on it.
 *
 * @example
 * ```ts
 * import { info } from 'polycore';
 * const i = info();
 * console.log(`${i.physicalCores} physical / ${i.logicalCores} logical cores; native: ${i.native.loaded}`);
 * ```
 */
export function info(): PolycoreInfo {
  const status = native.nativeStatus();
  const cpu = status.loaded ? native.cpuInfo() : null;
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    logicalCores: cpu?.logicalCores ?? availableParallelism(),
    physicalCores: cpu?.physicalCores ?? null,
    simd: cpu?.simd ?? [],
    native: status,
    nativeThreads: status.loaded ? native.getNumThreads() : null,
  };
}
