/**
 * Routed elementwise operations. Each writes into `out` (checked: same type and length) or a new
 * array, and returns it. `out` may be one of the inputs.
 */

import { type GpuOperand, gpuDirect, isGpuOperand } from '../backends/gpu.js';
import { nativeFn } from '../backends/native.js';
import {
  type BinaryOp,
  binaryRange,
  clampRange,
  fmaRange,
  type UnaryOp,
  unaryRange,
} from '../fallback/kernels-elementwise.js';
import { nativeThresholds as N, nativeFrom as NF, thresholds as T } from '../thresholds.js';
import type { FloatArray } from '../types.js';
import { floatArray, output, sameShape, scalar } from '../validate.js';
import { type Routed, runAsync, runSync } from './run.js';

type Fn = (...args: unknown[]) => unknown;

const same = (a: unknown, b: unknown): boolean =>
  a instanceof Float64Array
    ? b instanceof Float64Array
    : a instanceof Float32Array && b instanceof Float32Array;

/** A native elementwise kernel writing into `out` (its return value is ignored). */
function nativeInto<A extends unknown[]>(
  name: string,
  async: boolean,
): ((...args: A) => FloatArray) | undefined {
  const f = nativeFn<Fn>(async ? `${name}Async` : name);
  if (!f) return undefined;
  return async
    ? (((...args: A) => (f(...args) as Promise<unknown>).then(() => args[args.length - 1])) as unknown as (
        ...args: A
      ) => FloatArray)
    : (...args: A) => {
        f(...args);
        return args[args.length - 1] as FloatArray;
      };
}

/** A binary elementwise function pair `(a, b, out?) → out`. */
function binary(op: BinaryOp) {
  const routed: Routed<[FloatArray, FloatArray, FloatArray], FloatArray> = {
    op,
    arrays: (a, b, out) => [a, b, out],
    js: (a, b, out) => {
      binaryRange(op, a, b, out, 0, a.length);
      return out;
    },
    native: nativeInto(op, false),
    nativeAsync: nativeInto(op, true) as Routed<
      [FloatArray, FloatArray, FloatArray],
      FloatArray
    >['nativeAsync'],
    job: (s, a, b, out) => ({
      kind: 'binary',
      op,
      a: s(a),
      b: s(b),
      out: s(out, { copyIn: false, copyBack: true }),
    }),
    done: (_r, _a, _b, out) => out,
  };
  const nf = nativeFn<Fn>(op) as (a: FloatArray, b: FloatArray, out?: FloatArray) => FloatArray;
  const sync = <T extends FloatArray>(a: T, b: T, out?: T): T => {
    const n = a.length;
    if (n > 0 && same(a, b) && b.length === n && (out === undefined || (same(a, out) && out.length === n))) {
      if (n <= T[op]) {
        const o = out ?? new (a.constructor as new (n: number) => T)(n);
        binaryRange(op, a, b, o, 0, n);
        return o;
      }
      if (n <= N[op] && n >= NF[op]) return nf(a, b, out) as T;
    }
    sameShape(['a', 'b'], [a, b]);
    return runSync(routed, [n], [a, b, output(out, a, 'a')]) as T;
  };
  const async = async <T extends FloatArray | GpuOperand>(a: T, b: T, out?: T): Promise<T> => {
    if (isGpuOperand(a) || isGpuOperand(b))
      return gpuDirect(op, out === undefined ? [a, b] : [a, b, out]) as Promise<T>;
    sameShape(['a', 'b'], [a, b]);
    const fa = a as FloatArray;
    return runAsync(routed, [fa.length], [fa, b as FloatArray, output(out, fa, 'a')]) as Promise<T>;
  };
  return [sync, async] as const;
}

