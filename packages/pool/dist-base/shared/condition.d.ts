/**
 * `Condition`: wait/notify tied to a lock, in shared memory: words [sequence, waiters]; the lock
 * lives in its own memory (given, or a new `RLock`). Like POSIX condition variables, a waiter may
 * wake spuriously (e.g. `notify(1)` may wake more than one waiter): re-check with `waitFor`.
 * @module
 */
import { Lock, RLock } from './mutex.js';
import { type At } from './primitive.js';
import type { MemoryKind } from './region.js';
import { SHARE, type Shareable, type SharedData } from './shareable.js';
import { type WaitOptions } from './wait.js';
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
export declare class Condition implements Shareable {
    #private;
    /** The lock this condition uses. */
    readonly lock: Lock | RLock;
    /** `lock`: a Lock or RLock (default: a new RLock). `at` is internal. */
    constructor(lock?: Lock | RLock, options?: {
        memory?: MemoryKind;
    }, at?: At);
    /**
     * Acquires the underlying lock.
     *
     * @example
     * ```ts
     * await cond.acquire();
     * ```
     */
    acquire(options?: WaitOptions): Promise<boolean>;
    /**
     * Releases the underlying lock.
     *
     * @example
     * ```ts
     * cond.release();
     * ```
     */
    release(): void;
    /**
     * Releases the lock, waits for a notify (or `timeout`), re-acquires the lock. Resolves false on timeout.
     *
     * @example
     * ```ts
     * await cond.acquire(); const notified = await cond.wait({ timeout: 500 }); cond.release();
     * ```
     */
    wait(options?: WaitOptions): Promise<boolean>;
    /**
     * Waits until `predicate()` is truthy (checked with the lock held); resolves its last value.
     *
     * @example
     * ```ts
     * await cond.acquire(); await cond.waitFor(() => done.isSet()); cond.release();
     * ```
     */
    waitFor<R>(predicate: () => R, options?: WaitOptions): Promise<R>;
    /**
     * Wakes up to `n` waiters.
     *
     * @example
     * ```ts
     * cond.notify();
     * ```
     */
    notify(n?: number): void;
    /**
     * Wakes every waiter.
     *
     * @example
     * ```ts
     * cond.notifyAll();
     * ```
     */
    notifyAll(): void;
    /** @internal */
    [SHARE](backend: string): SharedData;
}
//# sourceMappingURL=condition.d.ts.map