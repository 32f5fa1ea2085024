/**
 * Errors of the shared primitives (Python's `queue.Full`/`queue.Empty`, closed channels).
 * @module
 */
/**
 * Thrown by `putNowait` (or `put` with a timeout) when a queue is full.
 *
 * @example
 * ```ts
 * import { Queue, Full } from '@polycore/pool';
 * const q = new Queue<number>({ maxsize: 1 });
 * q.putNowait(1);
 * try { q.putNowait(2); } catch (e) { console.log(e instanceof Full); } // true
 * ```
 */
export declare class Full extends Error {
    readonly name = "Full";
}
/**
 * Thrown by `getNowait` (or `get` with a timeout) when a queue is empty.
 *
 * @example
 * ```ts
 * import { Queue, Empty } from '@polycore/pool';
 * try { new Queue().getNowait(); } catch (e) { console.log(e instanceof Empty); } // true
 * ```
 */
export declare class Empty extends Error {
    readonly name = "Empty";
}
/**
 * Thrown when putting into a closed queue or pipe, or getting from one that is closed and empty.
 *
 * @example
 * ```ts
 * import { Queue, ClosedError } from '@polycore/pool';
 * const q = new Queue(); q.close();
 * await q.get().catch((e) => console.log(e instanceof ClosedError)); // true
 * ```
 */
export declare class ClosedError extends Error {
    readonly name = "ClosedError";
}
/**
 * Thrown by a blocking call whose `timeout` passed (locks, events, pipes' `recv`, `join`).
 *
 * @example
 * ```ts
 * import { Event, TimeoutError } from '@polycore/pool';
 * console.log(await new Event().wait({ timeout: 10 })); // false: Event.wait reports, not throws
 * ```
 */
export declare class TimeoutError extends Error {
    readonly name = "TimeoutError";
}
/** A TypeError naming `arg` when `v` is not a non-negative finite number (or undefined). */
export declare function checkTimeout(v: unknown, arg?: string): number;
/** A TypeError when `signal` is not an AbortSignal (or undefined). */
export declare function checkSignal(signal: unknown, arg?: string): AbortSignal | undefined;
/**
 * Thrown by `Barrier.wait` when the barrier is broken (aborted, reset, or a waiter timed out).
 *
 * @example
 * ```ts
 * import { Barrier, BrokenBarrierError } from '@polycore/pool';
 * const b = new Barrier(2); b.abort();
 * await b.wait().catch((e) => console.log(e instanceof BrokenBarrierError)); // true
 * ```
 */
export declare class BrokenBarrierError extends Error {
    readonly name = "BrokenBarrierError";
}
//# sourceMappingURL=errors.d.ts.map