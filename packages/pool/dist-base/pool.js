/**
 * {@link Pool}: multiprocessing.Pool / concurrent.futures for Node, over worker threads, child
 * processes or the calling thread.
 * @module
 */
import { autoMap } from './auto-map.js';
import { spawnInline } from './backends/inline.js';
import { spawnProcess } from './backends/processes.js';
import { spawnThread } from './backends/threads.js';
import { encode, encodeValue, NO_CTX } from './codec.js';
import { PoolClosedError } from './errors.js';
import { resolveFn } from './fn-source.js';
import { asCompleted as asCompletedFn, Future } from './future.js';
import { collect, iterate, knownLength, openSource } from './map.js';
import { checkMapOptions, checkTaskOptions, resolvePoolOptions, workerExecArgv, } from './options.js';
import { F_ABORTABLE, F_ENCODED, F_TRANSFER, KIND_APPLY } from './protocol.js';
import { Scheduler, Task } from './scheduler.js';
import { bigArrayHook } from './transport/bigArrays.js';
const SPAWNERS = {
    threads: spawnThread,
    processes: spawnProcess,
    inline: spawnInline,
};
/**
 * A pool of workers with Python's `multiprocessing.Pool` API: ordered `map`, `starmap`, `apply`,
 * `submit` futures, lazy `imap`/`imapUnordered`, on worker threads (default), child processes, or
 * inline. Workers start lazily, on the first task.
 *
 * @example
 * ```ts
 * import { Pool } from '@polycore/pool';
 * await using pool = new Pool({ workers: 2 });
 * const cubes = await pool.map((x: number) => x ** 3, [1, 2, 3]); // [1, 8, 27]
 * ```
 */
