import { native } from './loader.js';
import {
  type Dtype,
  describe,
  type FloatArray,
  floatArray,
  rethrowNative,
  sameDtype,
  sameLength,
} from './validate.js';

/** Unary op codes of the native `unary` binding. */
const UNARY = { sqrt: 0, exp: 1, log: 2, abs: 3 } as const;
/** Binary op codes of the native `binary` binding. */
const BINARY = { add: 0, sub: 1, mul: 2, div: 3, min: 4, max: 5 } as const;

/** Names of the one-input elementwise ops. */
export type UnaryOp = keyof typeof UNARY;
/** Names of the two-input elementwise ops. */
export type BinaryOp = keyof typeof BINARY;

/** Checks the inputs share one dtype and length and returns `out` (allocated when omitted). */
function prepare<T extends FloatArray>(
  names: readonly string[],
  inputs: readonly unknown[],
  out: unknown,
): T {
  const dtype: Dtype = floatArray(names[0] as string, inputs[0]);
  const n = (inputs[0] as FloatArray).length;
  for (let i = 1; i < inputs.length; i++) {
    const name = names[i] as string;
    sameDtype(name, inputs[i], dtype, names[0] as string);
    sameLength(name, (inputs[i] as FloatArray).length, n, names[0] as string);
  }
  if (out === undefined) return (dtype === 'f64' ? new Float64Array(n) : new Float32Array(n)) as T;
  if (out === null || typeof out !== 'object')
    throw new TypeError(`out must be a Float64Array or Float32Array (got ${describe(out)})`);
  sameDtype('out', out, dtype, names[0] as string);
  sameLength('out', (out as FloatArray).length, n, names[0] as string);
  return out as T;
}

function code<M extends Record<string, number>>(table: M, op: unknown): number {
  if (typeof op !== 'string' || !Object.hasOwn(table, op)) {
    throw new RangeError(`op must be one of ${Object.keys(table).join(', ')} (got ${String(op)})`);
  }
  return table[op] as number;
}

function bound(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  return v;
}

function clampBounds(lo: unknown, hi: unknown): void {
  const l = bound('lo', lo);
  const h = bound('hi', hi);
  if (Number.isNaN(l) || Number.isNaN(h) || l > h)
    throw new RangeError(`lo must be <= hi (got ${l} and ${h})`);
}

const AB = ['a', 'b'] as const;
const ABC = ['a', 'b', 'c'] as const;
const X = ['x'] as const;

/**
 * `out[i] = f(x[i])` for a one-input op by name; `out` may be `x` (in place) and is allocated
 * when omitted. Returns `out`.
 *
 * @throws TypeError for non-float arrays, mixed element types or detached buffers.
 * @throws RangeError for length mismatches or `out` partially overlapping `x`.
 * @example
 * ```ts
 * import { map1 } from '@polycore/native';
 * map1('sqrt', new Float64Array([4, 9])); // Float64Array [2, 3]
 * ```
 */
