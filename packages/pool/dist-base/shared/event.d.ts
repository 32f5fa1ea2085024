/**
 * `Event`: a flag in shared memory that waiters block on: words [flag, waiters].
 * @module
 */
import { type At } from './primitive.js';
import type { MemoryKind } from './region.js';
import { SHARE, type Shareable, type SharedData } from './shareable.js';
import { type WaitOptions } from './wait.js';
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
export declare class Event implements Shareable {
    #private;
    /** `at` is internal. */
    constructor(options?: {
        memory?: MemoryKind;
    }, at?: At);
    /** Whether the flag is set. */
    isSet(): boolean;
    /**
     * Sets the flag and wakes every waiter.
     *
     * @example
     * ```ts
     * ev.set();
     * ```
     */
    set(): void;
    /**
     * Clears the flag.
     *
     * @example
     * ```ts
     * ev.clear();
     * ```
     */
    clear(): void;
    /**
     * Waits until the flag is set; resolves false when `timeout` passed first.
     *
     * @example
     * ```ts
     * const ok = await ev.wait({ timeout: 1000 });
     * ```
     */
    wait(options?: WaitOptions): Promise<boolean>;
    /**
     * Blocking wait for worker code.
     *
     * @example
     * ```ts
     * ev.waitSync({ timeout: 1000 });
     * ```
     */
    waitSync(options?: {
        timeout?: number;
    }): boolean;
    /** @internal */
    [SHARE](backend: string): SharedData;
}
//# sourceMappingURL=event.d.ts.map