/**
 * Where `Parallel` runs a batch of `delayed` calls: in this thread (nJobs 1, for debugging: closures work and
 * stack traces are yours) or through a Pool, one pool task per batch (see batch-runner.ts).
 */
import { TaskTimeoutError } from '../errors.js';
import { type FnSpec } from '../fn-source.js';
import type { Runnable } from '../types.js';
import type { Delayed } from './delayed.js';
import type { PoolLike } from './parallel-options.js';
/** Consecutive `delayed` calls: `calls[i]` is task number `first + i` of the input. */
export interface Batch {
    first: number;
    calls: Delayed[];
    /** How long the batch should run, from per-task times measured so far (ms). */
    expectedMs?: number | undefined;
}
/**
 * What a batch gave: `values[i]` is the result of task `first + i`, unless `errors` has an entry for `i`.
 * (Batch form, not one object per task: Parallel may run millions of tiny tasks.)
 */
export interface BatchResult {
    first: number;
    values: unknown[];
    errors: Map<number, unknown> | undefined;
    /** Time the calls ran for, in the worker (ms). */
    ms: number;
}
/** Runs batches. */
export interface Executor {
    run(batch: Batch): Promise<BatchResult>;
    /** Ends a call (pools stay open: they are shared or the caller's). */
    close(): Promise<void>;
}
/** A TaskTimeoutError naming the task. */
export declare function timeoutError(index: number, fn: Runnable, timeout: number): TaskTimeoutError;
/**
 * Runs calls one at a time in this thread, in order. A `timeout` stops waiting for an async call (its work
 * cannot be interrupted here); a synchronous call that overran fails after it returns.
 */
export declare class InlineExecutor implements Executor {
    private readonly timeout;
    constructor(timeout: number | undefined);
    run({ first, calls }: Batch): Promise<BatchResult>;
    close(): Promise<void>;
}
/**
 * The wire form of a task function, validated for workers: self-contained source (Pool's check), a module
 * reference, or a cached function (whose inner function must itself be self-contained).
 */
export declare function wireFn(fn: Runnable, index: number): FnSpec;
/**
 * The pool-task timeout of a batch of `n` calls, each limited to `timeout` ms. Overruns are detected exactly
 * in the worker (each call is timed there); this is the guard against a call that never returns, which the
 * Pool stops by replacing the worker. It adds slack for what the Pool's clock also counts (starting a
 * replacement worker, loading the batch runner) so a healthy call is never killed.
 */
export declare function batchTimeout(timeout: number, n: number, expectedMs: number | undefined): number;
/** Runs each batch as one task of a Pool. */
export declare class PoolExecutor implements Executor {
    #private;
    private readonly pool;
    private readonly timeout;
    constructor(pool: PoolLike, timeout: number | undefined);
    run(batch: Batch): Promise<BatchResult>;
    close(): Promise<void>;
}
//# sourceMappingURL=executor.d.ts.map