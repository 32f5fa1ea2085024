/**
 * `Condition`: wait/notify tied to a lock, in shared memory: words [sequence, waiters]; the lock
 * lives in its own memory (given, or a new `RLock`). Like POSIX condition variables, a waiter may
 * wake spuriously (e.g. `notify(1)` may wake more than one waiter): re-check with `waitFor`.
 * @module
 */
import { Lock, RLock } from './mutex.js';
import { atOf, memoryOf, place } from './primitive.js';
import { registerKind, revive, SHARE } from './shareable.js';
import { blockAsync, TIMED_OUT, waitOpts, wake } from './wait.js';
/**
 * A condition variable shared by threads and processes (Python's `multiprocessing.Condition`).
 *
 * @example
 * ```ts
 * import { Condition } from '@polycore/pool';
 * const cond = new Condition();
 * await cond.acquire();
 * await cond.waitFor(() => counter.value > 0, { timeout: 1000 });
 * cond.release();
 * ```
 */
export class Condition {
    /** The lock this condition uses. */
    lock;
    #at;
    /** `lock`: a Lock or RLock (default: a new RLock). `at` is internal. */
    constructor(lock, options = {}, at) {
        if (lock !== undefined && !(lock instanceof Lock) && !(lock instanceof RLock))
            throw new TypeError('lock must be a Lock or an RLock');
        const memory = memoryOf(options);
        this.lock = lock ?? new RLock({ memory });
        this.#at = place(at, 2, memory);
    }
    /**
     * Acquires the underlying lock.
     *
     * @example
     * ```ts
     * await cond.acquire();
     * ```
     */
    acquire(options) {
        return this.lock.acquire(options);
    }
    /**
     * Releases the underlying lock.
     *
     * @example
     * ```ts
     * cond.release();
     * ```
     */
    release() {
        this.lock.release();
    }
    /**
     * Releases the lock, waits for a notify (or `timeout`), re-acquires the lock. Resolves false on timeout.
     *
     * @example
     * ```ts
     * await cond.acquire(); const notified = await cond.wait({ timeout: 500 }); cond.release();
     * ```
     */
    async wait(options) {
        const { timeout, signal } = waitOpts(options);
        const { region, base } = this.#at;
        const seen = Atomics.load(region.i32, base);
        const lock = this.lock;
        let depth = 1;
        if (lock instanceof RLock)
            depth = lock.releaseAll();
        else
            lock.release();
        let r;
        try {
            r = await blockAsync({
                region,
                word: base,
                waiters: base + 1,
                attempt: () => (Atomics.load(region.i32, base) !== seen ? true : undefined),
            }, timeout, signal);
        }
        finally {
            await lock.acquire();
            if (lock instanceof RLock)
                lock.restoreDepth(depth);
        }
        return r !== TIMED_OUT;
    }
    /**
     * Waits until `predicate()` is truthy (checked with the lock held); resolves its last value.
     *
     * @example
     * ```ts
     * await cond.acquire(); await cond.waitFor(() => done.isSet()); cond.release();
     * ```
     */
    async waitFor(predicate, options) {
        if (typeof predicate !== 'function')
            throw new TypeError('predicate must be a function');
        const { timeout, signal } = waitOpts(options);
        const end = performance.now() + timeout;
        let r = predicate();
        while (!r) {
            const left = end - performance.now();
            if (left <= 0)
                return r;
            await this.wait({ timeout: left === Infinity ? undefined : left, signal });
            r = predicate();
        }
        return r;
    }
    /**
     * Wakes up to `n` waiters.
     *
     * @example
     * ```ts
     * cond.notify();
     * ```
     */
    notify(n = 1) {
        if (!Number.isInteger(n) || n < 0)
            throw new RangeError(`n must be a non-negative integer, got ${n}`);
        wake(this.#at.region, this.#at.base, this.#at.base + 1, n);
    }
    /**
     * Wakes every waiter.
     *
     * @example
     * ```ts
     * cond.notifyAll();
     * ```
     */
    notifyAll() {
        wake(this.#at.region, this.#at.base, this.#at.base + 1);
    }
    /** @internal */
    [SHARE](backend) {
        return {
            k: 'Condition',
            r: this.#at.region.handleFor(backend, 'this Condition'),
            o: this.#at.base,
            l: this.lock[SHARE](backend),
        };
    }
}
registerKind('Condition', (d) => new Condition(revive(d.l), {}, atOf(d)));
//# sourceMappingURL=condition.js.map