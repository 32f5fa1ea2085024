/**
 * A compact binary encoding for the values most messages are made of: numbers, strings, booleans,
 * null/undefined, and small trees of plain objects and dense arrays of those. It round-trips them
 * exactly as structured clone would (-0, NaN, key order, null-prototype objects becoming plain
 * ones), several times faster than `node:v8`'s serializer or JSON for small messages. Anything
 * else (Maps, typed arrays, Dates, class instances, sparse arrays, shared or cyclic references,
 * very deep or very large trees) answers "unsupported" and goes through `node:v8` instead.
 *
 * Format: one tag byte per value; ints as i8/i32, other numbers as f64 (LE); strings as a length
 * (1 byte, or 0xff + u32) then ASCII or UTF-8 bytes; arrays as a count then their items; objects
 * as a shape block (key count, block length, key strings; see compact-shapes.ts) then the values.
 * @module
 */
import { Buffer } from 'node:buffer';
/**
 * Whether `s` has no lone surrogates (UTF-8 would replace them; structured clone keeps them).
 *
 * @example
 * ```ts
 * wellFormed('\uD800'); // false
 * ```
 */
export declare function wellFormed(s: string): boolean;
/**
 * Copies `src[start, end)` to `dst` at `at`: a plain loop for a few bytes (cheaper than a native
 * call), `Buffer.copy` for more.
 *
 * @example
 * ```ts
 * copyBytes(scratch, 0, n, ring, at);
 * ```
 */
export declare function copyBytes(src: Uint8Array, start: number, end: number, dst: Uint8Array, at: number): void;
/**
 * Encodes `v` into this thread's scratch buffer ({@link compactScratch}): the number of bytes
 * written (valid until the next call; copy them to keep them), or -1 when `v` needs `node:v8`.
 *
 * @example
 * ```ts
 * const n = encodeCompact({ id: 1, tags: [1, 2] });
 * if (n >= 0) console.log(decodeCompact(compactScratch(), 0)); // { id: 1, tags: [1, 2] }
 * ```
 */
export declare function encodeCompact(v: unknown): number;
/**
 * The buffer {@link encodeCompact} wrote into (it grows, so fetch it after encoding).
 *
 * @example
 * ```ts
 * const bytes = compactScratch().subarray(0, encodeCompact([1, 2]));
 * ```
 */
export declare function compactScratch(): Buffer;
/**
 * Decodes the value {@link encodeCompact} wrote, starting at `buf[start]`.
 *
 * @example
 * ```ts
 * decodeCompact(encodeCompact([1, 'a'])!, 0); // [1, 'a']
 * ```
 */
export declare function decodeCompact(buf: Buffer, start: number): unknown;
//# sourceMappingURL=compact.d.ts.map