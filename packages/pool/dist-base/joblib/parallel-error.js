/** The error a `Parallel` call raises when tasks fail (with `onError: 'raise'`, the default). */
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
export class ParallelError extends AggregateError {
    name = 'ParallelError';
    /** Failed tasks, in the order they failed. */
    failures;
    /** Results by input index (`array` mode; empty for the streaming modes, which already yielded theirs). */
    results;
    /** Whether `results[i]` holds a finished result. */
    finished;
    constructor(failures, results, finished) {
        const first = failures[0];
        const msg = first.error instanceof Error ? first.error.message : String(first.error);
        const done = finished.filter(Boolean).length;
        super(failures.map((f) => f.error), `${failures.length} task${failures.length === 1 ? '' : 's'} failed (first: tasks[${first.index}]: ${msg}); ${done} finished result${done === 1 ? ' is' : 's are'} in .results`, { cause: first.error });
        this.failures = failures;
        this.results = results;
        this.finished = finished;
    }
}
//# sourceMappingURL=parallel-error.js.map