/**
 * `Barrier` in shared memory: words [arrived, generation, broken, waiters, parties].
 * @module
 */
import { BrokenBarrierError } from './errors.js';
import { atOf, memoryOf, place } from './primitive.js';
import { registerKind, SHARE } from './shareable.js';
import { blockAsync, blockSync, TIMED_OUT, waitOpts, wake } from './wait.js';
const COUNT = 0;
const GEN = 1;
const BROKEN = 2;
const WAITERS = 3;
const PARTIES = 4;
/**
 * Lets `parties` threads/processes wait for each other (Python's `multiprocessing.Barrier`).
 * A waiter that times out breaks the barrier: every current and later waiter gets
 * {@link BrokenBarrierError} until `reset()`.
 *
 * @example
 * ```ts
 * import { Barrier } from '@polycore/pool';
 * const b = new Barrier(3); // pass to 3 workers; each calls:
 * const i = await b.wait(); // 0..2, once all 3 arrived
 * ```
 */
export class Barrier {
    #at;
    /** `parties`: how many must arrive (integer >= 1). `at` is internal. */
    constructor(parties, options = {}, at) {
        if (at === undefined) {
            if (typeof parties !== 'number')
                throw new TypeError(`parties must be a number, got ${typeof parties}`);
            if (!Number.isInteger(parties) || parties < 1)
                throw new RangeError(`parties must be a positive integer, got ${parties}`);
        }
        this.#at = place(at, 6, memoryOf(options));
        if (at === undefined)
            Atomics.store(this.#at.region.i32, this.#at.base + PARTIES, parties);
    }
    /** How many must arrive. */
    get parties() {
        return Atomics.load(this.#at.region.i32, this.#at.base + PARTIES);
    }
    /** How many are waiting now. */
    get nWaiting() {
        return Atomics.load(this.#at.region.i32, this.#at.base + COUNT);
    }
    /** Whether the barrier is broken. */
    get broken() {
        return Atomics.load(this.#at.region.i32, this.#at.base + BROKEN) === 1;
    }
    /** Arrives; returns [index, blocker] or the index when this arrival released the others. */
    #arrive() {
        const { region, base } = this.#at;
        const i32 = region.i32;
        if (this.broken)
            throw new BrokenBarrierError('the barrier is broken');
        const gen = Atomics.load(i32, base + GEN);
        const index = Atomics.add(i32, base + COUNT, 1);
        if (index + 1 >= this.parties) {
            Atomics.store(i32, base + COUNT, 0);
            wake(region, base + GEN, base + WAITERS);
            return index;
        }
        return { index, gen };
    }
    #blocker(gen, index) {
        const { region, base } = this.#at;
        return {
            region,
            word: base + GEN,
            waiters: base + WAITERS,
            attempt: () => {
                if (this.broken)
                    throw new BrokenBarrierError('the barrier is broken');
                return Atomics.load(region.i32, base + GEN) !== gen ? index : undefined;
            },
        };
    }
    /**
     * Waits until `parties` have called `wait`; resolves this arrival's index (0..parties-1).
     *
     * @example
     * ```ts
     * const i = await barrier.wait({ timeout: 5000 });
     * ```
     */
    async wait(options) {
        const { timeout, signal } = waitOpts(options);
        const a = this.#arrive();
        if (typeof a === 'number')
            return a;
        const r = await blockAsync(this.#blocker(a.gen, a.index), timeout, signal).catch((e) => {
            if (!(e instanceof BrokenBarrierError))
                this.abort();
            throw e;
        });
        if (r === TIMED_OUT) {
            this.abort();
            throw new BrokenBarrierError('timed out waiting at the barrier (it is now broken)');
        }
        return r;
    }
    /**
     * Blocking wait for worker code.
     *
     * @example
     * ```ts
     * barrier.waitSync();
     * ```
     */
    waitSync(options) {
        const { timeout } = waitOpts(options);
        const a = this.#arrive();
        if (typeof a === 'number')
            return a;
        const r = blockSync(this.#blocker(a.gen, a.index), timeout);
        if (r === TIMED_OUT) {
            this.abort();
            throw new BrokenBarrierError('timed out waiting at the barrier (it is now broken)');
        }
        return r;
    }
    /**
     * Breaks the barrier: current and later waiters get BrokenBarrierError.
     *
     * @example
     * ```ts
     * barrier.abort();
     * ```
     */
    abort() {
        const { region, base } = this.#at;
        Atomics.store(region.i32, base + BROKEN, 1);
        wake(region, base + GEN, base + WAITERS);
    }
    /**
     * Returns the barrier to its initial state (waiters of the current round get BrokenBarrierError).
     *
     * @example
     * ```ts
     * barrier.reset();
     * ```
     */
    reset() {
        const { region, base } = this.#at;
        if (Atomics.load(region.i32, base + COUNT) > 0)
            this.abort();
        Atomics.store(region.i32, base + COUNT, 0);
        Atomics.store(region.i32, base + BROKEN, 0);
    }
    /** @internal */
    [SHARE](backend) {
        return { k: 'Barrier', r: this.#at.region.handleFor(backend, 'this Barrier'), o: this.#at.base };
    }
}
registerKind('Barrier', (d) => new Barrier(1, {}, atOf(d)));
//# sourceMappingURL=barrier.js.map