import type { BatchResult, Executor } from './executor.js';
import type { Reporter } from './report.js';
type AnyIterator = Iterator<unknown> | AsyncIterator<unknown>;
/**
 * Opens `tasks` for iteration, or throws a TypeError when it is not iterable.
 *
 * @example
 * ```ts
 * const { iterator, total } = openTasks([delayed(f)(1)]); // total 1
 * ```
 */
export declare function openTasks(tasks: unknown): {
    iterator: AnyIterator;
    total: number | undefined;
};
/** Dispatches batches and queues their outcomes. */
export declare class Engine {
    #private;
    private readonly iterator;
    private readonly exec;
    private readonly maxInFlight;
    private readonly reporter;
    /** Per-task times learned by earlier calls, by task function. */
    private readonly learned;
    /** Outcomes the consumer holds but has not delivered yet (e.g. waiting for an earlier index). */
    held: number;
    constructor(iterator: AnyIterator, total: number | undefined, exec: Executor, maxInFlight: number, batchSize: 'auto' | number, workers: number, reporter: Reporter, 
    /** Per-task times learned by earlier calls, by task function. */
    learned: WeakMap<object, number>, 
    /** Go on after `taken` tasks already ran (backend 'auto''s inline probe), batches starting at `size`. */
    resume?: {
        taken: number;
        perTaskMs: number;
        size?: number;
    });
    /** Stops dispatching new batches (batches already running still deliver). */
    stop(): void;
    /** Closes the task iterator early (e.g. the consumer stopped or a task failed). */
    closeIterator(): Promise<void>;
    /** Keeps up to `maxInFlight` batches running while the consumer keeps up. */
    pump(): void;
    /** The next finished batch (completion order), or undefined when all were delivered. */
    next(): Promise<BatchResult | undefined>;
    /** Waits until no batch is running (used before rejecting, so finished results are kept). */
    drain(): Promise<void>;
}
export {};
//# sourceMappingURL=engine.d.ts.map