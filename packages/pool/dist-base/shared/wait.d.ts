import { type Region } from './region.js';
/** Returned by the loops when the timeout passed. */
export declare const TIMED_OUT: unique symbol;
/** Options of blocking calls. */
export interface WaitOptions {
    /** Milliseconds to wait at most (default: forever). */
    timeout?: number;
    /** Aborts the wait (rejects with the signal's reason). */
    signal?: AbortSignal;
}
/** What to wait for. */
export interface Blocker<T> {
    region: Region;
    /** Index of the word that changes whenever `attempt` may succeed. */
    word: number;
    /** Index of the waiters counter of `word`. */
    waiters: number;
    /**
     * Index of a "wake pending" flag, if the waker uses one ({@link wake} with `pending`): a sleeper
     * clears it when it wakes, so wakers skip the notify syscall while a wake-up is already on its way.
     */
    pending?: number;
    /** Tries to make progress; `undefined` means "not yet". */
    attempt(): T | undefined;
    /** Called after each wait slice that timed out (e.g. to recover a lock from a dead owner). */
    onSlice?(): T | undefined;
}
/**
 * Blocks this thread until `b.attempt()` yields or `timeout` passes.
 *
 * @example
 * ```ts
 * const got = blockSync({ region, word: 0, waiters: 1, attempt: () => (Atomics.load(region.i32, 0) ? true : undefined) }, 100);
 * ```
 */
export declare function blockSync<T>(b: Blocker<T>, timeout: number): T | typeof TIMED_OUT;
/**
 * Waits (without blocking the event loop) until `b.attempt()` yields, `timeout` passes
 * (→ {@link TIMED_OUT}) or `signal` aborts (→ rejects with its reason).
 *
 * @example
 * ```ts
 * const r = await blockAsync(blocker, 1000, undefined);
 * if (r === TIMED_OUT) console.log('gave up');
 * ```
 */
export declare function blockAsync<T>(b: Blocker<T>, timeout: number, signal: AbortSignal | undefined): Promise<T | typeof TIMED_OUT>;
/**
 * Bumps `word` and wakes up to `count` sleepers on it when its waiters counter says there are any.
 * With `pending` (a flag word the sleepers' {@link Blocker} names too), only the first waker after
 * a sleeper went to sleep makes the syscall. Sleeps are sliced, so a skipped wake-up costs at most
 * one slice of latency, never a hang.
 *
 * @example
 * ```ts
 * wake(region, SEQ, SEQ_WAITERS, 1);
 * ```
 */
export declare function wake(region: Region, word: number, waiters: number, count?: number, pending?: number): void;
/**
 * Like {@link wake}, but for state that `attempt` reads directly (e.g. a message count): bumps
 * `word` only when someone waits, saving a contended atomic on the fast path. Correct because a
 * sleeper announces itself (waiters + 1) before its last attempt: either this sees the sleeper,
 * or the sleeper's attempt sees the new state.
 *
 * @example
 * ```ts
 * wakeIfWaiting(region, NE_SEQ, NE_WAITERS, 1, NE_PENDING);
 * ```
 */
export declare function wakeIfWaiting(region: Region, word: number, waiters: number, count: number, pending: number): void;
/** Parsed `{ timeout, signal }` options (TypeError/RangeError naming bad ones). */
export declare function waitOpts(opts: WaitOptions | undefined): {
    timeout: number;
    signal: AbortSignal | undefined;
};
//# sourceMappingURL=wait.d.ts.map