/**
 * Errors a pool raises, and how a task's exception crosses from a worker to the caller.
 * @module
 */
/**
 * A task threw in its worker. `message` and `name` are the remote ones, `stack` is the worker's
 * stack, `cause` the remote cause (rebuilt), and own properties such as `code` are copied.
 *
 * @example
 * ```ts
 * try { await pool.apply((x: number) => { throw new Error(`bad ${x}`); }, [1]); }
 * catch (e) { if (e instanceof RemoteError) console.log(e.remoteName, e.stack); }
 * ```
 */
export declare class RemoteError extends Error {
    /** The remote error's `name` (e.g. `'TypeError'`). */
    readonly remoteName: string;
    constructor(message: string, remoteName?: string, stack?: string, cause?: unknown);
}
/**
 * The worker running a task exited, was killed (e.g. SIGKILL) or ran out of memory. The pool
 * replaces the worker; other tasks are unaffected.
 *
 * @example
 * ```ts
 * await pool.apply(() => process.exit(3), []).catch((e) => e instanceof WorkerCrashedError); // true
 * ```
 */
export declare class WorkerCrashedError extends Error {
    /** Exit code of the worker, when it exited. */
    readonly exitCode: number | null;
    /** Signal that killed a process worker (e.g. `'SIGKILL'`). */
    readonly signal: string | null;
    constructor(message: string, 
    /** Exit code of the worker, when it exited. */
    exitCode?: number | null, 
    /** Signal that killed a process worker (e.g. `'SIGKILL'`). */
    signal?: string | null, cause?: unknown);
}
/**
 * A task ran longer than its `timeout`. Only that task fails; its worker is replaced.
 *
 * @example
 * ```ts
 * await pool.apply(() => { for (;;); }, [], { timeout: 100 }).catch((e) => e.name); // 'TaskTimeoutError'
 * ```
 */
export declare class TaskTimeoutError extends Error {
    readonly timeout: number;
    constructor(timeout: number);
}
/**
 * The pool was closed or terminated: raised by calls on a closed pool, and by tasks dropped by
 * `terminate()`.
 *
 * @example
 * ```ts
 * pool.close();
 * pool.apply(Math.abs, [1]); // throws PoolClosedError
 * ```
 */
export declare class PoolClosedError extends Error {
    constructor(message?: string);
}
/**
 * A queued task was cancelled with `future.cancel()`.
 *
 * @example
 * ```ts
 * const f = pool.submit(slow, []); f.cancel(); await f.catch((e) => e.name); // 'CancelledError'
 * ```
 */
export declare class CancelledError extends Error {
    constructor(message?: string);
}
/**
 * `submit`/`apply` found the queue at `maxQueue`. Nothing was queued; retry after some tasks finish.
 *
 * @example
 * ```ts
 * const pool = new Pool({ workers: 1, maxQueue: 1 });
 * ```
 */
export declare class QueueFullError extends RangeError {
    readonly maxQueue: number;
    constructor(maxQueue: number);
}
/** Wire form of an error. */
export interface ErrorData {
    name: string;
    message: string;
    stack: string | undefined;
    cause?: ErrorData | {
        value: unknown;
    };
    props?: Record<string, unknown>;
    /** Set when the error came from resolving the task itself (bad export, not a function): rethrown as TypeError. */
    setup?: boolean;
}
/**
 * Turns a thrown value into {@link ErrorData} (worker side): name, message, stack, cause, own
 * primitive properties.
 *
 * @example
 * ```ts
 * const data = errorToData(new RangeError('bad', { cause: new Error('root') }));
 * ```
 */
export declare function errorToData(e: unknown, depth?: number): ErrorData;
/**
 * Rebuilds a worker's error in the caller: a {@link RemoteError}, or a TypeError for setup errors.
 *
 * @example
 * ```ts
 * dataToError(errorToData(new Error('x'))) instanceof RemoteError; // true
 * ```
 */
export declare function dataToError(d: ErrorData): Error;
//# sourceMappingURL=errors.d.ts.map