/** A unary elementwise function pair `(x, out?) → out`. */
function unary(op: UnaryOp) {
  const routed: Routed<[FloatArray, FloatArray], FloatArray> = {
    op,
    arrays: (x, out) => [x, out],
    js: (x, out) => {
      unaryRange(op, x, out, 0, x.length);
      return out;
    },
    native: nativeInto(op, false),
    nativeAsync: nativeInto(op, true) as Routed<[FloatArray, FloatArray], FloatArray>['nativeAsync'],
    job: (s, x, out) => ({ kind: 'unary', op, x: s(x), out: s(out, { copyIn: false, copyBack: true }) }),
    done: (_r, _x, out) => out,
  };
  const nf = nativeFn<Fn>(op) as (x: FloatArray, out?: FloatArray) => FloatArray;
  const sync = <T extends FloatArray>(x: T, out?: T): T => {
    const n = x.length;
    const float = x instanceof Float64Array || x instanceof Float32Array;
    if (n > 0 && float && (out === undefined || (same(x, out) && out.length === n))) {
      if (n <= T[op]) {
        const o = out ?? new (x.constructor as new (n: number) => T)(n);
        unaryRange(op, x, o, 0, n);
        return o;
      }
      if (n <= N[op] && n >= NF[op]) return nf(x, out) as T;
    }
    floatArray('x', x);
    return runSync(routed, [n], [x, output(out, x, 'x')]) as T;
  };
  const async = async <T extends FloatArray | GpuOperand>(x: T, out?: T): Promise<T> => {
    if (isGpuOperand(x)) return gpuDirect(op, out === undefined ? [x] : [x, out]) as Promise<T>;
    floatArray('x', x);
    const fx = x as FloatArray;
    return runAsync(routed, [fx.length], [fx, output(out, fx, 'x')]) as Promise<T>;
  };
  return [sync, async] as const;
}

const [addS, addA] = binary('add');
const [subS, subA] = binary('sub');
const [mulS, mulA] = binary('mul');
const [divS, divA] = binary('div');
const [minimumS, minimumA] = binary('minimum');
const [maximumS, maximumA] = binary('maximum');
const [sqrtS, sqrtA] = unary('sqrt');
const [expS, expA] = unary('exp');
const [logS, logA] = unary('log');
const [absS, absA] = unary('abs');

/**
 * `out[i] = a[i] + b[i]`; returns `out` (a new array when omitted).
 * @example
 * ```ts
 * import { add } from '@polycore/dispatch';
 * add(new Float64Array([1, 2]), new Float64Array([3, 4])); // Float64Array [4, 6]
 * ```
 */
export const add = addS;
/** `out[i] = a[i] - b[i]`. @example `sub(a, b, a) // a -= b` */
export const sub = subS;
/** `out[i] = a[i] · b[i]`. @example `mul(a, b)` */
export const mul = mulS;
/** `out[i] = a[i] / b[i]`. @example `div(a, b)` */
export const div = divS;
/** `out[i] = min(a[i], b[i])` (NaN if either is NaN). @example `minimum(a, b)` */
export const minimum = minimumS;
/** `out[i] = max(a[i], b[i])` (NaN if either is NaN). @example `maximum(a, b)` */
export const maximum = maximumS;
/** `out[i] = √x[i]`. @example `sqrt(new Float64Array([4, 9])) // [2, 3]` */
export const sqrt = sqrtS;
/** `out[i] = eˣ⁽ⁱ⁾`. @example `exp(x)` */
export const exp = expS;
/** `out[i] = ln x[i]`. @example `log(x)` */
export const log = logS;
/** `out[i] = |x[i]|`. @example `abs(x, x) // in place` */
export const abs = absS;
/** Async {@link add}: off the event loop for big inputs; GpuArrays stay on the GPU. @example `await addAsync(a, b)` */
export const addAsync = addA;
/** Async {@link sub}. @example `await subAsync(a, b)` */
export const subAsync = subA;
/** Async {@link mul}. @example `await mulAsync(a, b)` */
export const mulAsync = mulA;
/** Async {@link div}. @example `await divAsync(a, b)` */
export const divAsync = divA;
/** Async {@link minimum}. @example `await minimumAsync(a, b)` */
export const minimumAsync = minimumA;
/** Async {@link maximum}. @example `await maximumAsync(a, b)` */
export const maximumAsync = maximumA;
/** Async {@link sqrt}. @example `await sqrtAsync(x)` */
export const sqrtAsync = sqrtA;
/** Async {@link exp}. @example `await expAsync(x)` */
export const expAsync = expA;
/** Async {@link log}. @example `await logAsync(x)` */
export const logAsync = logA;
/** Async {@link abs}. @example `await absAsync(x)` */
export const absAsync = absA;

const NFMA = nativeFn<Fn>('fma');
const NCLAMP = nativeFn<Fn>('clamp');

const FMA: Routed<[FloatArray, FloatArray, FloatArray, FloatArray], FloatArray> = {
  op: 'fma',
  arrays: (a, b, c, out) => [a, b, c, out],
  js: (a, b, c, out) => {
    fmaRange(a, b, c, out, 0, a.length);
    return out;
  },
  native: nativeInto('fma', false),
  nativeAsync: nativeInto('fma', true) as Routed<
    [FloatArray, FloatArray, FloatArray, FloatArray],
    FloatArray
  >['nativeAsync'],
  job: (s, a, b, c, out) => ({
    kind: 'fma',
    a: s(a),
    b: s(b),
    c: s(c),
    out: s(out, { copyIn: false, copyBack: true }),
  }),
  done: (_r, _a, _b, _c, out) => out,
};

