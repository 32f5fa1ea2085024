/**
 * joblib's `Parallel` for Node: `await new Parallel({ nJobs: -1 })(tasks)` where `tasks` is any iterable or
 * generator of `delayed(fn)(...args)`.
 */
import type { Delayed } from './delayed.js';
import { type ParallelOptions } from './parallel-options.js';
/** What one task gives with `onError: 'settle'` (the shape of `Promise.allSettled`). */
export type Settled<T> = {
    status: 'fulfilled';
    value: T;
} | {
    status: 'rejected';
    reason: unknown;
};
/** The tasks a `Parallel` call accepts. */
export type TaskSource<T> = Iterable<Delayed<T>> | AsyncIterable<Delayed<T>>;
/** How results come back (the `returnAs` option). */
export type ReturnAs = 'array' | 'generator' | 'unordered';
/** What a failing task does (the `onError` option). */
export type OnError = 'raise' | 'settle';
type Item<T, E> = E extends 'settle' ? Settled<T> : T;
/** What calling a `Parallel` returns: a promise of an array, or an async generator for the streaming modes. */
export type ParallelResult<T, R extends ReturnAs = 'array', E extends OnError = 'raise'> = R extends 'array' ? Promise<Item<T, E>[]> : AsyncGenerator<Item<T, E>, void, undefined>;
/** A configured `Parallel`: call it with tasks. */
export interface Parallel<R extends ReturnAs = 'array', E extends OnError = 'raise'> {
    /** Runs `tasks` (an iterable or async iterable of `delayed(fn)(...args)`). */
    <T>(tasks: TaskSource<T>): ParallelResult<T, R, E>;
    /** The resolved number of workers. */
    readonly nJobs: number;
    /**
     * Shuts down the shared pool this Parallel runs on (idle workers never hold the process open, so this is
     * only needed to free their memory early); a later call starts a fresh pool. Pools you pass are left open.
     */
    close(): Promise<void>;
    [Symbol.asyncDispose](): Promise<void>;
}
/** `new Parallel(options)`: callable, typed by the options' `returnAs` and `onError`. */
export interface ParallelConstructor {
    new <R extends ReturnAs = 'array', E extends OnError = 'raise'>(options?: ParallelOptions & {
        returnAs?: R;
        onError?: E;
    }): Parallel<R, E>;
    readonly prototype: Parallel<ReturnAs, OnError>;
}
/**
 * Runs `delayed` calls in parallel, like joblib.Parallel. Create it with options, then call it with tasks:
 * the result is an array in input order (or an async iterable with `returnAs: 'generator' | 'unordered'`).
 * `nJobs: 1` runs everything here, in order (closures work, stack traces are yours).
 *
 * Workers are kept between calls in a pool shared by every Parallel with the same backend and nJobs (like
 * joblib's reusable loky executor; idle workers do not hold the process open). Pass your own Pool as
 * `backend` to control its lifetime.
 *
 * @example
 * ```ts
 * import { Parallel, delayed } from '@polycore/pool';
 * const sqrt = (x: number) => Math.sqrt(x);
 * const roots = await new Parallel({ nJobs: -1 })(Array.from({ length: 10 }, (_, i) => delayed(sqrt)(i ** 2)));
 * // [0, 1, 2, ..., 9]
 * ```
 */
export declare const Parallel: ParallelConstructor;
export {};
//# sourceMappingURL=parallel.d.ts.map