/**
 * `Lock` and `RLock`: robust mutexes in shared memory. Layout (Int32 words from `base`, `base`
 * even): [state 0|1 (RLock: depth), waiters, owner (BigInt64: pid << 32 | threadId), wake pending,
 * spare]. A release notifies a sleeper only when no wake-up is already on its way (the pending
 * flag, cleared by the sleeper as it wakes), so a holder that re-takes the lock many times while
 * a waiter is being woken makes one syscall, not one per release.
 * A waiter that sleeps a whole slice checks whether the owner's process (or, in this process, its
 * thread) is still alive; if not it takes the lock over (like a robust mutex's EOWNERDEAD) and
 * `recovered` reports it, so a process that dies holding the lock cannot deadlock the others.
 * @module
 */
import { threadId } from 'node:worker_threads';
import { TimeoutError } from './errors.js';
import { shmBinding } from './native.js';
import { Region } from './region.js';
import { registerKind, SHARE } from './shareable.js';
import { blockAsync, blockSync, TIMED_OUT, waitOpts } from './wait.js';
/** Int32 words a lock occupies. */
export const LOCK_WORDS = 6;
const STATE = 0;
const WAITERS = 1;
const OWNER = 2;
const PENDING = 4;
const ME = (BigInt(process.pid) << 32n) | BigInt(threadId);
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
/** Whether the thread recorded as `owner` still exists (unknown → true). */
export function ownerAlive(owner) {
    const pid = Number(owner >> 32n);
    const tid = Number(owner & 0xffffffffn);
    if (pid !== process.pid)
        return processAlive(pid);
    const b = shmBinding();
    return b ? b.threadAlive(tid) : true;
}
/** Validates lock options; returns the memory kind. */
export function checkLockOptions(options) {
    if (options === undefined)
        return 'auto';
    if (options === null || typeof options !== 'object')
        throw new TypeError('options must be an object');
    const m = options.memory ?? 'auto';
    if (m !== 'auto' && m !== 'shm' && m !== 'sab')
        throw new TypeError(`options.memory must be 'auto', 'shm' or 'sab', got ${String(m)}`);
    return m;
}
/** @internal Shared state of Lock/RLock. */
class MutexBase {
    /** @internal */ region;
    /** @internal */ base;
    #i64;
    #ownerIdx;
    #recovered = false;
    /** @internal */
    constructor(region, base = 0, memory = 'auto') {
        this.region = region ?? Region.create(LOCK_WORDS * 4, memory);
        this.base = base;
        shmBinding(); // registers this thread as alive, so waiters elsewhere can tell if it dies holding the lock
        this.#i64 = new BigInt64Array(this.region.buffer, 0, this.region.buffer.byteLength >> 3);
        this.#ownerIdx = (base + OWNER) >> 1;
    }
    /** True when the last successful acquire took the lock over from a dead owner (state may be inconsistent). */
    get recovered() {
        return this.#recovered;
    }
    /** Whether someone holds the lock. */
    locked() {
        return Atomics.load(this.region.i32, this.base + STATE) !== 0;
    }
    /** @internal */ get owner() {
        return Atomics.load(this.#i64, this.#ownerIdx);
    }
    /** @internal */ attempt() {
        const i32 = this.region.i32;
        // Test before test-and-set: spinning waiters only read the line until it looks free (a plain
        // read: only a hint). The owner field is only read by waiters checking for a dead owner, a
        // slice later: plain stores suffice (Atomics calls are not inlined by V8, ~7 ns each).
        if (i32[this.base + STATE] === 0 && Atomics.compareExchange(i32, this.base + STATE, 0, 1) === 0) {
            this.#i64[this.#ownerIdx] = ME;
            this.#recovered = false;
            return true;
        }
        return undefined;
    }
    /** Takes the lock over when its owner died. */
    #recover() {
        const o = Atomics.load(this.#i64, this.#ownerIdx);
        if (o === 0n || ownerAlive(o))
            return undefined;
        if (Atomics.compareExchange(this.#i64, this.#ownerIdx, o, ME) !== o)
            return undefined;
        Atomics.store(this.region.i32, this.base + STATE, 1);
        this.onRecover();
        this.#recovered = true;
        return true;
    }
    /** @internal */ onRecover() { }
    #blocker() {
        return {
            region: this.region,
            word: this.base + STATE,
            waiters: this.base + WAITERS,
            pending: this.base + PENDING,
            attempt: () => this.attempt(),
            onSlice: () => this.#recover(),
        };
    }
    /** @internal */ acquireSyncImpl(timeout) {
        return blockSync(this.#blocker(), timeout) !== TIMED_OUT;
    }
    /** @internal */ async acquireImpl(opts) {
        const { timeout, signal } = waitOpts(opts);
        if (this.attempt())
            return true;
        return (await blockAsync(this.#blocker(), timeout, signal)) !== TIMED_OUT;
    }
    /** @internal Blocking acquire without option parsing (internal critical sections). */
    enter() {
        if (this.attempt() === undefined)
            this.acquireSyncImpl(Infinity);
    }
    /** @internal Release without checks (internal critical sections). */
    exit() {
        this.unlock();
    }
    /** @internal */ unlock() {
        const i32 = this.region.i32;
        this.#i64[this.#ownerIdx] = 0n; // ordered before the release below
        Atomics.store(i32, this.base + STATE, 0);
        if (Atomics.load(i32, this.base + WAITERS) > 0 && Atomics.exchange(i32, this.base + PENDING, 1) === 0)
            this.region.notify(this.base + STATE, 1);
    }
    /** @internal */ ownedByMe() {
        return Atomics.load(this.#i64, this.#ownerIdx) === ME;
    }
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
export class Lock extends MutexBase {
    /** `at` (internal): an existing lock's memory. */
    constructor(options = {}, at) {
        super(at?.region, at?.base ?? 0, checkLockOptions(options));
    }
    /**
     * Waits for the lock; resolves true, or false when `timeout` passed.
     *
     * @example
     * ```ts
     * if (await lock.acquire({ timeout: 100 })) lock.release();
     * ```
     */
    acquire(options) {
        return this.acquireImpl(options);
    }
    /**
     * Blocking acquire for worker code (blocks the thread); false when `timeout` passed.
     *
     * @example
     * ```ts
     * lock.acquireSync(); try { counter.value++; } finally { lock.release(); }
     * ```
     */
    acquireSync(options) {
        return this.acquireSyncImpl(waitOpts(options).timeout);
    }
    /**
     * Releases the lock; throws if it is not locked.
     *
     * @example
     * ```ts
     * lock.release();
     * ```
     */
    release() {
        if (!this.locked())
            throw new Error('release() of an unlocked Lock');
        this.unlock();
    }
    /**
     * Runs `fn` holding the lock (released even when `fn` throws).
     *
     * @example
     * ```ts
     * await lock.withLock(() => { counter.value += 1; });
     * ```
     */
    async withLock(fn, options) {
        if (!(await this.acquire(options)))
            throw new TimeoutError('timed out acquiring the lock');
        try {
            return await fn();
        }
        finally {
            this.release();
        }
    }
    /** @internal */
    [SHARE](backend) {
        return { k: 'Lock', r: this.region.handleFor(backend, 'this Lock'), o: this.base };
    }
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
export class RLock extends MutexBase {
    /** `at` (internal): an existing lock's memory. */
    constructor(options = {}, at) {
        super(at?.region, at?.base ?? 0, checkLockOptions(options));
    }
    /** @internal */ attempt() {
        if (this.ownedByMe()) {
            Atomics.add(this.region.i32, this.base, 1);
            return true;
        }
        return super.attempt();
    }
    /**
     * Waits for the lock (immediately when this thread holds it); false when `timeout` passed.
     *
     * @example
     * ```ts
     * await rlock.acquire({ timeout: 1000 });
     * ```
     */
    acquire(options) {
        return this.acquireImpl(options);
    }
    /**
     * Blocking acquire for worker code.
     *
     * @example
     * ```ts
     * rlock.acquireSync();
     * ```
     */
    acquireSync(options) {
        return this.acquireSyncImpl(waitOpts(options).timeout);
    }
    /**
     * Releases one level; throws when this thread does not hold the lock.
     *
     * @example
     * ```ts
     * rlock.release();
     * ```
     */
    release() {
        if (!this.ownedByMe())
            throw new Error('release() of an RLock this thread does not hold');
        if (Atomics.load(this.region.i32, this.base) > 1)
            Atomics.sub(this.region.i32, this.base, 1);
        else
            this.unlock();
    }
    /** @internal Releases every level (Condition.wait); returns the depth to restore. */
    releaseAll() {
        if (!this.ownedByMe())
            throw new Error('release() of an RLock this thread does not hold');
        const depth = Atomics.load(this.region.i32, this.base);
        this.unlock();
        return depth;
    }
    /** @internal Restores the depth saved by releaseAll after re-acquiring. */
    restoreDepth(depth) {
        if (depth > 1)
            Atomics.add(this.region.i32, this.base, depth - 1);
    }
    /** @internal */
    [SHARE](backend) {
        return { k: 'RLock', r: this.region.handleFor(backend, 'this RLock'), o: this.base };
    }
}
registerKind('Lock', (d) => new Lock({}, { region: Region.from(d.r), base: d.o }));
registerKind('RLock', (d) => new RLock({}, { region: Region.from(d.r), base: d.o }));
//# sourceMappingURL=mutex.js.map