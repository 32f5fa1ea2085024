import type { Progress, ProgressBarOption } from '../types.js';
/** What `Parallel` runs on: a backend name ('auto': chosen per call by timing the first tasks), or a pool you own (it stays open). */
export type ParallelBackend = 'auto' | 'threads' | 'processes' | 'inline' | PoolLike;
/** The part of a `Pool` that `Parallel` uses, so an existing pool can be passed as `backend`. */
export interface PoolLike {
    apply(fn: unknown, args: readonly unknown[], options?: {
        timeout?: number;
    }): Promise<unknown>;
    close(): unknown;
}
/** Options of `new Parallel(options)`. */
export interface ParallelOptions {
    /** Workers: a positive count, -1 all cores, -2 all but one, ...; 1 runs the tasks here, in order (for debugging). Default -1. */
    nJobs?: number;
    /**
     * 'auto' (times the first tasks inline, then runs the rest inline, on threads or on processes, as the cost
     * model of `@polycore/dispatch` expects fastest), 'threads' (default), 'processes', 'inline', or an
     * existing Pool (reused, not closed).
     */
    backend?: ParallelBackend;
    /** Tasks must run in separate processes (with 'auto': processes, no inline probe). Needs 'auto' or 'processes'. */
    needsIsolation?: boolean;
    /** Tasks use native modules that are not thread-safe (with 'auto': inline or processes). Not with 'threads'. */
    threadUnsafe?: boolean;
    /** Soft choice of backend when `backend` is not given. */
    prefer?: 'threads' | 'processes';
    /** 0 silent (default); > 0 prints joblib-style progress lines on stderr (> 10: one per batch) and, with 'auto', the decision and expected speedup. */
    verbose?: number;
    /** Draw a progress bar on stderr (`true`: only when stderr is a TTY; `{ force: true }`: always). */
    progress?: ProgressBarOption;
    /** Called as tasks finish (at most every ~50 ms, and at the end). */
    onProgress?: (p: Progress) => void;
    /** Tasks per message to a worker: 'auto' (default; sized from measured task time) or a count. */
    batchSize?: 'auto' | number;
    /** Batches in flight, i.e. how far ahead the task iterable is consumed: a count, '3*nJobs', or 'all'. Default '2*nJobs'. */
    preDispatch?: number | string;
    /** 'array' (default, input order), 'generator' (async iterable, input order) or 'unordered' (async iterable, completion order). */
    returnAs?: 'array' | 'generator' | 'unordered';
    /** Per-task time limit (ms): a task that runs longer fails with TaskTimeoutError; the others keep running. */
    timeout?: number;
    /**
     * 'raise' (default): the first failure stops dispatching; the call rejects with a ParallelError carrying
     * the results that finished. 'settle': every task runs and each result is `{ status, value | reason }`.
     */
    onError?: 'raise' | 'settle';
}
/** Options after checking. */
export interface ResolvedParallel {
    workers: number;
    backend: 'auto' | 'threads' | 'processes' | 'inline' | PoolLike;
    needsIsolation: boolean;
    threadUnsafe: boolean;
    batchSize: 'auto' | number;
    preDispatch: number;
    returnAs: 'array' | 'generator' | 'unordered';
    timeout: number | undefined;
    settle: boolean;
    verbose: number;
    progress: ProgressBarOption;
    onProgress: ((p: Progress) => void) | undefined;
    /** The label joblib prints: `Parallel(nJobs=2)`. */
    label: string;
}
/**
 * Resolves `nJobs` like joblib: positive counts as given, -1 all cores, -2 all but one (never below 1).
 *
 * @example
 * ```ts
 * resolveJobs(-1, 8); // 8
 * ```
 */
export declare function resolveJobs(nJobs: unknown, cores?: number): number;
/** Checks options and resolves defaults; throws TypeError/RangeError naming the option. */
export declare function resolveParallelOptions(options: ParallelOptions | undefined): ResolvedParallel;
//# sourceMappingURL=parallel-options.d.ts.map