/**
 * Element types of `Value` and `RawArray`: names ('f64', 'i32', ...), Python typecodes ('d', 'i', ...)
 * or TypedArray constructors.
 * @module
 */
/** TypedArray constructors usable for shared values/arrays. */
export type TypedArrayCtor = Int8ArrayConstructor | Uint8ArrayConstructor | Int16ArrayConstructor | Uint16ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor | Float32ArrayConstructor | Float64ArrayConstructor | BigInt64ArrayConstructor | BigUint64ArrayConstructor;
/** A TypedArray of one of those kinds. */
export type SharedTypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;
/** Element type names: 'i8' 'u8' 'i16' 'u16' 'i32' 'u32' 'f32' 'f64' 'i64' 'u64', or Python typecodes. */
export type ElementType = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'f32' | 'f64' | 'i64' | 'u64' | 'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'l' | 'L' | 'q' | 'Q' | 'f' | 'd' | TypedArrayCtor;
/** The TypedArray constructor for `type` (TypeError naming `arg` otherwise). */
export declare function ctorOf(type: unknown, arg?: string): TypedArrayCtor;
/** The canonical name of a constructor (wire form). */
export declare function nameOf(ctor: TypedArrayCtor): string;
/** Whether elements are BigInts. */
export declare function isBig(ctor: TypedArrayCtor): boolean;
/** Checks that `v` fits an element of `ctor` (TypeError for wrong kinds). */
export declare function checkElement(ctor: TypedArrayCtor, v: unknown, arg: string): void;
//# sourceMappingURL=ctypes.d.ts.map