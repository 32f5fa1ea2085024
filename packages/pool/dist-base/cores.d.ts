/**
 * Physical cores (hyperthreads of one core count once), read from /proc/cpuinfo on Linux; falls
 * back to the available parallelism elsewhere. Never more than `os.availableParallelism()`.
 *
 * @example
 * ```ts
 * physicalCores(); // 2 on this machine
 * ```
 */
export declare function physicalCores(): number;
//# sourceMappingURL=cores.d.ts.map