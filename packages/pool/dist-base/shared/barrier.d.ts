import { type At } from './primitive.js';
import type { MemoryKind } from './region.js';
import { SHARE, type Shareable, type SharedData } from './shareable.js';
import { type WaitOptions } from './wait.js';
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
export declare class Barrier implements Shareable {
    #private;
    /** `parties`: how many must arrive (integer >= 1). `at` is internal. */
    constructor(parties: number, options?: {
        memory?: MemoryKind;
    }, at?: At);
    /** How many must arrive. */
    get parties(): number;
    /** How many are waiting now. */
    get nWaiting(): number;
    /** Whether the barrier is broken. */
    get broken(): boolean;
    /**
     * Waits until `parties` have called `wait`; resolves this arrival's index (0..parties-1).
     *
     * @example
     * ```ts
     * const i = await barrier.wait({ timeout: 5000 });
     * ```
     */
    wait(options?: WaitOptions): Promise<number>;
    /**
     * Blocking wait for worker code.
     *
     * @example
     * ```ts
     * barrier.waitSync();
     * ```
     */
    waitSync(options?: {
        timeout?: number;
    }): number;
    /**
     * Breaks the barrier: current and later waiters get BrokenBarrierError.
     *
     * @example
     * ```ts
     * barrier.abort();
     * ```
     */
    abort(): void;
    /**
     * Returns the barrier to its initial state (waiters of the current round get BrokenBarrierError).
     *
     * @example
     * ```ts
     * barrier.reset();
     * ```
     */
    reset(): void;
    /** @internal */
    [SHARE](backend: string): SharedData;
}
//# sourceMappingURL=barrier.d.ts.map