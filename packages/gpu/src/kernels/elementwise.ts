/** Elementwise kernels on GpuArrays (numbers broadcast as scalars); results stay on the device. */
import { copyHook, GpuArray } from '../array.js';
import { type Operand, type Param, run } from '../pipelines.js';
import { launchProfile } from '../profile.js';
import { EW_WG, type EwOp, elementwiseShader } from '../shaders/elementwise.js';
import { describe } from '../validate.js';
import { gpuArray, noPartialOverlap, type Strided, sameKind, sameLength, whole } from './args.js';

/** Options of the elementwise kernels. */
export interface ElementwiseOptions {
  /** Write the result here (same length/dtype/device; may be one of the inputs) instead of a new array. */
  out?: GpuArray;
}

/** Where an elementwise result goes: `out` directly (as in @polycore/native) or `{ out }`. */
export type OutArg = GpuArray | ElementwiseOptions;

/** An elementwise input: a GpuArray or a number broadcast to every element. */
export type GpuOperand = GpuArray | number;

/**
 * @internal Launches elementwise op `op` over `n` elements of strided inputs (or scalars) into
 * `out` (already validated); returns `out.array`.
 */
export function ewRun(op: EwOp, n: number, inputs: (Strided | number)[], out: Strided): GpuArray {
  if (n === 0) return out.array;
  const operands: Operand[] = [];
  const params: Param[] = [
    { name: 'n', type: 'u32', value: n },
    { name: 'oo', type: 'u32', value: out.array.offset + out.off },
    { name: 'oc', type: 'i32', value: out.inc },
  ];
  const arrays = inputs.map((x) => typeof x !== 'number');
  inputs.forEach((x, k) => {
    if (typeof x === 'number') {
      params.push({ name: `s${k}`, type: 'f32', value: x });
    } else {
      operands.push({ name: `x${k}`, array: x.array });
      params.push({ name: `o${k}`, type: 'u32', value: x.array.offset + x.off });
      params.push({ name: `c${k}`, type: 'i32', value: x.inc });
    }
  });
  operands.push({ name: 'out', array: out.array, write: true });
  const g = out.array.gpu;
  const groups: [number] = [Math.min(Math.ceil(n / EW_WG), launchProfile(g).elementwiseGroups)];
  run(g, [
    {
      key: `ew:${op}:${arrays.map((a) => (a ? 'a' : 's')).join('')}`,
      operands,
      params,
      groups,
      elem: out.array.dtype,
      shader: (plan) => elementwiseShader(plan, op, arrays),
    },
  ]);
  return out.array;
}

/**
 * @internal Validates and runs elementwise op `op` over named inputs (whole arrays or numbers);
 * returns the output array.
 */
export function elementwise(op: EwOp, names: string[], inputs: unknown[], outArg?: OutArg): GpuArray {
  let lead: GpuArray | null = null;
  let leadName = '';
  inputs.forEach((x, k) => {
    const name = names[k] as string;
    if (typeof x === 'number') return;
    if (!(x instanceof GpuArray))
      throw new TypeError(`${name} must be a GpuArray or a number (got ${describe(x)})`);
    const a = gpuArray(name, x);
    if (!lead) {
      lead = a;
      leadName = name;
    } else {
      sameKind(name, a, lead, leadName);
      sameLength(name, a.length, lead.length, leadName);
    }
  });
  const first = lead as GpuArray | null;
  if (!first) throw new TypeError(`at least one of ${names.join(', ')} must be a GpuArray`);
  if (outArg !== undefined && (typeof outArg !== 'object' || outArg === null)) {
    throw new TypeError(`out must be a GpuArray or { out } (got ${describe(outArg)})`);
  }
  const options: ElementwiseOptions | undefined = outArg instanceof GpuArray ? { out: outArg } : outArg;
  let out: GpuArray;
  if (options?.out !== undefined) {
    out = gpuArray('out', options.out);
    sameKind('out', out, first, leadName);
    sameLength('out', out.length, first.length, leadName);
    inputs.forEach((x, k) => {
      if (x instanceof GpuArray)
        noPartialOverlap('out', whole(out), names[k] as string, whole(x), out.length);
    });
  } else {
    out = GpuArray.empty(first.length, { dtype: first.dtype, gpu: first.gpu });
  }
  return ewRun(
    op,
    first.length,
    inputs.map((x) => (x instanceof GpuArray ? whole(x) : (x as number))),
    whole(out),
  );
}

copyHook.copy = (src, dst) => {
  elementwise('copy', ['src'], [src], { out: dst });
};

