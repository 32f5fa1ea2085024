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
export class Future {
    _p;
    _res;
    _rej;
    _state = 'pending';
    _v;
    /** @internal Called by cancel() while pending; returns whether the task was dropped. */
    _onCancel;
    /** @internal Called once when the future settles (for asCompleted). */
    _listeners;
    /** `'pending'` (queued), `'running'`, `'fulfilled'`, `'rejected'` or `'cancelled'`. */
    get state() {
        return this._state;
    }
    /** True once the future has a result, an error, or was cancelled. */
    done() {
        return this._state === 'fulfilled' || this._state === 'rejected' || this._state === 'cancelled';
    }
    /** True while the task runs in a worker. */
    running() {
        return this._state === 'running';
    }
    /** True when `cancel()` dropped the task. */
    cancelled() {
        return this._state === 'cancelled';
    }
    /** The result when fulfilled (else undefined); see `error` for failures. */
    get value() {
        return this._state === 'fulfilled' ? this._v : undefined;
    }
    /** The error when rejected or cancelled (else undefined). */
    get error() {
        return this._state === 'rejected' || this._state === 'cancelled' ? this._v : undefined;
    }
    /**
     * The result of a finished future (Python's `Future.result()` once done): the value, or throws
     * the task's error. Throws an Error while it is still pending or running (await the future instead).
     */
    result() {
        if (this._state === 'fulfilled')
            return this._v;
        if (this.done())
            throw this._v;
        throw new Error('the future has not finished: await it, or call result() on futures from asCompleted()');
    }
    /**
     * Drops the task if it is still queued (it then rejects with `CancelledError`) and returns true;
     * returns false once it runs or has finished (as Python's `Future.cancel`).
     */
    cancel() {
        if (this._state !== 'pending' || !this._onCancel)
            return false;
        return this._onCancel();
    }
    /** @internal */
    _setRunning() {
        if (this._state === 'pending')
            this._state = 'running';
    }
    /** @internal */
    _settle(ok, v, cancelled = false) {
        if (this.done())
            return;
        this._state = ok ? 'fulfilled' : cancelled ? 'cancelled' : 'rejected';
        this._v = v;
        if (this._p) {
            if (ok)
                this._res(v);
            else
                this._rej(v);
            this._res = this._rej = undefined;
        }
        const ls = this._listeners;
        if (ls) {
            this._listeners = undefined;
            for (const l of ls)
                l(this);
        }
    }
    /** The underlying promise (made on first use, so an unobserved failure raises no unhandled rejection). */
    promise() {
        if (!this._p) {
            if (this._state === 'fulfilled')
                this._p = Promise.resolve(this._v);
            else if (this.done())
                this._p = Promise.reject(this._v);
            else
                this._p = new Promise((res, rej) => {
                    this._res = res;
                    this._rej = rej;
                });
        }
        return this._p;
    }
    // biome-ignore lint/suspicious/noThenProperty: a Future is promise-like on purpose
    then(onfulfilled, onrejected) {
        return this.promise().then(onfulfilled, onrejected);
    }
    /** Like `Promise.prototype.catch`. */
    catch(onrejected) {
        return this.promise().catch(onrejected);
    }
    /** Like `Promise.prototype.finally`. */
    finally(f) {
        return this.promise().finally(f);
    }
}
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
export function asCompleted(futures) {
    if (futures === null || typeof futures?.[Symbol.iterator] !== 'function') {
        throw new TypeError('asCompleted(futures): futures must be an iterable of futures');
    }
    const list = [...futures];
    for (const [i, f] of list.entries())
        if (!(f instanceof Future))
            throw new TypeError(`asCompleted(futures): futures[${i}] is not a Future`);
    // Finished futures wait in `ready`; callers of next() that found none wait in `waiters` (FIFO), so
    // concurrent next() calls (e.g. several consumers of one iterator) each get their own future.
    const ready = [];
    const waiters = [];
    const seen = new Set(); // a future listed twice is yielded once (as Python's as_completed)
    const deliver = (f) => {
        const w = waiters.shift();
        if (w)
            w({ value: f, done: false });
        else
            ready.push(f);
    };
    for (const f of list) {
        if (seen.has(f))
            continue;
        seen.add(f);
        if (f.done())
            ready.push(f);
        else {
            f._listeners ??= [];
            f._listeners.push(deliver);
        }
    }
    let left = seen.size;
    const finished = () => ({ value: undefined, done: true });
    const it = {
        next() {
            if (left === 0)
                return Promise.resolve(finished());
            left--;
            const f = ready.shift();
            if (f)
                return Promise.resolve({ value: f, done: false });
            return new Promise((r) => waiters.push(r));
        },
        async return() {
            left = 0;
            for (const w of waiters.splice(0))
                w(finished());
            for (const f of seen) {
                const i = f._listeners?.indexOf(deliver) ?? -1;
                if (i >= 0)
                    f._listeners.splice(i, 1);
            }
            return finished();
        },
        [Symbol.asyncIterator]() {
            return it;
        },
    };
    return it;
}
//# sourceMappingURL=future.js.map