/**
 * Function source handling for {@link Memory}: a normalized source (comments and whitespace layout removed,
 * so reformatting does not invalidate a cache but any code edit does) and the parameter names (for `ignore`).
 */
/**
 * Returns `src` without comments and with every run of whitespace outside string, template and regex
 * literals collapsed to one space (dropped entirely next to punctuation).
 *
 * @example
 * ```ts
 * normalizeSource('(x) => {  // cube\n  return x ** 3;\n}') === normalizeSource('(x)=>{return x**3;}'); // true
 * ```
 */
export declare function normalizeSource(src: string): string;
/**
 * The parameter names of `fn` in order; destructured parameters give `undefined` at their position,
 * a rest parameter gives its name. Used to resolve `ignore: ['verbose']`.
 *
 * @example
 * ```ts
 * paramNames(function f(a, b = 1, ...rest) {}); // ['a', 'b', 'rest']
 * ```
 */
export declare function paramNames(fn: Function): (string | undefined)[];
//# sourceMappingURL=source.d.ts.map