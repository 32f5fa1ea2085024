import type { Progress, ProgressBarOption } from '../types.js';
/** Tracks finished tasks and reports them as configured. */
export declare class Reporter {
    #private;
    private readonly label;
    private readonly verbose;
    private readonly total;
    constructor(label: string, verbose: number, progress: ProgressBarOption, onProgress: ((p: Progress) => void) | undefined, total: number | undefined);
    /** Prints the opening line (verbose), like joblib's "Using backend ... with N concurrent workers." */
    start(backend: string, workers: number): void;
    /** Records `n` more finished tasks. */
    add(n: number): void;
    /** Final report. */
    finish(failed: boolean): void;
}
//# sourceMappingURL=report.d.ts.map