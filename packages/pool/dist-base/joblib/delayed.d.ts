/** `delayed(fn)(...args)`: a call captured for {@link Parallel}, as in joblib. */
import type { AnyFn, FnOf, Runnable } from '../types.js';
/** A captured call `fn(...args)` whose result is `T`; made by {@link delayed}, run by `Parallel`. */
export interface Delayed<T = unknown> {
    /** The function (or module task reference) to call. */
    readonly fn: Runnable;
    /** Its arguments. */
    readonly args: readonly unknown[];
    /** Type-only marker of the result. */
    readonly __result?: T;
}
/**
 * Captures a call for `Parallel`: `delayed(fn)(...args)` runs `fn(...args)` later, in a worker. `fn` is a
 * self-contained function (shipped by its source), a `task(url, name)` module reference, or a function from
 * `memory.cache(...)`.
 *
 * @example
 * ```ts
 * import { Parallel, delayed } from '@polycore/pool';
 * const out = await new Parallel({ nJobs: -1 })([1, 2, 3].map((x) => delayed((v: number) => v ** 2)(x)));
 * ```
 */
export declare function delayed<R extends Runnable>(fn: R): (...args: Parameters<FnOf<R>>) => Delayed<Awaited<ReturnType<FnOf<R>>>>;
/**
 * True when `v` was made by `delayed(fn)(...args)`.
 *
 * @example
 * ```ts
 * isDelayed(delayed(Math.abs)(-1)); // true
 * isDelayed(Math.abs(-1)); // false
 * ```
 */
export declare function isDelayed(v: unknown): v is Delayed;
/** Describes a task that is not a `delayed(...)` call, for the TypeError. */
export declare function notDelayedError(index: number, v: unknown): TypeError;
/** The function type a {@link Delayed} will call (for typing helpers). */
export type DelayedFn = AnyFn;
//# sourceMappingURL=delayed.d.ts.map