/**
 * Progress reporting of `Parallel`: joblib-style `verbose` lines on stderr, plus the Pool's progress bar and
 * `onProgress` callbacks.
 */
import { ProgressTracker } from '../progress.js';
function seconds(ms) {
    const s = ms / 1000;
    return s < 60 ? `${s.toFixed(1)}s` : `${(s / 60).toFixed(1)}min`;
}
/** Tracks finished tasks and reports them as configured. */
export class Reporter {
    label;
    verbose;
    total;
    #start = performance.now();
    #tracker;
    #done = 0;
    #nextLine = 1;
    constructor(label, verbose, progress, onProgress, total) {
        this.label = label;
        this.verbose = verbose;
        this.total = total;
        this.#tracker = new ProgressTracker(total, onProgress, progress === false ? undefined : progress);
    }
    /** Prints the opening line (verbose), like joblib's "Using backend ... with N concurrent workers." */
    start(backend, workers) {
        if (this.verbose > 0)
            this.#line(`Using backend ${backend} with ${workers} concurrent worker${workers === 1 ? '' : 's'}.`);
    }
    #line(s) {
        console.error(`[${this.label}]: ${s}`);
    }
    #status() {
        const of = this.total !== undefined ? ` out of ${String(this.total).padStart(3)}` : ' tasks     ';
        return `Done ${String(this.#done).padStart(3)}${of} | elapsed: ${seconds(performance.now() - this.#start).padStart(6)}`;
    }
    /** Records `n` more finished tasks. */
    add(n) {
        this.#done += n;
        this.#tracker.add(n);
        // Lines at 1, 2, 4, 8, ... tasks (every batch when verbose > 10), as joblib thins its output.
        if (this.verbose > 0 && (this.verbose > 10 || this.#done >= this.#nextLine)) {
            while (this.#nextLine <= this.#done)
                this.#nextLine *= 2;
            this.#line(this.#status());
        }
    }
    /** Final report. */
    finish(failed) {
        this.#tracker.end();
        if (this.verbose > 0)
            this.#line(`${this.#status()} ${failed ? 'failed' : 'finished'}`);
    }
}
//# sourceMappingURL=report.js.map