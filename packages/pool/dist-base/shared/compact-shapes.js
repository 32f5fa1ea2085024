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
import { wellFormed } from './compact.js';
const SA = 7;
const SU = 8;
const MAX_FACTORY_KEYS = 64;
const MAX_DECODER_SHAPES = 2048;
function lenBytes(n) {
    if (n < 0xff)
        return Buffer.from([n]);
    const b = Buffer.alloc(5);
    b[0] = 0xff;
    b.writeUInt32LE(n, 1);
    return b;
}
/** Encoder side: recently used key lists. */
const recent = [];
let nextSlot = 0;
/**
 * The shape of an object with these own enumerable keys (its values written by `writeValue`), or
 * undefined when one of them cannot be re-created (`__proto__`) or encoded (lone surrogates).
 *
 * @example
 * ```ts
 * encoderShape(['id', 'name'], writeValue)?.bytes; // <Buffer 02 0a 07 02 69 64 07 04 6e 61 6d 65>
 * ```
 */
export function encoderShape(keys, writeValue) {
    const n = keys.length;
    for (const s of recent) {
        const k = s.keys;
        if (k.length !== n)
            continue;
        let i = 0;
        while (i < n && k[i] === keys[i])
            i++;
        if (i === n)
            return s;
    }
    const parts = [];
    for (const k of keys) {
        if (k === '__proto__')
            return undefined; // an object literal would set the prototype
        const b = Buffer.from(k, 'utf8');
        if (b.length !== k.length && !wellFormed(k))
            return undefined; // lone surrogates: left to node:v8
        parts.push(Buffer.from([b.length === k.length ? SA : SU]), lenBytes(b.length), b);
    }
    const block = Buffer.concat(parts);
    const bytes = Buffer.concat([lenBytes(n), lenBytes(block.length), block]);
    const shape = { keys, bytes, write: null };
    if (n > 0 && n <= MAX_FACTORY_KEYS) {
        try {
            const body = `return (o, d) => ${keys.map((k) => `w(o[${JSON.stringify(k)}], d)`).join(' && ')};`;
            shape.write = new Function('w', body)(writeValue);
        }
        catch {
            // code generation disallowed: the caller loops over the keys
        }
    }
    recent[nextSlot] = shape;
    nextSlot = (nextSlot + 1) & 15;
    return shape;
}
const decoded = new Map();
let decodedCount = 0;
/** The shape found last (messages mostly repeat one shape): checked before hashing. */
let last;
function sameBytes(b, buf, start, end) {
    const n = end - start;
    if (b.length !== n)
        return false;
    let i = 0;
    while (i < n && b[i] === buf[start + i])
        i++;
    return i === n;
}
function hash(buf, start, end) {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++)
        h = Math.imul(h ^ buf[i], 0x01000193);
    return h;
}
/**
 * The cached shape whose block is `buf[start, end)`, or undefined.
 *
 * @example
 * ```ts
 * const s = findShape(buf, p, p + blockLen) ?? addShape(buf, p, p + blockLen, keys);
 * ```
 */
export function findShape(buf, start, end) {
    if (last && sameBytes(last.bytes, buf, start, end))
        return last;
    const list = decoded.get(hash(buf, start, end));
    if (!list)
        return undefined;
    for (const s of list) {
        if (sameBytes(s.bytes, buf, start, end)) {
            last = s;
            return s;
        }
    }
    return undefined;
}
/**
 * Makes (and, while the cache has room, remembers) the shape of block `buf[start, end)` with `keys`.
 *
 * @example
 * ```ts
 * const s = addShape(buf, p, end, ['id', 'name']);
 * ```
 */
export function addShape(buf, start, end, keys) {
    let make = null;
    if (keys.length <= MAX_FACTORY_KEYS) {
        try {
            const body = `return {${keys.map((k) => `${JSON.stringify(k)}: r()`).join(', ')}};`;
            make = new Function('r', body);
        }
        catch {
            // code generation disallowed (--disallow-code-generation-from-strings): keys are assigned one by one
        }
    }
    const s = { bytes: Buffer.from(buf.subarray(start, end)), keys, make };
    if (decodedCount < MAX_DECODER_SHAPES) {
        const h = hash(buf, start, end);
        const list = decoded.get(h);
        if (list)
            list.push(s);
        else
            decoded.set(h, [s]);
        decodedCount++;
    }
    return s;
}
//# sourceMappingURL=compact-shapes.js.map