/**
 * `x + y` elementwise (either may be a number). Returns a new array unless `out` is given
 * (positionally as in @polycore/native, or as `{ out }`).
 *
 * @example
 * ```ts
 * const z = add(x, y); // or add(x, 1), or add(x, y, x) in place
 * ```
 */
export function add(x: GpuOperand, y: GpuOperand, out?: OutArg): GpuArray {
  return elementwise('add', ['x', 'y'], [x, y], out);
}

/**
 * `x - y` elementwise.
 *
 * @example
 * ```ts
 * const d = sub(x, y);
 * ```
 */
export function sub(x: GpuOperand, y: GpuOperand, out?: OutArg): GpuArray {
  return elementwise('sub', ['x', 'y'], [x, y], out);
}

/**
 * `x * y` elementwise.
 *
 * @example
 * ```ts
 * const p = mul(x, 2);
 * ```
 */
export function mul(x: GpuOperand, y: GpuOperand, out?: OutArg): GpuArray {
  return elementwise('mul', ['x', 'y'], [x, y], out);
}

/**
 * `x / y` elementwise.
 *
 * @example
 * ```ts
 * const q = div(1, x); // reciprocals
 * ```
 */
export function div(x: GpuOperand, y: GpuOperand, out?: OutArg): GpuArray {
  return elementwise('div', ['x', 'y'], [x, y], out);
}

/**
 * Elementwise minimum of `x` and `y` (numpy's `minimum`; the reduction is {@link min}). NaN handling
 * follows the driver (WGSL leaves it open).
 *
 * @example
 * ```ts
 * const m = minimum(x, 0); // min(x[i], 0)
 * ```
 */
export function minimum(x: GpuOperand, y: GpuOperand, out?: OutArg): GpuArray {
  return elementwise('minimum', ['x', 'y'], [x, y], out);
}

/**
 * Elementwise maximum of `x` and `y` (numpy's `maximum`; the reduction is {@link max}).
 *
 * @example
 * ```ts
 * const relu = maximum(x, 0);
 * ```
 */
export function maximum(x: GpuOperand, y: GpuOperand, out?: OutArg): GpuArray {
  return elementwise('maximum', ['x', 'y'], [x, y], out);
}

/**
 * `a * b + c` elementwise, fused (one rounding where the hardware has FMA).
 *
 * @example
 * ```ts
 * const r = fma(a, b, c);
 * ```
 */
export function fma(a: GpuOperand, b: GpuOperand, c: GpuOperand, out?: OutArg): GpuArray {
  return elementwise('fma', ['a', 'b', 'c'], [a, b, c], out);
}

/**
 * Clamps each element to `[lo, hi]` (`min(max(x, lo), hi)`; bounds may be arrays).
 *
 * @example
 * ```ts
 * const c = clamp(x, -1, 1);
 * ```
 */
export function clamp(x: GpuOperand, lo: GpuOperand, hi: GpuOperand, out?: OutArg): GpuArray {
  return elementwise('clamp', ['x', 'lo', 'hi'], [x, lo, hi], out);
}

function unary(op: EwOp) {
  return (x: GpuArray, out?: OutArg): GpuArray => elementwise(op, ['x'], [x], out);
}

/**
 * Square root of each element.
 *
 * @example
 * ```ts
 * const r = sqrt(x);
 * ```
 */
export const sqrt: (x: GpuArray, out?: OutArg) => GpuArray = unary('sqrt');

/**
 * `e^x` of each element.
 *
 * @example
 * ```ts
 * const e = exp(x);
 * ```
 */
export const exp: (x: GpuArray, out?: OutArg) => GpuArray = unary('exp');

/**
 * Natural logarithm of each element.
 *
 * @example
 * ```ts
 * const l = log(x);
 * ```
 */
export const log: (x: GpuArray, out?: OutArg) => GpuArray = unary('log');

/**
 * Absolute value of each element.
 *
 * @example
 * ```ts
 * const a = abs(x);
 * ```
 */
export const abs: (x: GpuArray, out?: OutArg) => GpuArray = unary('abs');

/**
 * `-x` elementwise.
 *
 * @example
 * ```ts
 * const m = neg(x);
 * ```
 */
export const neg: (x: GpuArray, out?: OutArg) => GpuArray = unary('neg');

/**
 * Copies `x` into a new array (or `options.out`).
 *
 * @example
 * ```ts
 * const y = copy(x);
 * ```
 */
export const copy: (x: GpuArray, out?: OutArg) => GpuArray = unary('copy');
