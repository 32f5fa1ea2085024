/** One resolved `ignore` entry: a whole positional argument (and every later one for a rest parameter), or one key of it. */
export interface IgnoreRule {
    index: number;
    key?: string;
    rest?: boolean;
}
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
export declare function resolveIgnore(fn: Function, ignore: readonly (string | number)[]): IgnoreRule[];
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
export declare function argsKey(args: readonly unknown[], ignore: readonly IgnoreRule[]): string;
//# sourceMappingURL=args-key.d.ts.map