/** Validation callbacks for `memory.cache(fn, { validate })`: decide whether a stored entry may be served. */
import { durationMs } from './options.js';
/** Marks callbacks made by {@link expiresAfter}, so cached functions can be rebuilt in workers without source. */
export const EXPIRES_MS = Symbol.for('polycore.joblib.expiresAfterMs');
/**
 * A `validate` callback that accepts entries computed less than `age` ago (joblib's `expires_after`).
 *
 * @example
 * ```ts
 * const fetchRates = memory.cache(download, { validate: expiresAfter({ hours: 1 }) });
 * ```
 */
export function expiresAfter(age) {
    const ms = durationMs(age, 'expiresAfter(age)');
    const cb = (meta) => Date.now() - meta.createdAt < ms;
    Object.defineProperty(cb, EXPIRES_MS, { value: ms });
    return cb;
}
//# sourceMappingURL=validate.js.map