/**
 * `Value` (one shared number with a lock) and `RawArray` (a TypedArray over shared memory).
 * @module
 */
import { checkElement, ctorOf, nameOf, } from './ctypes.js';
import { LOCK_WORDS, Lock } from './mutex.js';
import { atOf, memoryOf } from './primitive.js';
import { Region } from './region.js';
import { registerKind, SHARE } from './shareable.js';
/** Bytes before the value: the lock's words. */
const VALUE_OFFSET = LOCK_WORDS * 4;
/**
 * One number in shared memory plus a lock (Python's `multiprocessing.Value`). Reads and writes of
 * `.value` are single atomic-width accesses; use `getLock()` for read-modify-write.
 *
 * @example
 * ```ts
 * import { Value } from '@polycore/pool';
 * const counter = new Value('i32', 0);
 * await counter.getLock().withLock(() => { counter.value += 1; });
 * ```
 */
export class Value {
    #arr;
    #lock;
    #at;
    #type;
    /** `type`: element type; `initial`: start value (default 0). `at` is internal. */
    constructor(type, initial, options = {}, at) {
        const ctor = ctorOf(type);
        if (initial !== undefined)
            checkElement(ctor, initial, 'initial');
        this.#at = at ?? { region: Region.create(VALUE_OFFSET + 8, memoryOf(options)), base: 0 };
        this.#type = ctor;
        const byteOffset = this.#at.base * 4 + VALUE_OFFSET;
        this.#arr = new ctor(this.#at.region.buffer, byteOffset, 1);
        this.#lock = new Lock({}, this.#at);
        if (at === undefined && initial !== undefined)
            this.value = initial;
    }
    /** The current value. */
    get value() {
        return this.#arr[0];
    }
    set value(v) {
        checkElement(this.#type, v, 'value');
        this.#arr[0] = v;
    }
    /**
     * The lock guarding this value.
     *
     * @example
     * ```ts
     * await v.getLock().withLock(() => { v.value *= 2; });
     * ```
     */
    getLock() {
        return this.#lock;
    }
    /** @internal */
    [SHARE](backend) {
        return {
            k: 'Value',
            r: this.#at.region.handleFor(backend, 'this Value'),
            o: this.#at.base,
            t: nameOf(this.#type),
        };
    }
}
registerKind('Value', (d) => new Value(d.t, undefined, {}, atOf(d)));
export function RawArray(type, lengthOrData, options = {}) {
    const ctor = ctorOf(type);
    let n;
    let data;
    if (typeof lengthOrData === 'number') {
        if (!Number.isInteger(lengthOrData) || lengthOrData < 0)
            throw new RangeError(`length must be a non-negative integer, got ${lengthOrData}`);
        n = lengthOrData;
    }
    else if (lengthOrData !== null &&
        typeof lengthOrData === 'object' &&
        typeof lengthOrData.length === 'number') {
        data = lengthOrData;
        n = data.length;
        for (let i = 0; i < n; i++)
            checkElement(ctor, data[i], `lengthOrData[${i}]`);
    }
    else {
        throw new TypeError(`lengthOrData must be a length or an array of initial values, got ${lengthOrData === null ? 'null' : typeof lengthOrData}`);
    }
    const region = Region.create(Math.max(1, n * ctor.BYTES_PER_ELEMENT), memoryOf(options));
    const arr = new ctor(region.buffer, 0, n);
    if (data)
        arr.set(data);
    keep.set(arr, region);
    return arr;
}
/** Keeps each RawArray's region (and so its SharedMemory) reachable while the array is. */
const keep = new WeakMap();
/** @internal Rebuilds a view over shared memory from wire data. */
export function viewFrom(d) {
    const region = Region.from(d.r);
    if (d.t === 'buffer')
        return region.buffer;
    const ctor = ctorOf(d.t);
    const arr = new ctor(region.buffer, d.b, d.n);
    keep.set(arr, region);
    return arr;
}
//# sourceMappingURL=value.js.map