/**
 * `backend: 'auto'` (Pool map/starmap and `Parallel`): the decision from `@polycore/dispatch`'s cost
 * model ({@link chooseBackend}) once the probe (auto-probe.ts) timed the first items, and the line
 * `verbose` prints ({@link describeChoice}). Loaded on first use (auto-map.ts imports it lazily), so
 * importing the Pool does not load the cost model.
 * @module
 */
import { chooseTaskBackend } from '@polycore/dispatch/tasks';
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
export function chooseBackend(i) {
    return chooseTaskBackend({
        taskMs: Number.isFinite(i.perItemMs) && i.perItemMs > 0 ? i.perItemMs : 0,
        items: i.remaining,
        workers: i.workers,
        warm: i.warm,
        argBytes: i.argBytes ?? 0,
        resultBytes: i.resultBytes ?? 0,
        needsIsolation: i.needsIsolation === true,
        threadUnsafe: i.threadUnsafe === true,
    });
}
function fmtMs(ms) {
    if (ms >= 100)
        return `${ms.toFixed(0)} ms`;
    if (ms >= 0.1)
        return `${ms.toFixed(2)} ms`;
    return `${(ms * 1000).toPrecision(2)} µs`;
}
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
export function describeChoice(d, perItemMs, probed) {
    return `auto: ${fmtMs(perItemMs)} per task (timed over ${probed} run inline) → ${d.reason}`;
}
//# sourceMappingURL=auto.js.map