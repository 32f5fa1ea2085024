/** Option checks shared by Parallel and Memory: unknown keys, durations and byte sizes, with clear errors. */
/**
 * Checks `opts` is undefined or a plain object with only `allowed` keys; returns it (or `{}`).
 *
 * @example
 * ```ts
 * checkOptions('Parallel options', { nJobs: 2 }, ['nJobs', 'backend']);
 * ```
 */
export function checkOptions(name, opts, allowed) {
    if (opts === undefined)
        return {};
    if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
        throw new TypeError(`${name} must be an object (got ${opts === null ? 'null' : Array.isArray(opts) ? 'array' : typeof opts})`);
    }
    for (const key of Object.keys(opts)) {
        if (!allowed.includes(key)) {
            const near = allowed.find((a) => editDistance(a.toLowerCase(), key.toLowerCase().replace(/_/g, '')) <= 2);
            throw new TypeError(`${name}: unknown option '${key}'${near ? ` (did you mean '${near}'?)` : ''}; known options: ${allowed.join(', ')}`);
        }
    }
    return opts;
}
/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}
const UNIT_MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000, ms: 1 };
/**
 * Converts a {@link Duration} to milliseconds, rejecting negative, non-finite and unknown parts.
 *
 * @example
 * ```ts
 * durationMs({ hours: 1, minutes: 30 }, 'ageLimit'); // 5_400_000
 * ```
 */
export function durationMs(d, name) {
    if (typeof d === 'number') {
        if (!(d >= 0) || !Number.isFinite(d))
            throw new RangeError(`${name} must be a finite number of ms >= 0 (got ${d})`);
        return d;
    }
    const parts = checkOptions(name, d, Object.keys(UNIT_MS));
    let total = 0;
    for (const [unit, value] of Object.entries(parts)) {
        if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
            throw new RangeError(`${name}.${unit} must be a finite number >= 0 (got ${String(value)})`);
        }
        total += value * UNIT_MS[unit];
    }
    return total;
}
/**
 * Converts a byte size (a number, or a string such as '500M', '1.5G', '64K') to bytes.
 *
 * @example
 * ```ts
 * parseBytes('1G', 'bytesLimit'); // 1073741824
 * ```
 */
export function parseBytes(size, name) {
    if (typeof size === 'number') {
        if (!(size >= 0) || !Number.isFinite(size))
            throw new RangeError(`${name} must be a number of bytes >= 0 (got ${size})`);
        return size;
    }
    const m = typeof size === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*$/i.exec(size) : null;
    if (!m)
        throw new TypeError(`${name} must be a number of bytes or a string like '500M' or '1G' (got ${String(size)})`);
    const power = ' KMGT'.indexOf(m[2].toUpperCase() || ' ');
    return Math.floor(Number(m[1]) * 1024 ** power);
}
//# sourceMappingURL=options.js.map