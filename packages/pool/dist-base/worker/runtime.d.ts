import { type CodecBackend } from '../codec.js';
import { type FromWorker, type InitData, type ToWorker } from '../protocol.js';
/** How a runtime talks to its pool. */
export interface Transport {
    backend: CodecBackend;
    post(msg: FromWorker, transfer?: ArrayBuffer[]): void;
    /** Records that task `id` starts (read by the pool if the worker dies). */
    markStarted(id: number): void;
    /** Base URL for resolving relative paths in `require`. */
    requireFrom: string;
}
/** What `this` is inside a task function. */
export interface TaskContext {
    /** Aborts when the caller's `signal` aborts (soft abort; the worker is replaced after a grace period). */
    signal: AbortSignal;
    /** The task's id. */
    taskId: number;
}
/** Runs tasks for one worker. */
export declare class Runtime {
    private readonly tr;
    private readonly fns;
    private readonly direct;
    private readonly specs;
    private readonly mods;
    private q;
    private qHead;
    private running;
    private out;
    private outTransfer;
    private lastFlush;
    private current;
    private initError;
    private ready;
    /** `require` for task functions, made on first use (creating it costs memory in every worker). */
    private readonly require;
    constructor(tr: Transport);
    /** Handles one message from the pool. */
    onMessage(msg: ToWorker): void;
    /** Called on a graceful `exit` request (set by the entry file). */
    onExit: (() => void) | undefined;
    /** Runs the pool's initializer (if any) before any task. */
    init(init: InitData): void;
    private load;
    private resolve;
    private decodeAsync;
    private drain;
    /** Runs a chunk from item `i`; returns the results, or a promise of them once an item is async. */
    private runChunk;
    private pushResult;
    /** Sends pending results in one message (one by one if the pack cannot be cloned). */
    flush(): void;
}
//# sourceMappingURL=runtime.d.ts.map