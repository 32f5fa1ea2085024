/**
 * `Queue` and `JoinableQueue` (Python's `multiprocessing.Queue`): a FIFO in shared memory that
 * any number of producers and consumers on threads and processes share; values pass by
 * structured clone. See ring.ts for the layout.
 * @module
 */
import { ClosedError, Empty, Full } from './errors.js';
import { Region } from './region.js';
import { Ring } from './ring.js';
import { registerKind, SHARE } from './shareable.js';
import { blockAsync, blockSync, TIMED_OUT, waitOpts } from './wait.js';
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
export class Queue {
    /** @internal */ ring;
    // Async puts (and gets) of this handle wait their turn, so one producer's items keep their order
    // even when several of its puts wait for room at once (and one consumer's gets resolve in order).
    #putTurn = Promise.resolve();
    #getTurn = Promise.resolve();
    /** `ring` is internal (reviving in a worker). */
    constructor(options, ring) {
        this.ring = ring ?? new Ring(options);
    }
    /** Most items held at once (0: only limited by the byte capacity). */
    get maxsize() {
        return this.ring.maxsize;
    }
    /** Number of items now (a snapshot). */
    qsize() {
        return this.ring.count;
    }
    /** Whether the queue is empty now. */
    empty() {
        return this.ring.count === 0;
    }
    /** Whether the queue holds `maxsize` items now. */
    full() {
        return this.ring.maxsize > 0 && this.ring.count >= this.ring.maxsize;
    }
    /** Whether `close()` was called (by anyone). */
    get closed() {
        return this.ring.closed;
    }
    /**
     * Appends `value`, waiting while the queue is full; rejects with {@link Full} when `timeout`
     * passed, {@link ClosedError} when closed.
     *
     * @example
     * ```ts
     * await q.put({ id: 1 }, { timeout: 1000 });
     * ```
     */
    async put(value, options) {
        const { timeout, signal } = waitOpts(options);
        const deadline = Date.now() + timeout;
        const done = await inTurn(this.#putTurn, (t) => {
            this.#putTurn = t;
        });
        try {
            if (!(await this.ring.put(value, remaining(deadline, timeout), signal)))
                throw new Full(`queue full (timed out after ${timeout} ms)`);
        }
        finally {
            done();
        }
    }
    /**
     * Blocking put for worker code (blocks the thread).
     *
     * @example
     * ```ts
     * q.putSync(42);
     * ```
     */
    putSync(value, options) {
        const { timeout } = waitOpts(options);
        if (!this.ring.putSync(value, timeout))
            throw new Full(`queue full (timed out after ${timeout} ms)`);
    }
    /**
     * Appends `value` now or throws {@link Full}.
     *
     * @example
     * ```ts
     * q.putNowait('x');
     * ```
     */
    putNowait(value) {
        if (!this.ring.putSync(value, 0))
            throw new Full('queue full');
    }
    /**
     * Removes and returns the oldest item, waiting while empty; rejects with {@link Empty} when
     * `timeout` passed, {@link ClosedError} when the queue is closed and empty.
     *
     * @example
     * ```ts
     * const item = await q.get({ timeout: 5000 });
     * ```
     */
    async get(options) {
        const { timeout, signal } = waitOpts(options);
        const deadline = Date.now() + timeout;
        const done = await inTurn(this.#getTurn, (t) => {
            this.#getTurn = t;
        });
        try {
            const r = await this.ring.get(remaining(deadline, timeout), signal);
            if (!r)
                throw new Empty(`queue empty (timed out after ${timeout} ms)`);
            return r.v;
        }
        finally {
            done();
        }
    }
    /**
     * Blocking get for worker code (blocks the thread).
     *
     * @example
     * ```ts
     * const item = q.getSync({ timeout: 1000 });
     * ```
     */
    getSync(options) {
        const { timeout } = waitOpts(options);
        const r = this.ring.getSync(timeout);
        if (!r)
            throw new Empty(`queue empty (timed out after ${timeout} ms)`);
        return r.v;
    }
    /**
     * Removes and returns the oldest item now, or throws {@link Empty} ({@link ClosedError} when closed and empty).
     *
     * @example
     * ```ts
     * try { q.getNowait(); } catch (e) { if (!(e instanceof Empty)) throw e; }
     * ```
     */
    getNowait() {
        const hit = this.ring.tryGet();
        if (!hit)
            throw new Empty('queue empty');
        return hit.v;
    }
    /**
     * Closes the queue for everyone: puts throw {@link ClosedError}; gets drain what is left, then
     * throw ClosedError instead of waiting.
     *
     * @example
     * ```ts
     * q.close();
     * ```
     */
    close() {
        this.ring.close();
    }
    /**
     * Async iteration until the queue is closed and drained.
     *
     * @example
     * ```ts
     * for await (const item of q) console.log(item);
     * ```
     */
    async *[Symbol.asyncIterator]() {
        for (;;) {
            try {
                yield await this.get();
            }
            catch (e) {
                if (e instanceof ClosedError)
                    return;
                throw e;
            }
        }
    }
    /** @internal */
    [SHARE](backend) {
        return { k: 'Queue', r: this.ring.region.handleFor(backend, 'this Queue') };
    }
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
export class JoinableQueue extends Queue {
    /**
     * Marks one item as processed; RangeError when called more times than items were put.
     *
     * @example
     * ```ts
     * q.taskDone();
     * ```
     */
    taskDone() {
        this.ring.taskDone();
    }
    /**
     * Waits until every item put was marked done; false when `timeout` passed.
     *
     * @example
     * ```ts
     * await q.join({ timeout: 10_000 });
     * ```
     */
    async join(options) {
        const { timeout, signal } = waitOpts(options);
        return (await blockAsync(this.ring.joiner(), timeout, signal)) !== TIMED_OUT;
    }
    /**
     * Blocking join for worker code.
     *
     * @example
     * ```ts
     * q.joinSync();
     * ```
     */
    joinSync(options) {
        return blockSync(this.ring.joiner(), waitOpts(options).timeout) !== TIMED_OUT;
    }
    /** @internal */
    [SHARE](backend) {
        return { k: 'JoinableQueue', r: this.ring.region.handleFor(backend, 'this JoinableQueue') };
    }
}
registerKind('Queue', (d) => new Queue(undefined, new Ring(undefined, Region.from(d.r))));
registerKind('JoinableQueue', (d) => new JoinableQueue(undefined, new Ring(undefined, Region.from(d.r))));
/**
 * Waits for the previous holder of a turn chain to finish; `set` installs this call's own turn.
 * Returns the function that ends this call's turn.
 */
async function inTurn(previous, set) {
    let end;
    set(new Promise((resolve) => {
        end = resolve;
    }));
    await previous;
    return end;
}
/** Time left until `deadline` (ms), for a wait of `timeout` ms that began earlier (Infinity stays). */
function remaining(deadline, timeout) {
    return Number.isFinite(timeout) ? Math.max(0, deadline - Date.now()) : timeout;
}
//# sourceMappingURL=queue.js.map