/**
 * The native core as the router sees it: each kernel looked up by name on @polycore/native, so an
 * operation whose native kernel is missing (older binary, POLYCORE_NATIVE=0, no binary for this
 * platform) simply is not a candidate and runs on the TypeScript kernels instead.
 */
import * as nativeModule from '@polycore/native';
import type { FloatArray } from '../types.js';

type Fn = (...args: never[]) => unknown;

const loaded = nativeModule.isNativeAvailable();
const table = nativeModule as unknown as Record<string, unknown>;

type Arrays = (F: Float64ArrayConstructor | Float32ArrayConstructor) => unknown[];
const v = (F: Float64ArrayConstructor | Float32ArrayConstructor) => new F([1, 2]);
const one = (F: Float64ArrayConstructor | Float32ArrayConstructor) => new F([1]);
const BINARY: Arrays = (F) => [v(F), v(F), v(F)];
const UNARY: Arrays = (F) => [v(F), v(F)];
const REDUCE: Arrays = (F) => [v(F)];

/** Arguments of a tiny valid call of each kernel: a kernel is used only if this call works. */
const PROBES: Record<string, Arrays> = {
  dot: (F) => [v(F), v(F)],
  axpy: (F) => [1, v(F), v(F)],
  scal: (F) => [1, v(F)],
  copy: (F) => [v(F), v(F)],
  swap: (F) => [v(F), v(F)],
  rot: (F) => [v(F), v(F), 1, 0],
  nrm2: REDUCE,
  asum: REDUCE,
  iamax: REDUCE,
  sum: REDUCE,
  min: REDUCE,
  max: REDUCE,
  mean: REDUCE,
  variance: REDUCE,
  add: BINARY,
  sub: BINARY,
  mul: BINARY,
  div: BINARY,
  minimum: BINARY,
  maximum: BINARY,
  fma: (F) => [v(F), v(F), v(F), v(F)],
  sqrt: UNARY,
  exp: UNARY,
  log: UNARY,
  abs: UNARY,
  clamp: (F) => [v(F), 0, 1, v(F)],
  gemm: (F) => [{ m: 1, n: 1, k: 1, a: one(F), b: one(F), c: one(F) }],
  gemv: (F) => [{ m: 1, n: 1, a: one(F), x: one(F), y: one(F) }],
  ger: (F) => [{ m: 1, n: 1, x: one(F), y: one(F), a: one(F) }],
};

const probed = new Map<string, boolean>();

function works(name: string): boolean {
  const base = name.endsWith('Async') ? name.slice(0, -5) : name;
  let ok = probed.get(base);
  if (ok === undefined) {
    const f = table[base];
    const args = PROBES[base];
    ok = typeof f === 'function';
    if (ok && args) {
      try {
        for (const F of [Float64Array, Float32Array]) (f as (...a: unknown[]) => unknown)(...args(F));
      } catch {
        ok = false;
      }
    }
    probed.set(base, ok);
  }
  return ok;
}

/**
 * The native kernel `name`, or undefined when the core is unavailable, lacks it, or its tiny
 * probe call fails (a TypeScript wrapper whose binary kernel is missing).
 */
export function nativeFn<F extends Fn>(name: string): F | undefined {
  const f = table[name];
  return loaded && typeof f === 'function' && works(name) ? (f as F) : undefined;
}

/** True when the native core loaded. */
export const nativeLoaded = loaded;

type Reduce = (x: FloatArray, ...rest: never[]) => number;

/** The native kernels the router uses (undefined when missing). */
export const nat = {
  dot: nativeFn<(x: FloatArray, y: FloatArray) => number>('dot'),
  dotAsync: nativeFn<(x: FloatArray, y: FloatArray) => Promise<number>>('dotAsync'),
  axpy: nativeFn<(alpha: number, x: FloatArray, y: FloatArray) => unknown>('axpy'),
  axpyAsync: nativeFn<(alpha: number, x: FloatArray, y: FloatArray) => Promise<unknown>>('axpyAsync'),
  scal: nativeFn<(alpha: number, x: FloatArray) => unknown>('scal'),
  scalAsync: nativeFn<(alpha: number, x: FloatArray) => Promise<unknown>>('scalAsync'),
  nrm2: nativeFn<Reduce>('nrm2'),
  asum: nativeFn<Reduce>('asum'),
  iamax: nativeFn<Reduce>('iamax'),
  gemm: nativeFn<(o: nativeModule.GemmOptions) => FloatArray>('gemm'),
  gemmAsync: nativeFn<(o: nativeModule.GemmOptions) => Promise<FloatArray>>('gemmAsync'),
  gemv: nativeFn<(o: nativeModule.GemvOptions) => FloatArray>('gemv'),
  gemvAsync: nativeFn<(o: nativeModule.GemvOptions) => Promise<FloatArray>>('gemvAsync'),
  ger: nativeFn<(o: nativeModule.GerOptions) => FloatArray>('ger'),
  gerAsync: nativeFn<(o: nativeModule.GerOptions) => Promise<FloatArray>>('gerAsync'),
};

/** A native kernel by routed-op name with its async twin (elementwise and reductions). */
export function nativePair(name: string): { sync: Fn | undefined; async: Fn | undefined } {
  return { sync: nativeFn(name), async: nativeFn(`${name}Async`) };
}

/** True when the native core has the kernel of routed operation `op` (same name). */
export function nativeHas(op: string): boolean {
  return nativeFn(op) !== undefined;
}

/**
 * gemm / gemv / ger on arguments already validated by `normalizeGemm` / `normalizeGemv` /
 * `normalizeGer` (the native package's own checks): no second validation on the routed path.
 * `undefined` without the native core.
 */
export const nativeGemm: ((g: nativeModule.GemmArgs) => void) | undefined = nat.gemm
  ? nativeModule.gemmNormalized
  : undefined;
/** gemv on validated arguments (see {@link nativeGemm}). */
export const nativeGemv: ((g: nativeModule.GemvArgs) => void) | undefined = nat.gemv
  ? nativeModule.gemvNormalized
  : undefined;
/** ger on validated arguments (see {@link nativeGemm}). */
export const nativeGer: ((g: nativeModule.GerArgs) => void) | undefined = nat.ger
  ? nativeModule.gerNormalized
  : undefined;
