/**
 * `Semaphore` and `BoundedSemaphore` in shared memory: words [value, waiters, max (bounded: > 0)].
 * @module
 */
import { type At } from './primitive.js';
import type { MemoryKind } from './region.js';
import { SHARE, type Shareable, type SharedData } from './shareable.js';
import { type WaitOptions } from './wait.js';
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
export declare class Semaphore implements Shareable {
    #private;
    /** `value`: initial count (integer >= 0). `at` is internal. */
    constructor(value?: number, options?: {
        memory?: MemoryKind;
    }, at?: At);
    /** Current count. */
    get value(): number;
    /**
     * Decrements the count, waiting while it is 0; false when `timeout` passed.
     *
     * @example
     * ```ts
     * if (await sem.acquire({ timeout: 50 })) sem.release();
     * ```
     */
    acquire(options?: WaitOptions): Promise<boolean>;
    /**
     * Blocking acquire for worker code.
     *
     * @example
     * ```ts
     * sem.acquireSync({ timeout: 1000 });
     * ```
     */
    acquireSync(options?: {
        timeout?: number;
    }): boolean;
    /**
     * Increments the count by `n` and wakes waiters. A bounded semaphore throws a RangeError when the
     * count would exceed its initial value.
     *
     * @example
     * ```ts
     * sem.release();
     * ```
     */
    release(n?: number): void;
    /** @internal */ protected setMax(max: number): void;
    /** @internal */
    [SHARE](backend: string): SharedData;
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
export declare class BoundedSemaphore extends Semaphore {
    constructor(value?: number, options?: {
        memory?: MemoryKind;
    }, at?: At);
}
//# sourceMappingURL=semaphore.d.ts.map