export class Pool {
    #o;
    #sched;
    #codecBackend;
    #hasInit;
    constructor(options) {
        this.#o = resolvePoolOptions(options);
        const backend = this.#o.workerBackend;
        this.#codecBackend = backend;
        this.#hasInit = options?.initializer !== undefined;
        let initializer;
        if (options?.initializer !== undefined) {
            const fn = resolveFn(options.initializer, 'initializer');
            const { value, encoded } = encode(options.initargs ?? [], backend, 'initargs');
            initializer = { spec: fn.spec, args: value, encoded };
        }
        this.#sched = new Scheduler({
            spawner: SPAWNERS[backend],
            backend,
            workers: this.#o.workers,
            maxTasksPerChild: this.#o.maxTasksPerChild,
            maxQueue: this.#o.maxQueue,
            abortGraceMs: this.#o.abortGraceMs,
            initializer,
            spawn: {
                execArgv: options?.execArgv ?? workerExecArgv(),
                inheritedExecArgv: options?.execArgv === undefined,
                env: options?.env,
                resourceLimits: options?.resourceLimits,
            },
        });
    }
    /** Number of workers the pool runs at most. */
    get workers() {
        return this.#o.workers;
    }
    /** The backend chosen at construction. */
    get backend() {
        return this.#o.backend;
    }
    #open() {
        if (this.#sched.closed)
            throw new PoolClosedError();
    }
    #ctx(transfer) {
        const big = bigArrayHook(this.#codecBackend, this.#o.maxNbytes);
        if (!transfer && !big)
            return NO_CTX;
        return { transfer: transfer && this.#codecBackend === 'threads' ? [] : undefined, big };
    }
    /**
     * Runs `fn(...args)` in a worker and returns a {@link Future} (await it; `cancel()` drops it while
     * queued). Throws at the call for bad input, a closed pool, or a full queue (`QueueFullError`).
     *
     * @example
     * ```ts
     * const f = pool.submit((a: number, b: number) => a + b, [1, 2]);
     * console.log(await f); // 3
     * ```
     */
    submit(fn, args, options) {
        this.#open();
        this.#sched.prestart();
        const entry = resolveFn(fn, 'fn');
        const opts = checkTaskOptions(options);
        if (!Array.isArray(args))
            throw new TypeError(`args must be an array of arguments, got ${args === null ? 'null' : typeof args}`);
        const ctx = this.#ctx(opts.transfer);
        const payload = encodeValue(args, this.#codecBackend, 'args', ctx);
        const flags = (payload !== args ? F_ENCODED : 0) | (opts.signal ? F_ABORTABLE : 0) | (opts.transfer ? F_TRANSFER : 0);
        const future = new Future();
        const transfer = ctx.transfer?.length ? ctx.transfer : undefined;
        const task = new Task(entry, KIND_APPLY, payload, flags, transfer, opts.timeout, opts.retries ?? 0, opts.signal, future);
        this.#sched.submit(task);
        future._onCancel = () => this.#sched.cancel(task);
        return future;
    }
    /**
     * Runs `fn(...args)` in a worker and resolves with its result (Python's `apply`, made async).
     *
     * @example
     * ```ts
     * await pool.apply(Math.max, [3, 9, 4]); // 9
     * ```
     */
    apply(fn, args, options) {
        return this.submit(fn, args, options).promise();
    }
    #setup(fn, star, options) {
        this.#open();
        if (this.#o.backend !== 'auto')
            this.#sched.prestart();
        const entry = resolveFn(fn, 'fn');
        const opts = checkMapOptions(options);
        return {
            sched: this.#sched,
            fn: entry,
            star,
            opts,
            codecCtx: () => this.#ctx(opts.transfer),
            backend: this.#codecBackend,
        };
    }
    /**
     * `fn(item)` for every item, in workers; resolves with the results in input order. Items are sent
     * in chunks (`chunksize`, or sized automatically from measured task time).
     *
     * @example
     * ```ts
     * await pool.map((x: number) => x ** 3, [1, 2, 3]); // [1, 8, 27]
     * ```
     */
    map(fn, iterable, options) {
        return this.#collect(fn, iterable, false, options);
    }
    /**
     * `fn(...tuple)` for every argument tuple, in workers; resolves with the results in order.
     *
     * @example
     * ```ts
     * await pool.starmap((a: number, b: number) => a * b, [[1, 2], [3, 4]]); // [2, 12]
     * ```
     */
    starmap(fn, iterable, options) {
        return this.#collect(fn, iterable, true, options);
    }
    #collect(fn, iterable, star, options) {
        const setup = this.#setup(fn, star, options);
        const src = openSource(iterable);
        const total = knownLength(iterable);
        // 'auto' probes in this thread: only for a plain function, with no initializer (workers would differ).
        if (this.#o.backend === 'auto' &&
            src.sync &&
            setup.fn.spec.kind === 'source' &&
            setup.opts.chunksize === undefined &&
            !this.#hasInit) {
            const array = Array.isArray(iterable) ? iterable : undefined;
            return autoMap(setup, src.it, total, array, this.#o, this.#sched.liveWorkers > 0);
        }
        return collect(setup, src, total, iterable);
    }
    /**
     * Lazy ordered map: an async iterable of results in input order, pulling items from `iterable`
     * (sync or async) as results are consumed, with at most `maxInFlight` chunks in flight.
     *
     * @example
     * ```ts
     * for await (const y of pool.imap((x: number) => x * 2, [1, 2, 3])) console.log(y);
     * ```
     */
    imap(fn, iterable, options) {
        const setup = this.#setup(fn, false, options);
        return iterate(setup, openSource(iterable), knownLength(iterable), true);
    }
    /**
     * Like {@link Pool.imap}, but yields results as they finish.
     *
     * @example
     * ```ts
     * for await (const y of pool.imapUnordered((x: number) => x * 2, [1, 2, 3])) console.log(y);
     * ```
     */
    imapUnordered(fn, iterable, options) {
        const setup = this.#setup(fn, false, options);
        return iterate(setup, openSource(iterable), knownLength(iterable), false);
    }
    /**
     * Yields futures as they finish (see {@link asCompletedFn | asCompleted}).
     *
     * @example
     * ```ts
     * for await (const f of pool.asCompleted(futures)) console.log(f.result());
     * ```
     */
    asCompleted(futures) {
        return asCompletedFn(futures);
    }
    /**
     * Stops accepting tasks; queued tasks still run, then workers exit. Resolves like {@link Pool.join}.
     *
     * @example
     * ```ts
     * await pool.close();
     * ```
     */
    close() {
        this.#sched.close();
        return this.#sched.join();
    }
    /**
     * Resolves when all workers have exited; call after close() or terminate().
     *
     * @example
     * ```ts
     * pool.close(); await pool.join();
     * ```
     */
    join() {
        if (!this.#sched.closed)
            return Promise.reject(new Error('join() needs close() or terminate() first (the pool is still running)'));
        return this.#sched.join();
    }
    /**
     * Kills all workers now; queued and running tasks reject with PoolClosedError.
     *
     * @example
     * ```ts
     * await pool.terminate();
     * ```
     */
    terminate() {
        this.#sched.terminate();
        return this.#sched.join();
    }
    /**
     * Counters and timings: completed, failed, queued, running, utilization, run/wait percentiles.
     *
     * @example
     * ```ts
     * const { completed, utilization, runTime } = pool.stats();
     * ```
     */
    stats() {
        return this.#sched.stats();
    }
    /** `await using pool = new Pool()`: close() and wait for the workers to exit. */
    async [Symbol.asyncDispose]() {
        await this.close();
    }
}
//# sourceMappingURL=pool.js.map