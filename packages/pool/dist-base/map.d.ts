import type { CodecBackend, EncodeContext } from './codec.js';
import type { FnEntry } from './fn-source.js';
import { type Scheduler } from './scheduler.js';
import type { MapOptions } from './types.js';
/** Everything a map-like call needs. */
export interface MapSetup {
    sched: Scheduler;
    fn: FnEntry;
    star: boolean;
    opts: MapOptions;
    codecCtx: () => EncodeContext;
    backend: CodecBackend;
    /** Items already produced (by an inline probe), in order. */
    prefix?: unknown[];
    /** Ms per item measured by a probe. */
    hintMs?: number | undefined;
    /** Chunk size chosen by a probe. */
    chunksize?: number | undefined;
}
/** An opened input: a sync or async iterator. */
export type Source = {
    sync: true;
    it: Iterator<unknown>;
} | {
    sync: false;
    it: AsyncIterator<unknown>;
};
/** Checks and opens an iterable (TypeError naming `iterable` otherwise). */
export declare function openSource(iterable: unknown): Source;
/** Length of an iterable when cheap to know. */
export declare function knownLength(iterable: unknown): number | undefined;
interface ChunkSink {
    chunk(start: number, values: unknown[]): void;
    error(e: unknown): void;
    done(): void;
    /** Whether more chunks may be pulled now (imap's buffer bound). */
    room(): boolean;
}
/** Pulls items, submits chunks, reports them to a sink. */
export declare class Feeder {
    private readonly s;
    private readonly src;
    private readonly total;
    private readonly sink;
    private readonly sizer;
    private readonly tracker;
    private readonly live;
    private readonly maxInFlight;
    private pulled;
    private exhausted;
    private failed;
    private stopped;
    private filling;
    private refill;
    private readonly array;
    constructor(s: MapSetup, src: Source, total: number | undefined, sink: ChunkSink, array?: unknown, lazy?: boolean);
    /** Chunks in flight. */
    get inFlight(): number;
    /** Starts or continues pulling. */
    fill(): Promise<void>;
    private submit;
    private fail;
    private cancelQueued;
    private checkDone;
    /** Stops pulling and drops queued chunks (early `break` out of imap). */
    stop(): void;
    /** Called by the sink after it consumed a chunk (imap), to pull more. */
    poke(): void;
}
/** Runs a map-like call to completion: the ordered array of results. */
export declare function collect(setup: MapSetup, src: Source, total: number | undefined, array?: unknown): Promise<unknown[]>;
/** Runs a map-like call as an async iterator (ordered, or as chunks finish). */
export declare function iterate(setup: MapSetup, src: Source, total: number | undefined, ordered: boolean): AsyncIterableIterator<unknown>;
export {};
//# sourceMappingURL=map.d.ts.map