/**
 * Counting cores for the `workers` option.
 * @module
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
let physical;
/**
 * Physical cores (hyperthreads of one core count once), read from /proc/cpuinfo on Linux; falls
 * back to the available parallelism elsewhere. Never more than `os.availableParallelism()`.
 *
 * @example
 * ```ts
 * physicalCores(); // 2 on this machine
 * ```
 */
export function physicalCores() {
    if (physical !== undefined)
        return physical;
    const logical = availableParallelism();
    let n = logical;
    try {
        const info = readFileSync('/proc/cpuinfo', 'utf8');
        const cores = new Set();
        let phys = '0';
        for (const line of info.split('\n')) {
            if (line.startsWith('physical id'))
                phys = line.split(':')[1].trim();
            else if (line.startsWith('core id'))
                cores.add(`${phys}:${line.split(':')[1].trim()}`);
        }
        if (cores.size > 0)
            n = Math.min(cores.size, logical);
    }
    catch { }
    physical = Math.max(1, n);
    return physical;
}
//# sourceMappingURL=cores.js.map