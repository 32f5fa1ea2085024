/** Cores of this machine: physical vs logical, and the default worker count. */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { cpuInfo, isNativeAvailable } from '@polycore/native';

let cached: { physical: number; logical: number } | null = null;

function cores(): { physical: number; logical: number } {
  if (cached) return cached;
  const logical = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  let physical = logical;
  if (isNativeAvailable()) {
    try {
      const info = cpuInfo();
      physical = Math.max(1, Math.min(logical, info.physicalCores));
    } catch {
      // keep the logical count
    }
  }
  cached = { physical, logical };
  return cached;
}

/** Options of {@link cpuCount}. */
export interface CpuCountOptions {
  /** Count hardware threads (hyperthreads) instead of physical cores (default false). */
  logical?: boolean;
}

/**
 * Cores this process may use: physical cores by default, hardware threads with `logical: true`.
 * Physical cores come from the native core's CPU topology; without it both counts are
 * `os.availableParallelism()`.
 *
 * @example
 * ```ts
 * import { cpuCount } from '@polycore/dispatch';
 * cpuCount(); // 8 on an 8-core/16-thread CPU
 * cpuCount({ logical: true }); // 16
 * ```
 */
export function cpuCount(options: CpuCountOptions = {}): number {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const c = cores();
  return options.logical ? c.logical : c.physical;
}

/**
 * Workers to start for CPU-bound work: the physical cores, plus the hyperthreads when they were
 * measured to add at least 10 % (`hyperthreadGain`, from calibration; 0 when not measured).
 *
 * @example
 * ```ts
 * import { defaultWorkerCount } from '@polycore/dispatch';
 * defaultWorkerCount(0.25); // logical cores when hyperthreads add 25 %
 * ```
 */
export function defaultWorkerCount(hyperthreadGain = 0): number {
  const c = cores();
  return hyperthreadGain >= 0.1 ? c.logical : c.physical;
}

/** A short stable key of this machine's CPU and runtime (part of the calibration cache name). */
export function machineKey(): string {
  const cpus = os.cpus();
  const c = cores();
  const parts = [
    os.platform(),
    os.arch(),
    cpus[0]?.model ?? 'cpu',
    c.physical,
    c.logical,
    Math.round(os.totalmem() / 2 ** 30),
    process.versions.v8,
    isNativeAvailable() ? 'native' : 'js',
  ];
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16);
}
