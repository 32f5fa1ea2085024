/**
 * `Event`: a flag in shared memory that waiters block on: words [flag, waiters].
 * @module
 */
import { atOf, memoryOf, place } from './primitive.js';
import { registerKind, SHARE } from './shareable.js';
import { blockAsync, blockSync, TIMED_OUT, waitOpts } from './wait.js';
/**
 * A flag shared by threads and processes (Python's `multiprocessing.Event`).
 *
 * @example
 * ```ts
 * import { Event } from '@polycore/pool';
 * const ready = new Event();
 * setTimeout(() => ready.set(), 10);
 * await ready.wait(); // true
 * ```
 */
export class Event {
    #at;
    /** `at` is internal. */
    constructor(options = {}, at) {
        this.#at = place(at, 2, memoryOf(options));
    }
    /** Whether the flag is set. */
    isSet() {
        return Atomics.load(this.#at.region.i32, this.#at.base) === 1;
    }
    /**
     * Sets the flag and wakes every waiter.
     *
     * @example
     * ```ts
     * ev.set();
     * ```
     */
    set() {
        const { region, base } = this.#at;
        Atomics.store(region.i32, base, 1);
        if (Atomics.load(region.i32, base + 1) > 0)
            region.notify(base);
    }
    /**
     * Clears the flag.
     *
     * @example
     * ```ts
     * ev.clear();
     * ```
     */
    clear() {
        Atomics.store(this.#at.region.i32, this.#at.base, 0);
    }
    #blocker() {
        const { region, base } = this.#at;
        return { region, word: base, waiters: base + 1, attempt: () => (this.isSet() ? true : undefined) };
    }
    /**
     * Waits until the flag is set; resolves false when `timeout` passed first.
     *
     * @example
     * ```ts
     * const ok = await ev.wait({ timeout: 1000 });
     * ```
     */
    async wait(options) {
        const { timeout, signal } = waitOpts(options);
        if (this.isSet())
            return true;
        return (await blockAsync(this.#blocker(), timeout, signal)) !== TIMED_OUT;
    }
    /**
     * Blocking wait for worker code.
     *
     * @example
     * ```ts
     * ev.waitSync({ timeout: 1000 });
     * ```
     */
    waitSync(options) {
        return blockSync(this.#blocker(), waitOpts(options).timeout) !== TIMED_OUT;
    }
    /** @internal */
    [SHARE](backend) {
        return { k: 'Event', r: this.#at.region.handleFor(backend, 'this Event'), o: this.#at.base };
    }
}
registerKind('Event', (d) => new Event({}, atOf(d)));
//# sourceMappingURL=event.js.map