/**
 * Public types of `@polycore/pool`: pool and per-call options, progress, stats and task references.
 * @module
 */
/** Where tasks run: worker threads, child processes, the calling thread, or chosen per call by measurement. */
export type Backend = 'threads' | 'processes' | 'inline' | 'auto';
/** Any function a task may run (sync or async). */
export type AnyFn = (...args: any[]) => unknown;
/** A reference to an exported function of a module, built by {@link task}; runs in the worker by importing the module. */
export interface TaskRef<F extends AnyFn = AnyFn> {
    readonly kind: 'module';
    /** Absolute URL of the module (`file:` URL, `.js`/`.mjs` or, with a loader, `.ts`). */
    readonly url: string;
    /** Name of the export to call. */
    readonly exportName: string;
    /** Type-only marker carrying the function's signature. */
    readonly __fn?: F;
}
/** What a pool can run: a self-contained function (shipped by its source) or a module task. */
export type Runnable<F extends AnyFn = AnyFn> = F | TaskRef<F>;
/** The function type behind a {@link Runnable}. */
export type FnOf<R> = R extends TaskRef<infer F> ? F : R extends AnyFn ? R : never;
/** Arguments of a runnable. */
export type ArgsOf<R> = Parameters<FnOf<R>>;
/** Awaited result of a runnable. */
export type ResultOf<R> = Awaited<ReturnType<FnOf<R>>>;
/** Options of {@link Pool}. */
export interface PoolOptions {
    /** Number of workers: a positive integer, or `'physical'` for the number of physical cores. Default: `os.availableParallelism()`. */
    workers?: number | 'physical';
    /** Backend. Default `'threads'`; `'auto'` times the first items of each map and picks inline, threads or processes. */
    backend?: Backend;
    /** Runs once in every worker before its first task (a self-contained function or a module task). */
    initializer?: Runnable;
    /** Arguments of `initializer`. */
    initargs?: readonly unknown[];
    /** A worker is replaced after this many tasks (a map chunk counts as one task). Default: unlimited. */
    maxTasksPerChild?: number;
    /** Most tasks waiting in the pool's queue: `submit`/`apply` throw `QueueFullError` beyond it; map/imap wait for room. Default: unlimited. */
    maxQueue?: number;
    /** `execArgv` of workers (e.g. `['--import', 'tsx']` for TypeScript module tasks on the processes backend; threads on Node 20 need the tsx `register` initializer, see the README). Default: the parent's, minus flags that only concern the parent (`-e`, `--input-type`, `--test`, ...) or that threads refuse. */
    execArgv?: string[];
    /** Environment of process workers. Default: `process.env`. */
    env?: NodeJS.ProcessEnv;
    /** Heap limits of thread workers (see `worker_threads.ResourceLimits`). */
    resourceLimits?: {
        maxOldGenerationSizeMb?: number;
        maxYoungGenerationSizeMb?: number;
        stackSizeMb?: number;
    };
    /** After an abort, how long a running task may take to stop before its worker is replaced (ms). Default 1000. */
    abortGraceMs?: number;
    /** Typed arrays at least this large (bytes) go to process workers through shared memory when available (joblib's `max_nbytes`). Default 1 MiB. */
    maxNbytes?: number;
    /** Tasks must run in their own processes (crash containment, global state): with `backend: 'auto'` workers are processes and nothing runs inline. Needs `'auto'` or `'processes'`. */
    needsIsolation?: boolean;
    /** Tasks use native modules that are not thread-safe: with `backend: 'auto'` workers are processes and auto picks inline or processes. Not with `'threads'`. */
    threadUnsafe?: boolean;
    /** > 0: every `backend: 'auto'` map prints its decision on stderr (backend, chunk size, expected speedup, reason), like `Parallel`'s `verbose`. Default 0. */
    verbose?: number;
}
/** Progress of one call, passed to `onProgress`. */
export interface Progress {
    /** Items finished. */
    done: number;
    /** Items in all, when known. */
    total: number | undefined;
    /** Items per second since the call started. */
    rate: number;
    /** Estimated seconds left, when `total` is known. */
    eta: number | undefined;
}
/** Progress-bar settings: `true` draws on stderr when it is a TTY; `{ force: true }` draws anyway. */
export type ProgressBarOption = boolean | {
    force?: boolean;
    label?: string;
    stream?: NodeJS.WritableStream;
};
/** Options of `apply`/`submit` (the last argument). */
export interface TaskOptions {
    /** Aborts the task: a queued task is dropped, a running one sees `this.signal` abort, then its worker is replaced after `abortGraceMs`. */
    signal?: AbortSignal;
    /** Fails the task with `TaskTimeoutError` after this many ms of running (its worker is replaced); other tasks are unaffected. */
    timeout?: number;
    /** How many times a task is run again when its worker dies under it. Default 0. */
    retries?: number;
    /** Transfer (rather than copy) the ArrayBuffers of arguments to thread workers, and results back. */
    transfer?: boolean;
}
/** Options of `map`/`starmap`/`imap`/`imapUnordered` (the last argument). */
export interface MapOptions extends TaskOptions {
    /** Items per task. Default: sized automatically from measured task time. */
    chunksize?: number;
    /** Called as items finish (at most every ~50 ms, and at the end). */
    onProgress?: (p: Progress) => void;
    /** Draw a progress bar on stderr. */
    progress?: ProgressBarOption;
    /** Most tasks (chunks) of this call in flight at once. Default: 2 × workers for imap, 4 × workers for map. */
    maxInFlight?: number;
}
/** Percentiles of a time distribution, in milliseconds. */
export interface Percentiles {
    p50: number;
    p90: number;
    p99: number;
    max: number;
    mean: number;
}
/** Counters and timings of a pool, from {@link Pool.stats}. */
export interface PoolStats {
    /** Tasks that finished with a result. */
    completed: number;
    /** Tasks that failed (error, crash, timeout, abort, cancel). */
    failed: number;
    /** Tasks waiting in the pool's queue. */
    queued: number;
    /** Tasks sent to workers and not finished yet. */
    running: number;
    /** Live workers. */
    workers: number;
    /** Workers replaced after a crash, timeout, abort or `maxTasksPerChild`. */
    replaced: number;
    /** Fraction of worker time spent running tasks since the pool was created (0..1). */
    utilization: number;
    /** Run time of recent tasks (ms). */
    runTime: Percentiles;
    /** Time recent tasks waited before running (ms). */
    waitTime: Percentiles;
}
/** State of a {@link Future}. */
export type FutureState = 'pending' | 'running' | 'fulfilled' | 'rejected' | 'cancelled';
//# sourceMappingURL=types.d.ts.map