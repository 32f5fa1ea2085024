/**
 * `backend: 'auto'` (Pool map/starmap and `Parallel`): the decision from `@polycore/dispatch`'s cost
 * model ({@link chooseBackend}) once the probe (auto-probe.ts) timed the first items, and the line
 * `verbose` prints ({@link describeChoice}). Loaded on first use (auto-map.ts imports it lazily), so
 * importing the Pool does not load the cost model.
 * @module
 */
import { type TaskChoice } from '@polycore/dispatch/tasks';
/** What the Pool (or Parallel) knows about a call when it decides. */
export interface AutoInput {
    /** Measured ms per item (from the inline probe). */
    perItemMs: number;
    /** Items left, when known (the model assumes 10 000 otherwise). */
    remaining: number | undefined;
    /** Workers the pool may use. */
    workers: number;
    /** Whether workers are already running (no start-up cost): `true` or per kind. */
    warm: boolean | {
        threads?: boolean;
        processes?: boolean;
    };
    /** Rough bytes of one item's arguments and of its result (see `roughBytes`). */
    argBytes?: number;
    resultBytes?: number;
    /** Tasks must run in separate processes (nothing inline, no threads). */
    needsIsolation?: boolean;
    /** Tasks use native modules that are not thread-safe (no threads). */
    threadUnsafe?: boolean;
}
/** The decision: `@polycore/dispatch`'s `TaskChoice` (backend, chunksize, expectedSpeedup, estimates, reason). */
export type AutoDecision = TaskChoice;
/**
 * Chooses inline, threads or processes and a chunk size for the rest of a call, with
 * `chooseTaskBackend` from `@polycore/dispatch/tasks` (the cached calibration, or built-in
 * constants: it never measures).
 *
 * @example
 * ```ts
 * chooseBackend({ perItemMs: 0.00003, remaining: 1e6, workers: 2, warm: false }).backend; // 'inline'
 * chooseBackend({ perItemMs: 20, remaining: 64, workers: 2, warm: false }).backend; // 'threads'
 * ```
 */
export declare function chooseBackend(i: AutoInput): AutoDecision;
/**
 * The `verbose` line of a decision: measured time per task, how many ran inline while timing, then
 * the model's reason (backend, chunk size, workers, why, expected speedup).
 *
 * @example
 * ```ts
 * describeChoice(choice, 20.1, 1);
 * // 'auto: 20.10 ms per task (timed over 1 run inline) → threads with chunks of 1 on 2 worker(s): ...; expected speedup 1.49×'
 * ```
 */
export declare function describeChoice(d: AutoDecision, perItemMs: number, probed: number): string;
//# sourceMappingURL=auto.d.ts.map