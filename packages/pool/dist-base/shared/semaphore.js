/**
 * `Semaphore` and `BoundedSemaphore` in shared memory: words [value, waiters, max (bounded: > 0)].
 * @module
 */
import { atOf, memoryOf, place } from './primitive.js';
import { registerKind, SHARE } from './shareable.js';
import { blockAsync, blockSync, TIMED_OUT, waitOpts } from './wait.js';
const VALUE = 0;
const WAITERS = 1;
const MAX = 2;
/**
 * A counting semaphore shared by threads and processes (Python's `multiprocessing.Semaphore`).
 *
 * @example
 * ```ts
 * import { Semaphore } from '@polycore/pool';
 * const slots = new Semaphore(2);
 * await slots.acquire(); try { ... } finally { slots.release(); }
 * ```
 */
export class Semaphore {
    #at;
    /** `value`: initial count (integer >= 0). `at` is internal. */
    constructor(value = 1, options = {}, at) {
        if (at === undefined) {
            if (typeof value !== 'number')
                throw new TypeError(`value must be a number, got ${typeof value}`);
            if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff)
                throw new RangeError(`value must be an integer in [0, 2^31), got ${value}`);
        }
        this.#at = place(at, 4, memoryOf(options));
        if (at === undefined)
            Atomics.store(this.#at.region.i32, this.#at.base + VALUE, value);
    }
    /** Current count. */
    get value() {
        return Atomics.load(this.#at.region.i32, this.#at.base + VALUE);
    }
    #attempt = () => {
        const i32 = this.#at.region.i32;
        const i = this.#at.base + VALUE;
        for (;;) {
            const v = Atomics.load(i32, i);
            if (v <= 0)
                return undefined;
            if (Atomics.compareExchange(i32, i, v, v - 1) === v)
                return true;
        }
    };
    #blocker() {
        const { region, base } = this.#at;
        return { region, word: base + VALUE, waiters: base + WAITERS, attempt: this.#attempt };
    }
    /**
     * Decrements the count, waiting while it is 0; false when `timeout` passed.
     *
     * @example
     * ```ts
     * if (await sem.acquire({ timeout: 50 })) sem.release();
     * ```
     */
    async acquire(options) {
        const { timeout, signal } = waitOpts(options);
        if (this.#attempt())
            return true;
        return (await blockAsync(this.#blocker(), timeout, signal)) !== TIMED_OUT;
    }
    /**
     * Blocking acquire for worker code.
     *
     * @example
     * ```ts
     * sem.acquireSync({ timeout: 1000 });
     * ```
     */
    acquireSync(options) {
        return blockSync(this.#blocker(), waitOpts(options).timeout) !== TIMED_OUT;
    }
    /**
     * Increments the count by `n` and wakes waiters. A bounded semaphore throws a RangeError when the
     * count would exceed its initial value.
     *
     * @example
     * ```ts
     * sem.release();
     * ```
     */
    release(n = 1) {
        if (!Number.isInteger(n) || n < 1)
            throw new RangeError(`n must be a positive integer, got ${n}`);
        const { region, base } = this.#at;
        const max = Atomics.load(region.i32, base + MAX);
        if (max > 0) {
            for (;;) {
                const v = Atomics.load(region.i32, base + VALUE);
                if (v + n > max)
                    throw new RangeError(`BoundedSemaphore released too many times (max ${max})`);
                if (Atomics.compareExchange(region.i32, base + VALUE, v, v + n) === v)
                    break;
            }
        }
        else {
            Atomics.add(region.i32, base + VALUE, n);
        }
        if (Atomics.load(region.i32, base + WAITERS) > 0)
            region.notify(base + VALUE, n);
    }
    /** @internal */ setMax(max) {
        Atomics.store(this.#at.region.i32, this.#at.base + MAX, max);
    }
    /** @internal */
    [SHARE](backend) {
        return { k: 'Semaphore', r: this.#at.region.handleFor(backend, 'this Semaphore'), o: this.#at.base };
    }
}
/**
 * A semaphore whose `release()` throws a RangeError past its initial value.
 *
 * @example
 * ```ts
 * import { BoundedSemaphore } from '@polycore/pool';
 * const s = new BoundedSemaphore(1);
 * s.release(); // RangeError
 * ```
 */
export class BoundedSemaphore extends Semaphore {
    constructor(value = 1, options = {}, at) {
        super(value, options, at);
        if (at === undefined) {
            if (value < 1)
                throw new RangeError(`value must be >= 1 for a BoundedSemaphore, got ${value}`);
            this.setMax(value);
        }
    }
}
registerKind('Semaphore', (d) => new Semaphore(0, {}, atOf(d)));
//# sourceMappingURL=semaphore.js.map