export function map1<T extends FloatArray>(op: UnaryOp, x: T, out?: T): T {
  const b = native();
  try {
    const o = prepare<T>(X, [x], out);
    b.unary(code(UNARY, op), x, o);
    return o;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * {@link map1} on a native thread.
 *
 * @example
 * ```ts
 * import { map1Async } from '@polycore/native';
 * await map1Async('exp', new Float64Array(1e6));
 * ```
 */
export async function map1Async<T extends FloatArray>(op: UnaryOp, x: T, out?: T): Promise<T> {
  const b = native();
  try {
    const o = prepare<T>(X, [x], out);
    await b.unaryAsync(code(UNARY, op), x, o);
    return o;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * `out[i] = a[i] ∘ b[i]` for a two-input op by name; `out` may be `a` or `b` (in place) and is
 * allocated when omitted. `min`/`max` propagate NaN. Returns `out`.
 *
 * @example
 * ```ts
 * import { map2 } from '@polycore/native';
 * map2('max', new Float32Array([1, 5]), new Float32Array([3, 2])); // Float32Array [3, 5]
 * ```
 */
export function map2<T extends FloatArray>(op: BinaryOp, a: T, b: T, out?: T): T {
  const n = native();
  try {
    const o = prepare<T>(AB, [a, b], out);
    n.binary(code(BINARY, op), a, b, o);
    return o;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * {@link map2} on a native thread.
 *
 * @example
 * ```ts
 * import { map2Async } from '@polycore/native';
 * await map2Async('add', new Float64Array(1e6), new Float64Array(1e6));
 * ```
 */
export async function map2Async<T extends FloatArray>(op: BinaryOp, a: T, b: T, out?: T): Promise<T> {
  const n = native();
  try {
    const o = prepare<T>(AB, [a, b], out);
    await n.binaryAsync(code(BINARY, op), a, b, o);
    return o;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * `out[i] = a[i] + b[i]`. Returns `out` (allocated when omitted; may be `a` or `b`).
 *
 * @example
 * ```ts
 * import { add } from '@polycore/native';
 * const a = new Float64Array([1, 2]);
 * add(a, new Float64Array([10, 20]), a); // in place: a = [11, 22]
 * ```
 */
export const add = <T extends FloatArray>(a: T, b: T, out?: T): T => map2('add', a, b, out);
/** `a − b` elementwise; see {@link add}. @example `sub(a, b)` */
export const sub = <T extends FloatArray>(a: T, b: T, out?: T): T => map2('sub', a, b, out);
/** `a · b` elementwise; see {@link add}. @example `mul(a, b)` */
export const mul = <T extends FloatArray>(a: T, b: T, out?: T): T => map2('mul', a, b, out);
/** `a / b` elementwise; see {@link add}. @example `div(a, b)` */
export const div = <T extends FloatArray>(a: T, b: T, out?: T): T => map2('div', a, b, out);
/** Elementwise minimum, NaN-propagating; see {@link add}. @example `minimum(a, b)` */
export const minimum = <T extends FloatArray>(a: T, b: T, out?: T): T => map2('min', a, b, out);
/** Elementwise maximum, NaN-propagating; see {@link add}. @example `maximum(a, b)` */
export const maximum = <T extends FloatArray>(a: T, b: T, out?: T): T => map2('max', a, b, out);
/** `√x` elementwise; see {@link map1}. @example `sqrt(x)` */
export const sqrt = <T extends FloatArray>(x: T, out?: T): T => map1('sqrt', x, out);
/** `eˣ` elementwise; see {@link map1}. @example `exp(x)` */
export const exp = <T extends FloatArray>(x: T, out?: T): T => map1('exp', x, out);
/** `ln x` elementwise; see {@link map1}. @example `log(x)` */
export const log = <T extends FloatArray>(x: T, out?: T): T => map1('log', x, out);
/** `|x|` elementwise; see {@link map1}. @example `abs(x)` */
export const abs = <T extends FloatArray>(x: T, out?: T): T => map1('abs', x, out);

/** {@link add} on a native thread. @example `await addAsync(a, b)` */
export const addAsync = <T extends FloatArray>(a: T, b: T, out?: T): Promise<T> =>
  map2Async('add', a, b, out);
/** {@link sub} on a native thread. @example `await subAsync(a, b)` */
export const subAsync = <T extends FloatArray>(a: T, b: T, out?: T): Promise<T> =>
  map2Async('sub', a, b, out);
/** {@link mul} on a native thread. @example `await mulAsync(a, b)` */
export const mulAsync = <T extends FloatArray>(a: T, b: T, out?: T): Promise<T> =>
  map2Async('mul', a, b, out);
/** {@link div} on a native thread. @example `await divAsync(a, b)` */
export const divAsync = <T extends FloatArray>(a: T, b: T, out?: T): Promise<T> =>
  map2Async('div', a, b, out);
/** {@link minimum} on a native thread. @example `await minimumAsync(a, b)` */
export const minimumAsync = <T extends FloatArray>(a: T, b: T, out?: T): Promise<T> =>
  map2Async('min', a, b, out);
/** {@link maximum} on a native thread. @example `await maximumAsync(a, b)` */
export const maximumAsync = <T extends FloatArray>(a: T, b: T, out?: T): Promise<T> =>
  map2Async('max', a, b, out);
/** {@link sqrt} on a native thread. @example `await sqrtAsync(x)` */
export const sqrtAsync = <T extends FloatArray>(x: T, out?: T): Promise<T> => map1Async('sqrt', x, out);
/** {@link exp} on a native thread. @example `await expAsync(x)` */
export const expAsync = <T extends FloatArray>(x: T, out?: T): Promise<T> => map1Async('exp', x, out);
/** {@link log} on a native thread. @example `await logAsync(x)` */
export const logAsync = <T extends FloatArray>(x: T, out?: T): Promise<T> => map1Async('log', x, out);
/** {@link abs} on a native thread. @example `await absAsync(x)` */
export const absAsync = <T extends FloatArray>(x: T, out?: T): Promise<T> => map1Async('abs', x, out);

/**
 * `out[i] = a[i]·b[i] + c[i]` with one rounding (fused multiply-add). Returns `out` (allocated
 * when omitted; may be any input).
 *
 * @example
 * ```ts
 * import { fma } from '@polycore/native';
 * fma(new Float64Array([2]), new Float64Array([3]), new Float64Array([1])); // Float64Array [7]
 * ```
 */
export function fma<T extends FloatArray>(a: T, b: T, c: T, out?: T): T {
  const n = native();
  try {
    const o = prepare<T>(ABC, [a, b, c], out);
    n.fma(a, b, c, o);
    return o;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * {@link fma} on a native thread.
 *
 * @example
 * ```ts
 * import { fmaAsync } from '@polycore/native';
 * await fmaAsync(a, b, c);
 * ```
 */
export async function fmaAsync<T extends FloatArray>(a: T, b: T, c: T, out?: T): Promise<T> {
  const n = native();
  try {
    const o = prepare<T>(ABC, [a, b, c], out);
    await n.fmaAsync(a, b, c, o);
    return o;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * `out[i] = min(max(x[i], lo), hi)`; NaN stays NaN. Returns `out` (allocated when omitted).
 *
 * @throws RangeError when `lo > hi` or either is NaN.
 * @example
 * ```ts
 * import { clamp } from '@polycore/native';
 * clamp(new Float64Array([-2, 0.5, 7]), 0, 1); // Float64Array [0, 0.5, 1]
 * ```
 */
export function clamp<T extends FloatArray>(x: T, lo: number, hi: number, out?: T): T {
  const n = native();
  try {
    clampBounds(lo, hi);
    const o = prepare<T>(X, [x], out);
    n.clamp(x, lo, hi, o);
    return o;
  } catch (e) {
    return rethrowNative(e);
  }
}

/**
 * {@link clamp} on a native thread.
 *
 * @example
 * ```ts
 * import { clampAsync } from '@polycore/native';
 * await clampAsync(new Float32Array(1e6), -1, 1);
 * ```
 */
export async function clampAsync<T extends FloatArray>(x: T, lo: number, hi: number, out?: T): Promise<T> {
  const n = native();
  try {
    clampBounds(lo, hi);
    const o = prepare<T>(X, [x], out);
    await n.clampAsync(x, lo, hi, o);
    return o;
  } catch (e) {
    return rethrowNative(e);
  }
}

/** Elementwise op names of this module, for callers that dispatch by name. */
export const ELEMENTWISE_OPS = {
  unary: Object.keys(UNARY) as UnaryOp[],
  binary: Object.keys(BINARY) as BinaryOp[],
};
