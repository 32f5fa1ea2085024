/**
 * Batch sizing for `Parallel` (`batchSize: 'auto'`), after joblib's auto-batching: start with one task per
 * batch, measure how long tasks take in the workers, and grow batches until one batch runs for about
 * {@link TARGET_BATCH_MS}. joblib aims at 0.2-2 s because a dispatch through loky costs milliseconds; a
 * message to a polycore worker costs ~0.1 ms, so 20 ms batches keep the overhead under 1 % while leaving
 * enough batches to balance the load at the end.
 */
/** The batch duration auto-batching aims at (ms). */
export declare const TARGET_BATCH_MS = 20;
/** Largest automatic batch (tasks). */
export declare const MAX_AUTO_BATCH = 65536;
/** Chooses the size of the next batch. */
export declare class Batcher {
    #private;
    private readonly fixed;
    private readonly workers;
    private readonly total;
    /**
     * @param fixed - a fixed batch size, or 'auto'.
     * @param workers - workers sharing the tasks (to keep batches small enough to balance).
     * @param total - the number of tasks when known (an array), else undefined (a generator).
     */
    constructor(fixed: 'auto' | number, workers: number, total: number | undefined);
    /**
     * The size of the next batch given how many tasks were already taken.
     *
     * @example
     * ```ts
     * const b = new Batcher('auto', 2, 1000); b.next(0); // 1
     * ```
     */
    next(taken: number): number;
    /**
     * Starts from a per-task time learned by an earlier call with the same function (joblib keeps its batch
     * size between calls of one Parallel, too); the first measurement of this call then corrects it.
     * `size` (e.g. the cost model's chunk size for backend 'auto') replaces the ~20 ms rule as the start.
     */
    seed(perTaskMs: number, size?: number): void;
    /** The smoothed per-task time (ms), once measured. */
    get perTaskMs(): number | undefined;
    /** Records that a batch of `count` tasks ran for `ms` in total inside a worker. */
    record(count: number, ms: number): void;
    /** The current automatic size (for verbose output). */
    get size(): number;
}
//# sourceMappingURL=batcher.d.ts.map