/**
 * How shared primitives cross to workers: each kind turns itself into small structured-cloneable
 * data (its region's handle + offsets) and is revived on the other side over the same memory.
 * @module
 */
/** Method a shareable object implements: its data for `backend` ('threads' | 'processes' | 'inline'). */
export const SHARE = Symbol.for('polycore.shared.share');
const revivers = new Map();
/** Registers how kind `k` is rebuilt in a worker. */
export function registerKind(k, revive) {
    revivers.set(k, revive);
}
/** True when `v` is a shared primitive. */
export function isShareable(v) {
    return typeof v === 'object' && v !== null && typeof v[SHARE] === 'function';
}
/**
 * Rebuilds a shared primitive from its wire form.
 *
 * @example
 * ```ts
 * const q2 = revive(q[SHARE]('threads')); // same queue, same memory
 * ```
 */
export function revive(d) {
    const f = revivers.get(d.k);
    if (!f)
        throw new TypeError(`unknown shared primitive kind '${d.k}'`);
    return f(d);
}
//# sourceMappingURL=shareable.js.map