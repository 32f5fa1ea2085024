/**
 * Object "shapes" (key lists) for the compact encoding (compact.ts): the encoder writes an
 * object's key list as one block, cached per key list together with a generated writer that reads
 * the values with fixed property names (`(o, d) => w(o["id"], d) && w(o["name"], d)`, monomorphic
 * loads instead of keyed ones); the decoder recognises a block it has seen (the last one, else
 * hash + byte compare) and rebuilds the object with a generated literal factory
 * (`r => ({ "id": r(), "name": r() })`), so V8 creates it with its final hidden class at once
 * instead of adding keys one by one. Both caches are per thread and bounded. Where code
 * generation is disallowed, both fall back to loops over the keys.
 * @module
 */
import { Buffer } from 'node:buffer';
/** Writes one value at depth `d` (compact.ts's writer); false when the value is unsupported. */
export type ValueWriter = (v: unknown, d: number) => boolean;
/** An encoder-side shape: the key list, its encoded block, and its values' writer (if generated). */
export interface EncoderShape {
    keys: string[];
    /** `[count][block length][keys]`. */
    bytes: Buffer;
    /** Writes the object's values in key order; null: loop over `keys`. */
    write: ((o: Record<string, unknown>, d: number) => boolean) | null;
}
/**
 * The shape of an object with these own enumerable keys (its values written by `writeValue`), or
 * undefined when one of them cannot be re-created (`__proto__`) or encoded (lone surrogates).
 *
 * @example
 * ```ts
 * encoderShape(['id', 'name'], writeValue)?.bytes; // <Buffer 02 0a 07 02 69 64 07 04 6e 61 6d 65>
 * ```
 */
export declare function encoderShape(keys: string[], writeValue: ValueWriter): EncoderShape | undefined;
/** A decoded shape: its block's bytes (to confirm a hash hit), keys, and literal factory. */
export interface Shape {
    bytes: Buffer;
    keys: string[];
    make: ((read: () => unknown) => Record<string, unknown>) | null;
}
/**
 * The cached shape whose block is `buf[start, end)`, or undefined.
 *
 * @example
 * ```ts
 * const s = findShape(buf, p, p + blockLen) ?? addShape(buf, p, p + blockLen, keys);
 * ```
 */
export declare function findShape(buf: Buffer, start: number, end: number): Shape | undefined;
/**
 * Makes (and, while the cache has room, remembers) the shape of block `buf[start, end)` with `keys`.
 *
 * @example
 * ```ts
 * const s = addShape(buf, p, end, ['id', 'name']);
 * ```
 */
export declare function addShape(buf: Buffer, start: number, end: number, keys: string[]): Shape;
//# sourceMappingURL=compact-shapes.d.ts.map