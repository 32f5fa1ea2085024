/**
 * Element types of `Value` and `RawArray`: names ('f64', 'i32', ...), Python typecodes ('d', 'i', ...)
 * or TypedArray constructors.
 * @module
 */
const BY_NAME = {
    i8: Int8Array,
    u8: Uint8Array,
    i16: Int16Array,
    u16: Uint16Array,
    i32: Int32Array,
    u32: Uint32Array,
    f32: Float32Array,
    f64: Float64Array,
    i64: BigInt64Array,
    u64: BigUint64Array,
    b: Int8Array,
    B: Uint8Array,
    h: Int16Array,
    H: Uint16Array,
    i: Int32Array,
    I: Uint32Array,
    l: BigInt64Array,
    L: BigUint64Array,
    q: BigInt64Array,
    Q: BigUint64Array,
    f: Float32Array,
    d: Float64Array,
};
const CTORS = new Set(Object.values(BY_NAME));
/** The TypedArray constructor for `type` (TypeError naming `arg` otherwise). */
export function ctorOf(type, arg = 'type') {
    if (typeof type === 'string' && Object.hasOwn(BY_NAME, type))
        return BY_NAME[type];
    if (CTORS.has(type))
        return type;
    throw new TypeError(`${arg} must be one of ${Object.keys(BY_NAME).join(', ')} or a TypedArray constructor, got ${String(type)}`);
}
/** The canonical name of a constructor (wire form). */
export function nameOf(ctor) {
    return ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'f32', 'f64', 'i64', 'u64'].find((k) => BY_NAME[k] === ctor);
}
/** Whether elements are BigInts. */
export function isBig(ctor) {
    return ctor === BigInt64Array || ctor === BigUint64Array;
}
/** Checks that `v` fits an element of `ctor` (TypeError for wrong kinds). */
export function checkElement(ctor, v, arg) {
    if (isBig(ctor)) {
        if (typeof v !== 'bigint')
            throw new TypeError(`${arg} must be a bigint for a 64-bit integer type, got ${typeof v}`);
    }
    else if (typeof v !== 'number') {
        throw new TypeError(`${arg} must be a number, got ${typeof v}`);
    }
}
//# sourceMappingURL=ctypes.js.map