/**
 * Stable, content-based hashing of call arguments for {@link Memory}.
 *
 * The same value always hashes the same, in any process and session: plain objects hash by sorted keys,
 * Map/Set by their (sorted) entry hashes, typed arrays by type and bytes. Values that have no stable content
 * (functions, symbols, WeakMap, WeakSet, WeakRef, Promise) are rejected with a TypeError naming where they sit.
 */
import { createHash } from 'node:crypto';
const TAG = {
    undefined: 1,
    null: 2,
    false: 3,
    true: 4,
    number: 5,
    bigint: 6,
    string: 7,
    array: 8,
    object: 9,
    map: 10,
    set: 11,
    date: 12,
    view: 13,
    arrayBuffer: 14,
    regexp: 15,
    cycle: 16,
    hole: 17,
    instance: 18,
    error: 19,
    boxed: 20,
};
/** Buffers small writes and feeds them to the hash in chunks. */
class HashWriter {
    hash;
    buf = Buffer.allocUnsafe(4096);
    pos = 0;
    constructor(hash) {
        this.hash = hash;
    }
    room(n) {
        if (this.pos + n <= this.buf.length)
            return;
        this.flush();
        if (n > this.buf.length)
            this.buf = Buffer.allocUnsafe(n);
    }
    flush() {
        if (this.pos > 0)
            this.hash.update(this.buf.subarray(0, this.pos));
        this.pos = 0;
    }
    byte(b) {
        this.room(1);
        this.buf[this.pos++] = b;
    }
    u32(n) {
        this.room(4);
        this.buf.writeUInt32LE(n >>> 0, this.pos);
        this.pos += 4;
    }
    f64(x) {
        this.room(8);
        // One NaN, and -0 kept distinct from 0 (they can give different results, e.g. 1 / x).
        this.buf.writeDoubleLE(Number.isNaN(x) ? Number.NaN : x, this.pos);
        this.pos += 8;
    }
    str(s) {
        // UTF-16 code units, not UTF-8: lone surrogates must not collapse into one replacement character.
        const n = s.length * 2;
        this.u32(n);
        this.room(n);
        this.pos += this.buf.write(s, this.pos, 'utf16le');
    }
    bytes(b) {
        this.u32(b.byteLength);
        if (b.byteLength < 1024) {
            this.room(b.byteLength);
            this.buf.set(b, this.pos);
            this.pos += b.byteLength;
        }
        else {
            this.flush();
            this.hash.update(b);
        }
    }
    raw(b) {
        this.room(b.byteLength);
        this.buf.set(b, this.pos);
        this.pos += b.byteLength;
    }
}
function isPlainObject(x) {
    const proto = Object.getPrototypeOf(x);
    return proto === Object.prototype || proto === null;
}
/** A short description of where a value sits, for error messages: `args[1].opts.cb`. */
function child(path, key) {
    if (typeof key === 'number')
        return `${path}[${key}]`;
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
function unhashable(path, what) {
    return new TypeError(`${path} is ${what}, which cannot be hashed for the cache key; ` +
        `leave it out with the 'ignore' option or pass plain data (for helpers, use 'dependsOn')`);
}
/** Hashes one value to a digest, for order-independent containers (Map, Set). */
function digestOf(value, path, stack) {
    const w = new HashWriter(createHash('sha256'));
    write(w, value, path, stack);
    w.flush();
    return w.hash.digest();
}
function write(w, value, path, stack) {
    switch (typeof value) {
        case 'undefined':
            w.byte(TAG.undefined);
            return;
        case 'boolean':
            w.byte(value ? TAG.true : TAG.false);
            return;
        case 'number':
            w.byte(TAG.number);
            w.f64(value);
            return;
        case 'bigint':
            w.byte(TAG.bigint);
            w.str(value.toString(16));
            return;
        case 'string':
            w.byte(TAG.string);
            w.str(value);
            return;
        case 'symbol':
            throw unhashable(path, 'a symbol');
        case 'function':
            throw unhashable(path, `a function (${value.name || 'anonymous'})`);
    }
    if (value === null) {
        w.byte(TAG.null);
        return;
    }
    const obj = value;
    const depth = stack.indexOf(obj);
    if (depth >= 0) {
        // A cycle: encode how far up the path it points, which is stable.
        w.byte(TAG.cycle);
        w.u32(stack.length - depth);
        return;
    }
    stack.push(obj);
    try {
        writeObject(w, obj, path, stack);
    }
    finally {
        stack.pop();
    }
}
function writeObject(w, obj, path, stack) {
    if (Array.isArray(obj)) {
        w.byte(TAG.array);
        w.u32(obj.length);
        for (let i = 0; i < obj.length; i++) {
            if (!(i in obj))
                w.byte(TAG.hole);
            else
                write(w, obj[i], child(path, i), stack);
        }
        return;
    }
    if (ArrayBuffer.isView(obj)) {
        w.byte(TAG.view);
        w.str(obj.constructor.name === 'Buffer' ? 'Uint8Array' : obj.constructor.name);
        w.bytes(new Uint8Array(obj.buffer, obj.byteOffset, obj.byteLength));
        return;
    }
    if (obj instanceof ArrayBuffer || obj instanceof SharedArrayBuffer) {
        w.byte(TAG.arrayBuffer);
        w.bytes(new Uint8Array(obj));
        return;
    }
    if (obj instanceof Date) {
        w.byte(TAG.date);
        w.f64(obj.getTime());
        return;
    }
    if (obj instanceof RegExp) {
        w.byte(TAG.regexp);
        w.str(obj.source);
        w.str(obj.flags);
        return;
    }
    if (obj instanceof Map || obj instanceof Set) {
        const isMap = obj instanceof Map;
        w.byte(isMap ? TAG.map : TAG.set);
        const digests = [];
        let i = 0;
        for (const entry of obj) {
            digests.push(digestOf(entry, `${path}${isMap ? '<map entry ' : '<set item '}${i++}>`, stack));
        }
        digests.sort(Buffer.compare);
        w.u32(digests.length);
        for (const d of digests)
            w.raw(d);
        return;
    }
    if (obj instanceof WeakMap || obj instanceof WeakSet || obj instanceof WeakRef) {
        throw unhashable(path, `a ${obj.constructor.name} (its contents cannot be read)`);
    }
    if (obj instanceof Promise)
        throw unhashable(path, 'a Promise (await it first)');
    if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) {
        w.byte(TAG.boxed);
        write(w, obj.valueOf(), path, stack);
        return;
    }
    if (obj instanceof Error) {
        w.byte(TAG.error);
        w.str(obj.name);
        w.str(obj.message);
        return;
    }
    if (!isPlainObject(obj)) {
        // A class instance may keep state the hash cannot see (#private fields, closures): hashing its visible
        // fields could serve one instance's result for another. Only instances that describe themselves hash.
        const toJSON = obj.toJSON;
        const name = obj.constructor?.name ?? 'object';
        if (typeof toJSON !== 'function') {
            throw unhashable(path, `a ${name} instance (class instances may hold state a hash cannot see: pass plain data, or give the class a toJSON())`);
        }
        w.byte(TAG.instance);
        w.str(name);
        write(w, toJSON.call(obj), `${path}.toJSON()`, stack);
        return;
    }
    w.byte(TAG.object);
    if (Object.getOwnPropertySymbols(obj).some((s) => Object.prototype.propertyIsEnumerable.call(obj, s))) {
        throw unhashable(path, 'an object with symbol keys');
    }
    const keys = Object.keys(obj).sort();
    w.u32(keys.length);
    for (const k of keys) {
        w.str(k);
        write(w, obj[k], child(path, k), stack);
    }
}
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
export function stableHash(value, name = 'value') {
    const w = new HashWriter(createHash('sha256'));
    write(w, value, name, []);
    w.flush();
    return w.hash.digest('hex').slice(0, 32);
}
//# sourceMappingURL=hash.js.map