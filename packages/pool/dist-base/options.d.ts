import type { CodecBackend } from './codec.js';
import type { Backend, MapOptions, PoolOptions, TaskOptions } from './types.js';
/** Pool options with defaults applied. */
export interface ResolvedPoolOptions {
    workers: number;
    backend: Backend;
    maxTasksPerChild: number;
    maxQueue: number;
    abortGraceMs: number;
    maxNbytes: number;
    /** What workers run on: the backend; for 'auto' threads, or processes with needsIsolation/threadUnsafe. */
    workerBackend: CodecBackend;
    needsIsolation: boolean;
    threadUnsafe: boolean;
    verbose: number;
}
/** Validates pool options and applies defaults. */
export declare function resolvePoolOptions(o: PoolOptions | undefined): ResolvedPoolOptions;
/** Validates per-call task options. */
export declare function checkTaskOptions(o: TaskOptions | undefined): TaskOptions;
/** Validates per-call map options. */
export declare function checkMapOptions(o: MapOptions | undefined): MapOptions;
/**
 * The parent's `execArgv` minus what only applies to the parent (`-e code`, `--input-type`,
 * `--test`, `--watch`, ...): the default `execArgv` of workers, so loaders such as `--import tsx`
 * still reach them.
 *
 * @example
 * ```ts
 * workerExecArgv(['--input-type=module', '--import', 'tsx', '-e', 'code']); // ['--import', 'tsx']
 * ```
 */
export declare function workerExecArgv(argv?: readonly string[]): string[];
//# sourceMappingURL=options.d.ts.map