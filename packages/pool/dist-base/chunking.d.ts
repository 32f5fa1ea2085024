/**
 * Chunk sizes for map-like calls: fixed when the caller gives `chunksize`, otherwise sized from
 * measured time per item (like joblib's auto batching) so each chunk runs about
 * {@link TARGET_CHUNK_MS}, while leaving several chunks per worker for balance.
 * @module
 */
/** Target run time of one auto-sized chunk (ms). */
export declare const TARGET_CHUNK_MS = 8;
/** Picks the size of the next chunk. */
export declare class ChunkSizer {
    private readonly fixed;
    private readonly workers;
    private perItemMs;
    private items;
    private ms;
    /**
     * @param fixed the caller's `chunksize`, or undefined for automatic sizing
     * @param workers workers sharing the call
     * @param hintMs a first estimate of ms per item (e.g. from an inline probe)
     */
    constructor(fixed: number | undefined, workers: number, hintMs?: number);
    /** Size of the next chunk, given how many items are left (when known). */
    next(remaining: number | undefined): number;
    /** Records that `items` items ran in `ms` ms (the estimate weighs chunks by their items, so big chunks dominate). */
    record(items: number, ms: number): void;
    /** Current estimate of ms per item, if measured. */
    get estimate(): number | undefined;
}
//# sourceMappingURL=chunking.d.ts.map