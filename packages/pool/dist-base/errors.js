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
export class RemoteError extends Error {
    /** The remote error's `name` (e.g. `'TypeError'`). */
    remoteName;
    constructor(message, remoteName = 'Error', stack, cause) {
        super(message, cause === undefined ? undefined : { cause });
        this.name = 'RemoteError';
        this.remoteName = remoteName;
        if (stack)
            this.stack = stack;
    }
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
export class WorkerCrashedError extends Error {
    exitCode;
    signal;
    constructor(message, 
    /** Exit code of the worker, when it exited. */
    exitCode = null, 
    /** Signal that killed a process worker (e.g. `'SIGKILL'`). */
    signal = null, cause) {
        super(message, cause === undefined ? undefined : { cause });
        this.exitCode = exitCode;
        this.signal = signal;
        this.name = 'WorkerCrashedError';
    }
}
/**
 * A task ran longer than its `timeout`. Only that task fails; its worker is replaced.
 *
 * @example
 * ```ts
 * await pool.apply(() => { for (;;); }, [], { timeout: 100 }).catch((e) => e.name); // 'TaskTimeoutError'
 * ```
 */
export class TaskTimeoutError extends Error {
    timeout;
    constructor(timeout) {
        super(`task timed out after ${timeout} ms`);
        this.timeout = timeout;
        this.name = 'TaskTimeoutError';
    }
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
export class PoolClosedError extends Error {
    constructor(message = 'the pool is closed') {
        super(message);
        this.name = 'PoolClosedError';
    }
}
/**
 * A queued task was cancelled with `future.cancel()`.
 *
 * @example
 * ```ts
 * const f = pool.submit(slow, []); f.cancel(); await f.catch((e) => e.name); // 'CancelledError'
 * ```
 */
export class CancelledError extends Error {
    constructor(message = 'the task was cancelled') {
        super(message);
        this.name = 'CancelledError';
    }
}
/**
 * `submit`/`apply` found the queue at `maxQueue`. Nothing was queued; retry after some tasks finish.
 *
 * @example
 * ```ts
 * const pool = new Pool({ workers: 1, maxQueue: 1 });
 * ```
 */
export class QueueFullError extends RangeError {
    maxQueue;
    constructor(maxQueue) {
        super(`the pool's queue is full (maxQueue ${maxQueue})`);
        this.maxQueue = maxQueue;
        this.name = 'QueueFullError';
    }
}
function cloneable(v) {
    const t = typeof v;
    return (v === null || t === 'string' || t === 'number' || t === 'boolean' || t === 'undefined' || t === 'bigint');
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
export function errorToData(e, depth = 0) {
    if (!(e instanceof Error)) {
        return {
            name: 'Error',
            message: `non-Error thrown: ${safeString(e)}`,
            stack: undefined,
            props: { value: cloneable(e) ? e : safeString(e) },
        };
    }
    const data = { name: e.name, message: e.message, stack: e.stack };
    const props = {};
    let any = false;
    for (const k of Object.keys(e)) {
        if (k === 'cause')
            continue;
        const v = e[k];
        if (cloneable(v)) {
            props[k] = v;
            any = true;
        }
    }
    if (any)
        data.props = props;
    if ('cause' in e && e.cause !== undefined && depth < 8) {
        data.cause =
            e.cause instanceof Error
                ? errorToData(e.cause, depth + 1)
                : { value: cloneable(e.cause) ? e.cause : safeString(e.cause) };
    }
    return data;
}
function safeString(v) {
    try {
        return String(v);
    }
    catch {
        return Object.prototype.toString.call(v);
    }
}
function plainError(d) {
    const e = new Error(d.message, d.cause ? { cause: causeOf(d.cause) } : undefined);
    e.name = d.name;
    if (d.stack)
        e.stack = d.stack;
    if (d.props)
        Object.assign(e, d.props);
    return e;
}
function causeOf(c) {
    return 'value' in c && !('message' in c) ? c.value : plainError(c);
}
/**
 * Rebuilds a worker's error in the caller: a {@link RemoteError}, or a TypeError for setup errors.
 *
 * @example
 * ```ts
 * dataToError(errorToData(new Error('x'))) instanceof RemoteError; // true
 * ```
 */
export function dataToError(d) {
    if (d.setup)
        return new TypeError(d.message);
    const e = new RemoteError(d.message, d.name, d.stack, d.cause ? causeOf(d.cause) : undefined);
    if (d.props)
        Object.assign(e, d.props);
    return e;
}
//# sourceMappingURL=errors.js.map