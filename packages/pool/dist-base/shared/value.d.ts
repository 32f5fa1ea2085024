/**
 * `Value` (one shared number with a lock) and `RawArray` (a TypedArray over shared memory).
 * @module
 */
import { type ElementType, type SharedTypedArray } from './ctypes.js';
import { Lock } from './mutex.js';
import { type At } from './primitive.js';
import { type MemoryKind } from './region.js';
import { SHARE, type Shareable, type SharedData } from './shareable.js';
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
export declare class Value<T extends number | bigint = number> implements Shareable {
    #private;
    /** `type`: element type; `initial`: start value (default 0). `at` is internal. */
    constructor(type: ElementType, initial?: T, options?: {
        memory?: MemoryKind;
    }, at?: At);
    /** The current value. */
    get value(): T;
    set value(v: T);
    /**
     * The lock guarding this value.
     *
     * @example
     * ```ts
     * await v.getLock().withLock(() => { v.value *= 2; });
     * ```
     */
    getLock(): Lock;
    /** @internal */
    [SHARE](backend: string): SharedData;
}
/**
 * A TypedArray over shared memory (Python's `multiprocessing.RawArray`): pass it to workers
 * (task arguments, `Process` args) and they see the same elements. No lock: combine with a `Lock`.
 *
 * @example
 * ```ts
 * import { RawArray } from '@polycore/pool';
 * const xs = RawArray('f64', 1000);        // zeros
 * const ys = RawArray('i32', [1, 2, 3]);   // copied in
 * ```
 */
export declare function RawArray(type: 'f64' | 'd' | Float64ArrayConstructor, lengthOrData: number | ArrayLike<number>, options?: {
    memory?: MemoryKind;
}): Float64Array;
export declare function RawArray(type: 'f32' | 'f' | Float32ArrayConstructor, lengthOrData: number | ArrayLike<number>, options?: {
    memory?: MemoryKind;
}): Float32Array;
export declare function RawArray(type: 'i32' | 'i' | Int32ArrayConstructor, lengthOrData: number | ArrayLike<number>, options?: {
    memory?: MemoryKind;
}): Int32Array;
export declare function RawArray(type: ElementType, lengthOrData: number | ArrayLike<number | bigint>, options?: {
    memory?: MemoryKind;
}): SharedTypedArray;
/** @internal Rebuilds a view over shared memory from wire data. */
export declare function viewFrom(d: SharedData): SharedTypedArray | ArrayBuffer;
//# sourceMappingURL=value.d.ts.map