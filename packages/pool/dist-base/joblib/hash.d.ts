/**
 * A stable hex digest of `value` (sha256, 32 hex chars), equal across processes and sessions for equal content.
 *
 * @param value - primitives, arrays, plain objects, class instances (by own data), Map, Set, Date, RegExp,
 *   typed arrays, DataView and ArrayBuffer (by content); nesting and cycles are fine.
 * @param name - how `value` is named in error messages.
 * @throws TypeError for functions, symbols, WeakMap/WeakSet/WeakRef and promises, naming the offending path.
 * @example
 * ```ts
 * stableHash({ b: 1, a: [1, 2] }) === stableHash({ a: [1, 2], b: 1 }); // true
 * ```
 */
export declare function stableHash(value: unknown, name?: string): string;
//# sourceMappingURL=hash.d.ts.map