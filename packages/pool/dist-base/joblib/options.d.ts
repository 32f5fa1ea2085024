/** Option checks shared by Parallel and Memory: unknown keys, durations and byte sizes, with clear errors. */
/**
 * Checks `opts` is undefined or a plain object with only `allowed` keys; returns it (or `{}`).
 *
 * @example
 * ```ts
 * checkOptions('Parallel options', { nJobs: 2 }, ['nJobs', 'backend']);
 * ```
 */
export declare function checkOptions<T extends object>(name: string, opts: T | undefined, allowed: readonly string[]): T;
/** A span of time: milliseconds, or parts that add up. */
export type Duration = number | {
    days?: number;
    hours?: number;
    minutes?: number;
    seconds?: number;
    ms?: number;
};
/**
 * Converts a {@link Duration} to milliseconds, rejecting negative, non-finite and unknown parts.
 *
 * @example
 * ```ts
 * durationMs({ hours: 1, minutes: 30 }, 'ageLimit'); // 5_400_000
 * ```
 */
export declare function durationMs(d: Duration, name: string): number;
/**
 * Converts a byte size (a number, or a string such as '500M', '1.5G', '64K') to bytes.
 *
 * @example
 * ```ts
 * parseBytes('1G', 'bytesLimit'); // 1073741824
 * ```
 */
export declare function parseBytes(size: number | string, name: string): number;
//# sourceMappingURL=options.d.ts.map