/**
 * `Parallel({ backend: 'auto' })`: runs the first delayed calls in this thread (as `nJobs: 1` does) in
 * doubling batches while timing them, then lets the cost model of `@polycore/dispatch` (auto.ts) choose
 * where the rest runs — inline, on the shared threads pool or the shared processes pool — and the batch
 * size the rest starts from.
 */
import { type AutoDecision } from '../auto.js';
import { type BatchResult, type Executor } from './executor.js';
import type { ResolvedParallel } from './parallel-options.js';
type AnyIterator = Iterator<unknown> | AsyncIterator<unknown>;
/** How an 'auto' call goes on after its probe. */
export interface AutoPlan {
    /** Outcomes of the calls the probe ran inline, in input order (tasks 0 .. taken-1). */
    probed: BatchResult[];
    /** Calls the probe took from the iterator. */
    taken: number;
    /** Where the rest runs, and its executor. */
    backend: AutoDecision['backend'];
    exec: Executor;
    /** Measured ms per call (undefined when nothing was timed: `needsIsolation`). */
    perTaskMs: number | undefined;
    /** Batch size the rest starts from (the model's chunk size), when the rest runs on workers. */
    size: number | undefined;
    /** What `verbose` prints. */
    line: string;
}
/**
 * Times the first calls of `iterator` inline and decides where the rest runs. With `needsIsolation`
 * nothing runs inline: the rest is the whole call, on processes.
 *
 * @example
 * ```ts
 * const plan = await planAuto(tasks[Symbol.iterator](), tasks.length, resolvedOptions);
 * plan.backend; // 'inline' | 'threads' | 'processes'
 * ```
 */
export declare function planAuto(iterator: AnyIterator, total: number | undefined, opts: ResolvedParallel): Promise<AutoPlan>;
export {};
//# sourceMappingURL=parallel-auto.d.ts.map