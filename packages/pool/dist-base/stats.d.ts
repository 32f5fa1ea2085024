/**
 * Pool counters and run/wait time samples (a ring of recent tasks) with percentiles.
 * @module
 */
import type { Percentiles } from './types.js';
/** A fixed-size ring of recent samples (ms). */
export declare class Samples {
    private readonly buf;
    private n;
    constructor(size?: number);
    /** Adds one sample. */
    add(v: number): void;
    /** Percentiles of the samples held (zeros when empty). */
    percentiles(): Percentiles;
}
/** Mutable counters a scheduler updates. */
export declare class Counters {
    completed: number;
    failed: number;
    replaced: number;
    busyMs: number;
    readonly createdAt: number;
    firstTaskAt: number | undefined;
    readonly run: Samples;
    readonly wait: Samples;
}
//# sourceMappingURL=stats.d.ts.map