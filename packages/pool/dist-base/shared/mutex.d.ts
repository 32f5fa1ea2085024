import { type MemoryKind, Region } from './region.js';
import { SHARE, type Shareable, type SharedData } from './shareable.js';
import { type WaitOptions } from './wait.js';
/** Int32 words a lock occupies. */
export declare const LOCK_WORDS = 6;
/** Whether the thread recorded as `owner` still exists (unknown → true). */
export declare function ownerAlive(owner: bigint): boolean;
/** Options of lock constructors. */
export interface LockOptions {
    /** Memory: 'auto' (native shared memory when available, else SharedArrayBuffer), 'shm' or 'sab'. */
    memory?: MemoryKind;
}
/** Validates lock options; returns the memory kind. */
export declare function checkLockOptions(options: LockOptions | undefined): MemoryKind;
/** @internal Shared state of Lock/RLock. */
declare abstract class MutexBase implements Shareable {
    #private;
    /** @internal */ readonly region: Region;
    /** @internal */ readonly base: number;
    /** @internal */
    constructor(region?: Region, base?: number, memory?: MemoryKind);
    /** True when the last successful acquire took the lock over from a dead owner (state may be inconsistent). */
    get recovered(): boolean;
    /** Whether someone holds the lock. */
    locked(): boolean;
    /** @internal */ protected get owner(): bigint;
    /** @internal */ protected attempt(): true | undefined;
    /** @internal */ protected onRecover(): void;
    /** @internal */ protected acquireSyncImpl(timeout: number): boolean;
    /** @internal */ protected acquireImpl(opts: WaitOptions | undefined): Promise<boolean>;
    /** @internal Blocking acquire without option parsing (internal critical sections). */
    enter(): void;
    /** @internal Release without checks (internal critical sections). */
    exit(): void;
    /** @internal */ protected unlock(): void;
    /** @internal */ protected ownedByMe(): boolean;
    abstract [SHARE](backend: string): SharedData;
}
/**
 * A mutual-exclusion lock shared by threads and processes (Python's `multiprocessing.Lock`).
 * Any thread may release it. If its holder dies, a waiter takes it over (see {@link Lock.recovered}).
 *
 * @example
 * ```ts
 * import { Lock } from '@polycore/pool';
 * const lock = new Lock();
 * await lock.withLock(async () => { ... }); // or: await lock.acquire(); try { ... } finally { lock.release(); }
 * ```
 */
export declare class Lock extends MutexBase {
    /** `at` (internal): an existing lock's memory. */
    constructor(options?: LockOptions, at?: {
        region: Region;
        base: number;
    });
    /**
     * Waits for the lock; resolves true, or false when `timeout` passed.
     *
     * @example
     * ```ts
     * if (await lock.acquire({ timeout: 100 })) lock.release();
     * ```
     */
    acquire(options?: WaitOptions): Promise<boolean>;
    /**
     * Blocking acquire for worker code (blocks the thread); false when `timeout` passed.
     *
     * @example
     * ```ts
     * lock.acquireSync(); try { counter.value++; } finally { lock.release(); }
     * ```
     */
    acquireSync(options?: {
        timeout?: number;
    }): boolean;
    /**
     * Releases the lock; throws if it is not locked.
     *
     * @example
     * ```ts
     * lock.release();
     * ```
     */
    release(): void;
    /**
     * Runs `fn` holding the lock (released even when `fn` throws).
     *
     * @example
     * ```ts
     * await lock.withLock(() => { counter.value += 1; });
     * ```
     */
    withLock<R>(fn: () => R | Promise<R>, options?: WaitOptions): Promise<R>;
    /** @internal */
    [SHARE](backend: string): SharedData;
}
/**
 * A re-entrant lock (Python's `multiprocessing.RLock`): the owning thread may acquire it again and
 * must release it as many times. Note: all async code on one thread counts as one owner.
 *
 * @example
 * ```ts
 * import { RLock } from '@polycore/pool';
 * const r = new RLock();
 * await r.acquire(); await r.acquire(); r.release(); r.release();
 * ```
 */
export declare class RLock extends MutexBase {
    /** `at` (internal): an existing lock's memory. */
    constructor(options?: LockOptions, at?: {
        region: Region;
        base: number;
    });
    /** @internal */ protected attempt(): true | undefined;
    /**
     * Waits for the lock (immediately when this thread holds it); false when `timeout` passed.
     *
     * @example
     * ```ts
     * await rlock.acquire({ timeout: 1000 });
     * ```
     */
    acquire(options?: WaitOptions): Promise<boolean>;
    /**
     * Blocking acquire for worker code.
     *
     * @example
     * ```ts
     * rlock.acquireSync();
     * ```
     */
    acquireSync(options?: {
        timeout?: number;
    }): boolean;
    /**
     * Releases one level; throws when this thread does not hold the lock.
     *
     * @example
     * ```ts
     * rlock.release();
     * ```
     */
    release(): void;
    /** @internal Releases every level (Condition.wait); returns the depth to restore. */
    releaseAll(): number;
    /** @internal Restores the depth saved by releaseAll after re-acquiring. */
    restoreDepth(depth: number): void;
    /** @internal */
    [SHARE](backend: string): SharedData;
}
export {};
//# sourceMappingURL=mutex.d.ts.map