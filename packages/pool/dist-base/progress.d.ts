/**
 * Progress of one call: counts items, reports `{ done, total, rate, eta }` to `onProgress`, and
 * draws a tqdm-like bar on stderr (only on a TTY unless forced).
 * @module
 */
import type { Progress, ProgressBarOption } from './types.js';
/** Formats one bar line, e.g. `label  45%|███████▏        | 45/100 [00:01<00:02, 35.2it/s]`. */
export declare function formatBar(p: Progress, elapsedS: number, label?: string): string;
/** Tracks items finished by one call. */
export declare class ProgressTracker {
    private readonly total;
    private readonly onProgress;
    private done;
    private readonly t0;
    private lastDraw;
    private readonly stream;
    private readonly label;
    constructor(total: number | undefined, onProgress: ((p: Progress) => void) | undefined, bar: ProgressBarOption | undefined);
    /** Whether anyone listens (so workers need to report items inside chunks). */
    get active(): boolean;
    /** Current progress. */
    snapshot(): Progress;
    /** Adds `n` finished items. */
    add(n: number): void;
    /** Draws the final state and ends the bar's line. */
    end(): void;
}
//# sourceMappingURL=progress.d.ts.map