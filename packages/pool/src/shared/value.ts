/**
 * `Value` (one shared number with a lock) and `RawArray` (a TypedArray over shared memory).
 * @module
 */

import {
  checkElement,
  ctorOf,
  type ElementType,
  nameOf,
  type SharedTypedArray,
  type TypedArrayCtor,
} from './ctypes.js';
import { LOCK_WORDS, Lock } from './mutex.js';
import { type At, atOf, memoryOf } from './primitive.js';
import { type MemoryKind, Region } from './region.js';
import { registerKind, SHARE, type Shareable, type SharedData } from './shareable.js';

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
export class Value<T extends number | bigint = number> implements Shareable {
  readonly #arr: SharedTypedArray;
  readonly #lock: Lock;
  readonly #at: At;
  readonly #type: TypedArrayCtor;

  /** `type`: element type; `initial`: start value (default 0). `at` is internal. */
  constructor(type: ElementType, initial?: T, options: { memory?: MemoryKind } = {}, at?: At) {
    const ctor = ctorOf(type);
    if (initial !== undefined) checkElement(ctor, initial, 'initial');
    this.#at = at ?? { region: Region.create(VALUE_OFFSET + 8, memoryOf(options)), base: 0 };
    this.#type = ctor;
    const byteOffset = this.#at.base * 4 + VALUE_OFFSET;
    this.#arr = new ctor(this.#at.region.buffer as ArrayBuffer, byteOffset, 1);
    this.#lock = new Lock({}, this.#at);
    if (at === undefined && initial !== undefined) this.value = initial;
  }

  /** The current value. */
  get value(): T {
    return this.#arr[0] as T;
  }

  set value(v: T) {
    checkElement(this.#type, v, 'value');
    (this.#arr as unknown as T[])[0] = v;
  }

  /**
   * The lock guarding this value.
   *
   * @example
   * ```ts
   * await v.getLock().withLock(() => { v.value *= 2; });
   * ```
   */
  getLock(): Lock {
    return this.#lock;
  }

  /** @internal */
  [SHARE](backend: string): SharedData {
    return {
      k: 'Value',
      r: this.#at.region.handleFor(backend, 'this Value'),
      o: this.#at.base,
      t: nameOf(this.#type),
    };
  }
}

registerKind('Value', (d) => new Value(d.t as ElementType, undefined, {}, atOf(d)));

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
export function RawArray(
  type: 'f64' | 'd' | Float64ArrayConstructor,
  lengthOrData: number | ArrayLike<number>,
  options?: { memory?: MemoryKind },
): Float64Array;
export function RawArray(
  type: 'f32' | 'f' | Float32ArrayConstructor,
  lengthOrData: number | ArrayLike<number>,
  options?: { memory?: MemoryKind },
): Float32Array;
export function RawArray(
  type: 'i32' | 'i' | Int32ArrayConstructor,
  lengthOrData: number | ArrayLike<number>,
  options?: { memory?: MemoryKind },
): Int32Array;
export function RawArray(
  type: ElementType,
  lengthOrData: number | ArrayLike<number | bigint>,
  options?: { memory?: MemoryKind },
): SharedTypedArray;
export function RawArray(
  type: ElementType,
  lengthOrData: number | ArrayLike<number | bigint>,
  options: { memory?: MemoryKind } = {},
): SharedTypedArray {
  const ctor = ctorOf(type);
  let n: number;
  let data: ArrayLike<number | bigint> | undefined;
  if (typeof lengthOrData === 'number') {
    if (!Number.isInteger(lengthOrData) || lengthOrData < 0)
      throw new RangeError(`length must be a non-negative integer, got ${lengthOrData}`);
    n = lengthOrData;
  } else if (
    lengthOrData !== null &&
    typeof lengthOrData === 'object' &&
    typeof (lengthOrData as ArrayLike<unknown>).length === 'number'
  ) {
    data = lengthOrData;
    n = data.length;
    for (let i = 0; i < n; i++) checkElement(ctor, data[i], `lengthOrData[${i}]`);
  } else {
    throw new TypeError(
      `lengthOrData must be a length or an array of initial values, got ${lengthOrData === null ? 'null' : typeof lengthOrData}`,
    );
  }
  const region = Region.create(Math.max(1, n * ctor.BYTES_PER_ELEMENT), memoryOf(options));
  const arr = new ctor(region.buffer as ArrayBuffer, 0, n);
  if (data) (arr as unknown as { set(a: ArrayLike<unknown>): void }).set(data);
  keep.set(arr, region);
  return arr;
}

/** Keeps each RawArray's region (and so its SharedMemory) reachable while the array is. */
const keep = new WeakMap<object, Region>();

/** @internal Rebuilds a view over shared memory from wire data. */
export function viewFrom(d: SharedData): SharedTypedArray | ArrayBuffer {
  const region = Region.from(d.r as never);
  if (d.t === 'buffer') return region.buffer as ArrayBuffer;
  const ctor = ctorOf(d.t);
  const arr = new ctor(region.buffer as ArrayBuffer, d.b as number, d.n as number);
  keep.set(arr, region);
  return arr;
}
