/** The error a `Parallel` call raises when tasks fail (with `onError: 'raise'`, the default). */
/** One failed task: its index in the input and its error. */
export interface TaskFailure {
    index: number;
    error: unknown;
}
/**
 * Tasks of a `Parallel` call failed (threw, timed out or lost their worker). Dispatching stopped at the
 * first failure; tasks already running were awaited, so `results` holds every result that finished
 * (`undefined` where a task failed or never ran; check `finished`). `errors` are the tasks' errors;
 * `cause` is the first one.
 *
 * @example
 * ```ts
 * try { await new Parallel({ timeout: 1000 })(tasks); }
 * catch (e) { if (e instanceof ParallelError) console.log(e.failures[0].index, e.results.filter((_, i) => e.finished[i])); }
 * ```
 */
export declare class ParallelError<T = unknown> extends AggregateError {
    readonly name = "ParallelError";
    /** Failed tasks, in the order they failed. */
    readonly failures: TaskFailure[];
    /** Results by input index (`array` mode; empty for the streaming modes, which already yielded theirs). */
    readonly results: (T | undefined)[];
    /** Whether `results[i]` holds a finished result. */
    readonly finished: boolean[];
    constructor(failures: TaskFailure[], results: (T | undefined)[], finished: boolean[]);
}
//# sourceMappingURL=parallel-error.d.ts.map