const DELAYED = Symbol.for('polycore.joblib.delayed');
/** The runtime class of {@link Delayed} values (cheap to make: Parallel may see millions). */
class DelayedCall {
    fn;
    args;
    constructor(fn, args) {
        this.fn = fn;
        this.args = args;
    }
}
// Branded through the prototype, so delayed calls from another copy of this module are recognised too.
Object.defineProperty(DelayedCall.prototype, DELAYED, { value: true });
/**
 * Captures a call for `Parallel`: `delayed(fn)(...args)` runs `fn(...args)` later, in a worker. `fn` is a
 * self-contained function (shipped by its source), a `task(url, name)` module reference, or a function from
 * `memory.cache(...)`.
 *
 * @example
 * ```ts
 * import { Parallel, delayed } from '@polycore/pool';
 * const out = await new Parallel({ nJobs: -1 })([1, 2, 3].map((x) => delayed((v: number) => v ** 2)(x)));
 * ```
 */
export function delayed(fn) {
    const isRef = typeof fn === 'object' && fn !== null && fn.kind === 'module';
    if (typeof fn !== 'function' && !isRef) {
        throw new TypeError(`delayed(fn): fn must be a function or a task(url, exportName) reference (got ${fn === null ? 'null' : typeof fn})`);
    }
    return (...args) => new DelayedCall(fn, args);
}
/**
 * True when `v` was made by `delayed(fn)(...args)`.
 *
 * @example
 * ```ts
 * isDelayed(delayed(Math.abs)(-1)); // true
 * isDelayed(Math.abs(-1)); // false
 * ```
 */
export function isDelayed(v) {
    return typeof v === 'object' && v !== null && v[DELAYED] === true;
}
/** Describes a task that is not a `delayed(...)` call, for the TypeError. */
export function notDelayedError(index, v) {
    let got = v === null ? 'null' : typeof v;
    if (typeof v === 'object' && v !== null)
        got = v.constructor?.name ?? 'object';
    if (v instanceof Promise)
        got = 'a Promise (the function was called directly: write delayed(fn)(x), not fn(x))';
    else if (typeof v === 'function')
        got = `a function (${v.name || 'anonymous'}): call it, delayed(fn)(...args)`;
    return new TypeError(`tasks[${index}] must be a delayed(fn)(...args) call (got ${got})`);
}
//# sourceMappingURL=delayed.js.map