/** How a cached call's arguments become its key: `ignore` rules applied, trailing undefined dropped, hashed. */
import { stableHash } from './hash.js';
import { paramNames } from './source.js';
/**
 * Resolves `ignore` (parameter names such as 'verbose', 'options.verbose' for a key of an options object,
 * or positional indices) against `fn`'s parameter list.
 *
 * @throws TypeError naming an entry that matches no parameter.
 * @example
 * ```ts
 * resolveIgnore(function f(x, verbose) {}, ['verbose']); // [{ index: 1 }]
 * ```
 */
export function resolveIgnore(fn, ignore) {
    if (!Array.isArray(ignore))
        throw new TypeError(`options.ignore must be an array of parameter names or indices`);
    const names = paramNames(fn);
    const src = Function.prototype.toString.call(fn);
    return ignore.map((item, i) => {
        if (typeof item === 'number') {
            if (!Number.isInteger(item) || item < 0)
                throw new RangeError(`options.ignore[${i}] must be an index >= 0 (got ${item})`);
            return { index: item };
        }
        if (typeof item !== 'string')
            throw new TypeError(`options.ignore[${i}] must be a parameter name or an index`);
        const [head, key] = item.split('.', 2);
        const index = names.indexOf(head);
        if (index < 0) {
            throw new TypeError(`options.ignore[${i}]: '${head}' is not a parameter of ${fn.name || 'the function'} (parameters: ${names.map((n) => n ?? '<destructured>').join(', ') || 'none'})`);
        }
        const rest = new RegExp(`\\.\\.\\.\\s*${head.replace(/\$/g, '\\$')}\\b`).test(src);
        return key === undefined ? { index, rest } : { index, key };
    });
}
/**
 * The cache key of one call: a stable hash of the arguments after `ignore` rules, with trailing `undefined`
 * arguments dropped (so `f(1)` and `f(1, undefined)` share an entry).
 *
 * @throws TypeError for unhashable arguments (functions, symbols, WeakMap...), naming the argument.
 * @example
 * ```ts
 * argsKey([1, { verbose: true }], [{ index: 1, key: 'verbose' }]) === argsKey([1, {}], [{ index: 1, key: 'verbose' }]);
 * ```
 */
export function argsKey(args, ignore) {
    let a = args;
    if (ignore.length > 0) {
        a = [...args];
        for (const rule of ignore) {
            if (rule.key !== undefined) {
                const v = a[rule.index];
                if (v !== null && typeof v === 'object' && rule.key in v) {
                    const copy = { ...v };
                    delete copy[rule.key];
                    // An options object holding only ignored keys counts as absent (`f(x)` is `f(x, { verbose })`).
                    a[rule.index] = Object.keys(copy).length === 0 ? undefined : copy;
                }
            }
            else if (rule.rest)
                a.length = Math.min(a.length, rule.index);
            else if (rule.index < a.length)
                a[rule.index] = undefined;
        }
    }
    let n = a.length;
    while (n > 0 && a[n - 1] === undefined)
        n--;
    return stableHash(n === a.length ? a : a.slice(0, n), 'args');
}
//# sourceMappingURL=args-key.js.map