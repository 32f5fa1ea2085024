/**
 * The inline probe of `backend: 'auto'` (Pool map/starmap and `Parallel`): how long the first items
 * take, and roughly how many bytes cross to a worker per item.
 * @module
 */
/**
 * Times the first items of a call run inline in doubling batches (1, 2, 4, ...) until one batch
 * takes ~0.5 ms (or ~4 ms passed, or 1e5 items ran). The first item is a warm-up: it pays for
 * compiling the function and cold caches, so it never ends the probe alone (a slow first item is
 * timed once more) and its time is not counted in the ~4 ms budget. The estimate is the best
 * per-item time of the batches of at least 4 items or 0.5 ms: robust to JIT warm-up and to
 * preemption on a busy machine.
 *
 * @example
 * ```ts
 * const probe = new Probe();
 * while (!probe.done) probe.record(probe.size, runInline(probe.size)); // ms the batch took
 * probe.perItemMs; // e.g. 0.00004
 * ```
 */
export declare class Probe {
    #private;
    /** Items to run in the next batch. */
    size: number;
    /** Items run so far. */
    items: number;
    /** True once the estimate is good enough. */
    done: boolean;
    /** Records that `n` items took `ms`, and decides the next batch size or that the probe is done. */
    record(n: number, ms: number): void;
    get perItemMs(): number;
}
/**
 * Rough size in bytes of a value crossing to a worker, for the cost model: typed arrays and buffers
 * by their length, strings by theirs, arrays and plain objects from a sample of at most 16 entries
 * (3 levels deep). Cheap, never exact.
 *
 * @example
 * ```ts
 * roughBytes(new Float64Array(1000)); // 8000
 * roughBytes([1, 2, 3]); // 24
 * ```
 */
export declare function roughBytes(v: unknown, depth?: number): number;
//# sourceMappingURL=auto-probe.d.ts.map