/**
 * The argument codec: how task arguments and results cross to workers and back.
 *
 * Values are structured-cloned, except those a registered {@link Serializer} claims (for example a
 * shared `Queue` or `SharedMemory` handle): those are replaced by a small marker object and rebuilt
 * on the other side. The walk visits arguments, array elements and plain-object properties (up to
 * {@link MAX_DEPTH} levels), so it stays cheap when no special value is present, and rejects values
 * that cannot be sent (functions, symbols) with a TypeError naming where they were.
 * @module
 */
/** The context of calls that neither transfer nor use shared memory. */
export const NO_CTX = Object.freeze({ transfer: undefined, big: undefined });
/** Key of the marker object that stands for a serialized special value. */
export const MARK = '__polycore$codec';
/** How deep the walk goes into arrays and plain objects. */
export const MAX_DEPTH = 8;
const registry = new Map();
let serializers = [];
let version = 0;
/** Changes whenever a serializer is registered or removed (pools resend module URLs to workers). */
export function codecVersion() {
    return version;
}
/**
 * Registers a {@link Serializer} used for task arguments and results on every backend.
 * Registering a name again replaces the earlier serializer.
 *
 * @example
 * ```ts
 * import { registerSerializer } from '@polycore/pool';
 * class Point { constructor(public x: number, public y: number) {} }
 * registerSerializer<Point, [number, number]>({
 *   name: 'example.Point',
 *   module: import.meta.url, // this module registers it, so workers can import it
 *   test: (v) => v instanceof Point,
 *   serialize: (p) => [p.x, p.y],
 *   deserialize: ([x, y]) => new Point(x, y),
 * });
 * ```
 */
export function registerSerializer(serializer) {
    if (serializer === null || typeof serializer !== 'object')
        throw new TypeError('serializer must be an object');
    const { name, test, serialize, deserialize } = serializer;
    if (typeof name !== 'string' || name === '')
        throw new TypeError('serializer.name must be a non-empty string');
    for (const [k, f] of [
        ['test', test],
        ['serialize', serialize],
        ['deserialize', deserialize],
    ]) {
        if (typeof f !== 'function')
            throw new TypeError(`serializer.${k} must be a function`);
    }
    registry.set(name, serializer);
    serializers = [...registry.values()];
    version++;
}
/**
 * Removes a serializer by name; returns whether it was registered.
 *
 * @example
 * ```ts
 * unregisterSerializer('example.Point'); // true if it was registered
 * ```
 */
export function unregisterSerializer(name) {
    const had = registry.delete(name);
    serializers = [...registry.values()];
    version++;
    return had;
}
/**
 * The serializer registered under `name`, if any.
 *
 * @example
 * ```ts
 * getSerializer('polycore.shared')?.module; // URL of the module that registers it
 * ```
 */
