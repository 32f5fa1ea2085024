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
export class Full extends Error {
    name = 'Full';
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
export class Empty extends Error {
    name = 'Empty';
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
export class ClosedError extends Error {
    name = 'ClosedError';
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
export class TimeoutError extends Error {
    name = 'TimeoutError';
}
/** A TypeError naming `arg` when `v` is not a non-negative finite number (or undefined). */
export function checkTimeout(v, arg = 'timeout') {
    if (v === undefined || v === null)
        return Infinity;
    if (typeof v !== 'number' || Number.isNaN(v))
        throw new TypeError(`${arg} must be a number of milliseconds, got ${typeof v}`);
    if (v < 0)
        throw new RangeError(`${arg} must be >= 0, got ${v}`);
    return v;
}
/** A TypeError when `signal` is not an AbortSignal (or undefined). */
export function checkSignal(signal, arg = 'signal') {
    if (signal === undefined || signal === null)
        return undefined;
    if (!(signal instanceof AbortSignal))
        throw new TypeError(`${arg} must be an AbortSignal`);
    return signal;
}
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
export class BrokenBarrierError extends Error {
    name = 'BrokenBarrierError';
}
//# sourceMappingURL=errors.js.map