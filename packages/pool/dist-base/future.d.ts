/**
 * {@link Future}: the promise-like handle `submit` returns (concurrent.futures style), and
 * {@link asCompleted}.
 * @module
 */
import type { FutureState } from './types.js';
/**
 * The pending result of a submitted task. Await it (it is promise-like), or inspect it with
 * `state`/`done()`; `cancel()` drops it while it is still queued. An unobserved failure does not
 * raise an unhandled rejection (as in Python); awaiting it throws.
 *
 * @example
 * ```ts
 * const f = pool.submit((x: number) => x * 2, [21]);
 * console.log(await f); // 42
 * ```
 */
export declare class Future<T> implements PromiseLike<T> {
    private _p;
    private _res;
    private _rej;
    private _state;
    private _v;
    /** @internal Called by cancel() while pending; returns whether the task was dropped. */
    _onCancel: (() => boolean) | undefined;
    /** @internal Called once when the future settles (for asCompleted). */
    _listeners: ((f: Future<T>) => void)[] | undefined;
    /** `'pending'` (queued), `'running'`, `'fulfilled'`, `'rejected'` or `'cancelled'`. */
    get state(): FutureState;
    /** True once the future has a result, an error, or was cancelled. */
    done(): boolean;
    /** True while the task runs in a worker. */
    running(): boolean;
    /** True when `cancel()` dropped the task. */
    cancelled(): boolean;
    /** The result when fulfilled (else undefined); see `error` for failures. */
    get value(): T | undefined;
    /** The error when rejected or cancelled (else undefined). */
    get error(): unknown;
    /**
     * The result of a finished future (Python's `Future.result()` once done): the value, or throws
     * the task's error. Throws an Error while it is still pending or running (await the future instead).
     */
    result(): T;
    /**
     * Drops the task if it is still queued (it then rejects with `CancelledError`) and returns true;
     * returns false once it runs or has finished (as Python's `Future.cancel`).
     */
    cancel(): boolean;
    /** @internal */
    _setRunning(): void;
    /** @internal */
    _settle(ok: boolean, v: unknown, cancelled?: boolean): void;
    /** The underlying promise (made on first use, so an unobserved failure raises no unhandled rejection). */
    promise(): Promise<T>;
    then<A = T, B = never>(onfulfilled?: ((v: T) => A | PromiseLike<A>) | null, onrejected?: ((e: unknown) => B | PromiseLike<B>) | null): Promise<A | B>;
    /** Like `Promise.prototype.catch`. */
    catch<B = never>(onrejected?: ((e: unknown) => B | PromiseLike<B>) | null): Promise<T | B>;
    /** Like `Promise.prototype.finally`. */
    finally(f?: (() => void) | null): Promise<T>;
}
/**
 * A finished future as {@link asCompleted} yields it: typed without `then`, so that `for await`
 * gives the future itself (use `result()`, `value`, `error`, `state`).
 */
export type DoneFuture<T> = Omit<Future<T>, 'then' | 'catch' | 'finally'>;
/**
 * Yields the given futures as they finish (fastest first), like `concurrent.futures.as_completed`.
 * The yielded values are the finished futures themselves: call `result()` for the value (it throws
 * the task's error), or read `value`/`error`.
 *
 * @example
 * ```ts
 * const fs = [3, 1, 2].map((s) => pool.submit(sleepThenReturn, [s]));
 * for await (const f of asCompleted(fs)) console.log(f.result());
 * ```
 */
export declare function asCompleted<T>(futures: Iterable<Future<T>>): AsyncIterableIterator<DoneFuture<T>>;
//# sourceMappingURL=future.d.ts.map