export function getSerializer(name) {
    return registry.get(name);
}
/** Names and module URLs of registered serializers that declare a module (sent to workers). */
export function serializerModules() {
    const out = {};
    for (const s of serializers)
        if (s.module !== undefined)
            out[s.name] = String(s.module);
    return out;
}
class PathError extends Error {
    path;
    what;
    constructor(path, what) {
        super(what);
        this.path = path;
        this.what = what;
    }
}
function isPlainObject(v) {
    const p = Object.getPrototypeOf(v);
    return p === Object.prototype || p === null;
}
function claim(v, backend) {
    for (const s of serializers)
        if (s.test(v, backend))
            return s;
    return undefined;
}
/** Pass 1: validates and reports whether anything needs replacing or transferring. */
function scan(v, depth, backend, ctx) {
    const t = typeof v;
    if (t !== 'object' && t !== 'function' && t !== 'symbol')
        return false;
    if (t === 'symbol')
        throw new PathError([], 'a symbol');
    if (v === null)
        return false;
    if (serializers.length > 0 && claim(v, backend))
        return true;
    if (t === 'function')
        throw new PathError([], 'a function');
    if (ArrayBuffer.isView(v)) {
        if (ctx.big?.test(v))
            return true;
        if (ctx.transfer && v.buffer instanceof ArrayBuffer && !ctx.transfer.includes(v.buffer))
            ctx.transfer.push(v.buffer);
        return false;
    }
    if (ctx.transfer && v instanceof ArrayBuffer && !ctx.transfer.includes(v)) {
        ctx.transfer.push(v);
        return false;
    }
    if (depth >= MAX_DEPTH)
        return false;
    let found = false;
    if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
            try {
                if (scan(v[i], depth + 1, backend, ctx))
                    found = true;
            }
            catch (e) {
                if (e instanceof PathError)
                    e.path.unshift(i);
                throw e;
            }
        }
    }
    else if (isPlainObject(v)) {
        for (const k in v) {
            try {
                if (scan(v[k], depth + 1, backend, ctx))
                    found = true;
            }
            catch (e) {
                if (e instanceof PathError)
                    e.path.unshift(k);
                throw e;
            }
        }
    }
    return found;
}
/** Pass 2 (only when pass 1 found something): builds a copy with markers in place of special values. */
function replace(v, depth, backend, ctx) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function'))
        return v;
    const s = serializers.length > 0 ? claim(v, backend) : undefined;
    if (s)
        return { [MARK]: s.name, d: s.serialize(v, backend, ctx) };
    if (ctx.big && ArrayBuffer.isView(v) && ctx.big.test(v))
        return ctx.big.encode(v);
    if (depth >= MAX_DEPTH || ArrayBuffer.isView(v))
        return v;
    if (Array.isArray(v))
        return v.map((x) => replace(x, depth + 1, backend, ctx));
    if (isPlainObject(v)) {
        const out = {};
        for (const k in v)
            out[k] = replace(v[k], depth + 1, backend, ctx);
        return out;
    }
    return v;
}
function describePath(root, path) {
    let s = root;
    for (const p of path)
        s += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
    return s;
}
/**
 * Validates `value` and replaces special values by markers for `backend`. `root` names the value in
 * error messages (e.g. `'args'`). Throws a TypeError naming the path of an unsendable value.
 *
 * @example
 * ```ts
 * const { value, encoded } = encode([1, { a: 2 }], 'threads', 'args'); // nothing special: same array, encoded false
 * ```
 */
export function encode(value, backend, root, ctx = NO_CTX, indexOffset = 0) {
    const v = encodeValue(value, backend, root, ctx, indexOffset);
    return { value: v, encoded: v !== value };
}
/**
 * Rebuilds values encoded by {@link encode}. Call only when `encoded` was true.
 *
 * @example
 * ```ts
 * const { value, encoded } = encode(args, 'threads', 'args');
 * const back = encoded ? decode(value, 'threads') : value;
 * ```
 */
export function decode(value, backend, depth = 0) {
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value))
        return value;
    if (Array.isArray(value)) {
        if (depth >= MAX_DEPTH)
            return value;
        for (let i = 0; i < value.length; i++)
            value[i] = decode(value[i], backend, depth + 1);
        return value;
    }
    if (!isPlainObject(value))
        return value;
    const tag = value[MARK];
    if (typeof tag === 'string') {
        const s = registry.get(tag);
        if (!s)
            throw new TypeError(`no serializer registered for '${tag}' on this side (register it in a module and pass its URL as serializer.module)`);
        return s.deserialize(value.d, backend);
    }
    if (depth >= MAX_DEPTH)
        return value;
    for (const k in value) {
        value[k] = decode(value[k], backend, depth + 1);
    }
    return value;
}
/**
 * Like {@link encode}, without the wrapper object: returns `value` itself when nothing needed
 * replacing (so `result !== value` means the receiver must decode).
 *
 * @example
 * ```ts
 * const args = [1, 2];
 * encodeValue(args, 'threads', 'args') === args; // true: nothing special
 * ```
 */
export function encodeValue(value, backend, root, ctx = NO_CTX, indexOffset = 0) {
    let found;
    try {
        found = scan(value, 0, backend, ctx);
    }
    catch (e) {
        if (e instanceof PathError) {
            if (indexOffset && typeof e.path[0] === 'number')
                e.path[0] += indexOffset;
            throw new TypeError(`${describePath(root, e.path)} is ${e.what}, which cannot be sent to a worker (pass data, or a task(url, name) reference)`);
        }
        throw e;
    }
    return found ? replace(value, 0, backend, ctx) : value;
}
/** Tags of markers inside an encoded value (so a worker can import their modules first). */
export function collectTags(value, out, depth = 0) {
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > MAX_DEPTH)
        return out;
    if (Array.isArray(value)) {
        for (const x of value)
            collectTags(x, out, depth + 1);
    }
    else if (isPlainObject(value)) {
        const tag = value[MARK];
        if (typeof tag === 'string')
            out.add(tag);
        else
            for (const k in value)
                collectTags(value[k], out, depth + 1);
    }
    return out;
}
//# sourceMappingURL=codec.js.map