/**
 * Batch sizing for `Parallel` (`batchSize: 'auto'`), after joblib's auto-batching: start with one task per
 * batch, measure how long tasks take in the workers, and grow batches until one batch runs for about
 * {@link TARGET_BATCH_MS}. joblib aims at 0.2-2 s because a dispatch through loky costs milliseconds; a
 * message to a polycore worker costs ~0.1 ms, so 20 ms batches keep the overhead under 1 % while leaving
 * enough batches to balance the load at the end.
 */
/** The batch duration auto-batching aims at (ms). */
export const TARGET_BATCH_MS = 20;
/** Largest automatic batch (tasks). */
export const MAX_AUTO_BATCH = 65_536;
/** Chooses the size of the next batch. */
export class Batcher {
    fixed;
    workers;
    total;
    #perTaskMs;
    #size;
    /**
     * @param fixed - a fixed batch size, or 'auto'.
     * @param workers - workers sharing the tasks (to keep batches small enough to balance).
     * @param total - the number of tasks when known (an array), else undefined (a generator).
     */
    constructor(fixed, workers, total) {
        this.fixed = fixed;
        this.workers = workers;
        this.total = total;
        this.#size = fixed === 'auto' ? 1 : fixed;
    }
    /**
     * The size of the next batch given how many tasks were already taken.
     *
     * @example
     * ```ts
     * const b = new Batcher('auto', 2, 1000); b.next(0); // 1
     * ```
     */
    next(taken) {
        if (this.fixed !== 'auto')
            return this.fixed;
        let size = this.#size;
        if (this.total !== undefined) {
            // Keep at least ~4 batches per worker over what is left, so the last batches balance.
            size = Math.min(size, Math.max(1, Math.ceil((this.total - taken) / (4 * this.workers))));
        }
        return size;
    }
    /**
     * Starts from a per-task time learned by an earlier call with the same function (joblib keeps its batch
     * size between calls of one Parallel, too); the first measurement of this call then corrects it.
     * `size` (e.g. the cost model's chunk size for backend 'auto') replaces the ~20 ms rule as the start.
     */
    seed(perTaskMs, size) {
        if (this.fixed !== 'auto' || this.#perTaskMs !== undefined)
            return;
        this.#perTaskMs = perTaskMs;
        this.#size = Math.max(1, Math.min(MAX_AUTO_BATCH, size ?? Math.floor(TARGET_BATCH_MS / perTaskMs)));
    }
    /** The smoothed per-task time (ms), once measured. */
    get perTaskMs() {
        return this.#perTaskMs;
    }
    /** Records that a batch of `count` tasks ran for `ms` in total inside a worker. */
    record(count, ms) {
        if (this.fixed !== 'auto' || count === 0)
            return;
        const per = Math.max(ms / count, 1e-4);
        // Smooth, but follow fast when tasks get slower (a too-large batch hurts balance more than a small one).
        this.#perTaskMs =
            this.#perTaskMs === undefined || per > this.#perTaskMs ? per : 0.7 * this.#perTaskMs + 0.3 * per;
        const ideal = Math.floor(TARGET_BATCH_MS / this.#perTaskMs);
        // Grow at most 8x per measurement (the first timings include warm-up), shrink at once.
        this.#size = Math.max(1, Math.min(MAX_AUTO_BATCH, ideal, this.#size * 8));
    }
    /** The current automatic size (for verbose output). */
    get size() {
        return this.#size;
    }
}
//# sourceMappingURL=batcher.js.map