/**
 * `out[i] = a[i]·b[i] + c[i]`; returns `out`.
 * @example
 * ```ts
 * import { fma } from '@polycore/dispatch';
 * fma(new Float64Array([2]), new Float64Array([3]), new Float64Array([1])); // [7]
 * ```
 */
export function fma<T extends FloatArray>(a: T, b: T, c: T, out?: T): T {
  const n = a.length;
  if (n > 0 && out === undefined && same(a, b) && same(a, c) && b.length === n && c.length === n) {
    if (n <= T.fma) {
      const o = new (a.constructor as new (n: number) => T)(n);
      fmaRange(a, b, c, o, 0, n);
      return o;
    }
    if (n <= N.fma && n >= NF.fma) return (NFMA as (a: T, b: T, c: T) => T)(a, b, c);
  }
  sameShape(['a', 'b', 'c'], [a, b, c]);
  return runSync(FMA, [n], [a, b, c, output(out, a, 'a')]) as T;
}

/** Async {@link fma}. @example `await fmaAsync(a, b, c)` */
export async function fmaAsync<T extends FloatArray | GpuOperand>(a: T, b: T, c: T, out?: T): Promise<T> {
  if (isGpuOperand(a) || isGpuOperand(b) || isGpuOperand(c)) {
    return gpuDirect('fma', out === undefined ? [a, b, c] : [a, b, c, out]) as Promise<T>;
  }
  sameShape(['a', 'b', 'c'], [a, b, c]);
  const fa = a as FloatArray;
  return runAsync(
    FMA,
    [fa.length],
    [fa, b as FloatArray, c as FloatArray, output(out, fa, 'a')],
  ) as Promise<T>;
}

const CLAMP: Routed<[FloatArray, number, number, FloatArray], FloatArray> = {
  op: 'clamp',
  arrays: (x, _lo, _hi, out) => [x, out],
  js: (x, lo, hi, out) => {
    clampRange(x, lo, hi, out, 0, x.length);
    return out;
  },
  native: nativeInto('clamp', false),
  nativeAsync: nativeInto('clamp', true) as Routed<
    [FloatArray, number, number, FloatArray],
    FloatArray
  >['nativeAsync'],
  job: (s, x, lo, hi, out) => ({
    kind: 'clamp',
    x: s(x),
    lo,
    hi,
    out: s(out, { copyIn: false, copyBack: true }),
  }),
  done: (_r, _x, _lo, _hi, out) => out,
};

function checkBounds(lo: unknown, hi: unknown): void {
  scalar('lo', lo);
  scalar('hi', hi);
  if ((lo as number) > (hi as number)) throw new RangeError(`lo (${lo}) must not exceed hi (${hi})`);
}

/**
 * `out[i] = min(max(x[i], lo), hi)`; returns `out`.
 * @throws RangeError when lo > hi.
 * @example
 * ```ts
 * import { clamp } from '@polycore/dispatch';
 * clamp(new Float64Array([-2, 0.5, 3]), 0, 1); // [0, 0.5, 1]
 * ```
 */
export function clamp<T extends FloatArray>(x: T, lo: number, hi: number, out?: T): T {
  const n = x.length;
  if (
    n > 0 &&
    out === undefined &&
    typeof lo === 'number' &&
    typeof hi === 'number' &&
    lo <= hi &&
    (x instanceof Float64Array || x instanceof Float32Array)
  ) {
    if (n <= T.clamp) {
      const o = new (x.constructor as new (n: number) => T)(n);
      clampRange(x, lo, hi, o, 0, n);
      return o;
    }
    if (n <= N.clamp && n >= NF.clamp) return (NCLAMP as (x: T, lo: number, hi: number) => T)(x, lo, hi);
  }
  checkBounds(lo, hi);
  floatArray('x', x);
  return runSync(CLAMP, [x.length], [x, lo, hi, output(out, x, 'x')]) as T;
}

/** Async {@link clamp}. @example `await clampAsync(x, 0, 1)` */
export async function clampAsync<T extends FloatArray | GpuOperand>(
  x: T,
  lo: number,
  hi: number,
  out?: T,
): Promise<T> {
  checkBounds(lo, hi);
  if (isGpuOperand(x))
    return gpuDirect('clamp', out === undefined ? [x, lo, hi] : [x, lo, hi, out]) as Promise<T>;
  floatArray('x', x);
  const fx = x as FloatArray;
  return runAsync(CLAMP, [fx.length], [fx, lo, hi, output(out, fx, 'x')]) as Promise<T>;
}
