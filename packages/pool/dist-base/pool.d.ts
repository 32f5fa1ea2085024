import { type DoneFuture, Future } from './future.js';
import type { ArgsOf, Backend, MapOptions, PoolOptions, PoolStats, ResultOf, Runnable, TaskOptions } from './types.js';
type ItemOf<R> = ArgsOf<R> extends [] ? unknown : ArgsOf<R>[0];
type Items<T> = Iterable<T> | AsyncIterable<T>;
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
export declare class Pool {
    #private;
    constructor(options?: PoolOptions);
    /** Number of workers the pool runs at most. */
    get workers(): number;
    /** The backend chosen at construction. */
    get backend(): Backend;
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
    submit<R extends Runnable>(fn: R, args: ArgsOf<R>, options?: TaskOptions): Future<ResultOf<R>>;
    /**
     * Runs `fn(...args)` in a worker and resolves with its result (Python's `apply`, made async).
     *
     * @example
     * ```ts
     * await pool.apply(Math.max, [3, 9, 4]); // 9
     * ```
     */
    apply<R extends Runnable>(fn: R, args: ArgsOf<R>, options?: TaskOptions): Promise<ResultOf<R>>;
    /**
     * `fn(item)` for every item, in workers; resolves with the results in input order. Items are sent
     * in chunks (`chunksize`, or sized automatically from measured task time).
     *
     * @example
     * ```ts
     * await pool.map((x: number) => x ** 3, [1, 2, 3]); // [1, 8, 27]
     * ```
     */
    map<R extends Runnable>(fn: R, iterable: Items<ItemOf<R>>, options?: MapOptions): Promise<ResultOf<R>[]>;
    /**
     * `fn(...tuple)` for every argument tuple, in workers; resolves with the results in order.
     *
     * @example
     * ```ts
     * await pool.starmap((a: number, b: number) => a * b, [[1, 2], [3, 4]]); // [2, 12]
     * ```
     */
    starmap<R extends Runnable>(fn: R, iterable: Items<ArgsOf<R>>, options?: MapOptions): Promise<ResultOf<R>[]>;
    /**
     * Lazy ordered map: an async iterable of results in input order, pulling items from `iterable`
     * (sync or async) as results are consumed, with at most `maxInFlight` chunks in flight.
     *
     * @example
     * ```ts
     * for await (const y of pool.imap((x: number) => x * 2, [1, 2, 3])) console.log(y);
     * ```
     */
    imap<R extends Runnable>(fn: R, iterable: Items<ItemOf<R>>, options?: MapOptions): AsyncIterableIterator<ResultOf<R>>;
    /**
     * Like {@link Pool.imap}, but yields results as they finish.
     *
     * @example
     * ```ts
     * for await (const y of pool.imapUnordered((x: number) => x * 2, [1, 2, 3])) console.log(y);
     * ```
     */
    imapUnordered<R extends Runnable>(fn: R, iterable: Items<ItemOf<R>>, options?: MapOptions): AsyncIterableIterator<ResultOf<R>>;
    /**
     * Yields futures as they finish (see {@link asCompletedFn | asCompleted}).
     *
     * @example
     * ```ts
     * for await (const f of pool.asCompleted(futures)) console.log(f.result());
     * ```
     */
    asCompleted<T>(futures: Iterable<Future<T>>): AsyncIterableIterator<DoneFuture<T>>;
    /**
     * Stops accepting tasks; queued tasks still run, then workers exit. Resolves like {@link Pool.join}.
     *
     * @example
     * ```ts
     * await pool.close();
     * ```
     */
    close(): Promise<void>;
    /**
     * Resolves when all workers have exited; call after close() or terminate().
     *
     * @example
     * ```ts
     * pool.close(); await pool.join();
     * ```
     */
    join(): Promise<void>;
    /**
     * Kills all workers now; queued and running tasks reject with PoolClosedError.
     *
     * @example
     * ```ts
     * await pool.terminate();
     * ```
     */
    terminate(): Promise<void>;
    /**
     * Counters and timings: completed, failed, queued, running, utilization, run/wait percentiles.
     *
     * @example
     * ```ts
     * const { completed, utilization, runTime } = pool.stats();
     * ```
     */
    stats(): PoolStats;
    /** `await using pool = new Pool()`: close() and wait for the workers to exit. */
    [Symbol.asyncDispose](): Promise<void>;
}
export {};
//# sourceMappingURL=pool.d.ts.map