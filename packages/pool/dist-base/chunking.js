/**
 * Chunk sizes for map-like calls: fixed when the caller gives `chunksize`, otherwise sized from
 * measured time per item (like joblib's auto batching) so each chunk runs about
 * {@link TARGET_CHUNK_MS}, while leaving several chunks per worker for balance.
 * @module
 */
/** Target run time of one auto-sized chunk (ms). */
export const TARGET_CHUNK_MS = 8;
const MAX_CHUNK = 1 << 20;
/** Picks the size of the next chunk. */
export class ChunkSizer {
    fixed;
    workers;
    perItemMs;
    items = 0;
    ms = 0;
    /**
     * @param fixed the caller's `chunksize`, or undefined for automatic sizing
     * @param workers workers sharing the call
     * @param hintMs a first estimate of ms per item (e.g. from an inline probe)
     */
    constructor(fixed, workers, hintMs) {
        this.fixed = fixed;
        this.workers = workers;
        this.perItemMs = hintMs;
    }
    /** Size of the next chunk, given how many items are left (when known). */
    next(remaining) {
        if (this.fixed !== undefined)
            return this.fixed;
        if (this.perItemMs === undefined)
            return 1;
        let n = Math.round(TARGET_CHUNK_MS / Math.max(this.perItemMs, 1e-6));
        if (remaining !== undefined)
            n = Math.min(n, Math.ceil(remaining / (this.workers * 4)));
        return Math.max(1, Math.min(MAX_CHUNK, n));
    }
    /** Records that `items` items ran in `ms` ms (the estimate weighs chunks by their items, so big chunks dominate). */
    record(items, ms) {
        if (items <= 0)
            return;
        this.items = this.items * 0.5 + items;
        this.ms = this.ms * 0.5 + ms;
        this.perItemMs = this.ms / this.items;
    }
    /** Current estimate of ms per item, if measured. */
    get estimate() {
        return this.perItemMs;
    }
}
//# sourceMappingURL=chunking.js.map