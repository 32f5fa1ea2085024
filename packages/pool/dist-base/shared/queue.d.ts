import { Ring, type RingOptions } from './ring.js';
import { SHARE, type Shareable, type SharedData } from './shareable.js';
import { type WaitOptions } from './wait.js';
/** Options of {@link Queue}. */
export type QueueOptions = RingOptions;
/**
 * A bounded multi-producer multi-consumer FIFO shared by threads and processes.
 *
 * @example
 * ```ts
 * import { Queue } from '@polycore/pool';
 * const q = new Queue<string>({ maxsize: 100 });
 * await q.put('hello');
 * console.log(await q.get()); // 'hello'
 * q.close(); // later gets on the empty queue throw ClosedError instead of waiting forever
 * ```
 */
export declare class Queue<T = unknown> implements Shareable {
    #private;
    /** @internal */ readonly ring: Ring;
    /** `ring` is internal (reviving in a worker). */
    constructor(options?: QueueOptions, ring?: Ring);
    /** Most items held at once (0: only limited by the byte capacity). */
    get maxsize(): number;
    /** Number of items now (a snapshot). */
    qsize(): number;
    /** Whether the queue is empty now. */
    empty(): boolean;
    /** Whether the queue holds `maxsize` items now. */
    full(): boolean;
    /** Whether `close()` was called (by anyone). */
    get closed(): boolean;
    /**
     * Appends `value`, waiting while the queue is full; rejects with {@link Full} when `timeout`
     * passed, {@link ClosedError} when closed.
     *
     * @example
     * ```ts
     * await q.put({ id: 1 }, { timeout: 1000 });
     * ```
     */
    put(value: T, options?: WaitOptions): Promise<void>;
    /**
     * Blocking put for worker code (blocks the thread).
     *
     * @example
     * ```ts
     * q.putSync(42);
     * ```
     */
    putSync(value: T, options?: {
        timeout?: number;
    }): void;
    /**
     * Appends `value` now or throws {@link Full}.
     *
     * @example
     * ```ts
     * q.putNowait('x');
     * ```
     */
    putNowait(value: T): void;
    /**
     * Removes and returns the oldest item, waiting while empty; rejects with {@link Empty} when
     * `timeout` passed, {@link ClosedError} when the queue is closed and empty.
     *
     * @example
     * ```ts
     * const item = await q.get({ timeout: 5000 });
     * ```
     */
    get(options?: WaitOptions): Promise<T>;
    /**
     * Blocking get for worker code (blocks the thread).
     *
     * @example
     * ```ts
     * const item = q.getSync({ timeout: 1000 });
     * ```
     */
    getSync(options?: {
        timeout?: number;
    }): T;
    /**
     * Removes and returns the oldest item now, or throws {@link Empty} ({@link ClosedError} when closed and empty).
     *
     * @example
     * ```ts
     * try { q.getNowait(); } catch (e) { if (!(e instanceof Empty)) throw e; }
     * ```
     */
    getNowait(): T;
    /**
     * Closes the queue for everyone: puts throw {@link ClosedError}; gets drain what is left, then
     * throw ClosedError instead of waiting.
     *
     * @example
     * ```ts
     * q.close();
     * ```
     */
    close(): void;
    /**
     * Async iteration until the queue is closed and drained.
     *
     * @example
     * ```ts
     * for await (const item of q) console.log(item);
     * ```
     */
    [Symbol.asyncIterator](): AsyncGenerator<T>;
    /** @internal */
    [SHARE](backend: string): SharedData;
}
/**
 * A {@link Queue} that counts unfinished items: consumers call `taskDone()` per item, and
 * `join()` waits until every item put so far was marked done.
 *
 * @example
 * ```ts
 * import { JoinableQueue } from '@polycore/pool';
 * const q = new JoinableQueue<number>();
 * await q.put(1);
 * await q.get(); q.taskDone();
 * await q.join();
 * ```
 */
export declare class JoinableQueue<T = unknown> extends Queue<T> {
    /**
     * Marks one item as processed; RangeError when called more times than items were put.
     *
     * @example
     * ```ts
     * q.taskDone();
     * ```
     */
    taskDone(): void;
    /**
     * Waits until every item put was marked done; false when `timeout` passed.
     *
     * @example
     * ```ts
     * await q.join({ timeout: 10_000 });
     * ```
     */
    join(options?: WaitOptions): Promise<boolean>;
    /**
     * Blocking join for worker code.
     *
     * @example
     * ```ts
     * q.joinSync();
     * ```
     */
    joinSync(options?: {
        timeout?: number;
    }): boolean;
    /** @internal */
    [SHARE](backend: string): SharedData;
}
//# sourceMappingURL=queue.d.ts.map