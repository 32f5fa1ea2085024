/** Validation callbacks for `memory.cache(fn, { validate })`: decide whether a stored entry may be served. */
import type { EntryMeta } from './entry.js';
import { type Duration } from './options.js';
/** Decides whether a stored entry is still good; `false` recomputes it (and `explainMiss` says 'expired'). */
export type ValidateCallback = (meta: EntryMeta) => boolean;
/** Marks callbacks made by {@link expiresAfter}, so cached functions can be rebuilt in workers without source. */
export declare const EXPIRES_MS: unique symbol;
/**
 * A `validate` callback that accepts entries computed less than `age` ago (joblib's `expires_after`).
 *
 * @example
 * ```ts
 * const fetchRates = memory.cache(download, { validate: expiresAfter({ hours: 1 }) });
 * ```
 */
export declare function expiresAfter(age: Duration): ValidateCallback;
//# sourceMappingURL=validate.d.ts.map