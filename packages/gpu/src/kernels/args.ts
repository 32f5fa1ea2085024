/** Checks on GpuArray arguments shared by the kernels. */
import { GpuArray } from '../array.js';
import { describe } from '../validate.js';

/** Checks `x` is a live GpuArray (not disposed, device not lost); returns it. */
export function gpuArray(name: string, x: unknown): GpuArray {
  if (!(x instanceof GpuArray)) throw new TypeError(`${name} must be a GpuArray (got ${describe(x)})`);
  if (x.disposed) throw new TypeError(`${name} was disposed`);
  x.gpu.check();
  return x;
}

/** Checks `y` lives on the same device and has the same dtype as `x` (named `first`). */
export function sameKind(name: string, y: GpuArray, x: GpuArray, first: string): void {
  if (y.gpu !== x.gpu) throw new TypeError(`${name} lives on a different GPU device than ${first}`);
  if (y.dtype !== x.dtype)
    throw new TypeError(`${name} must have the same dtype as ${first} (${x.dtype}), got ${y.dtype}`);
}

/** Checks two lengths match. */
export function sameLength(name: string, n: number, want: number, first: string): void {
  if (n !== want) throw new RangeError(`${name} must have the same length as ${first} (${want}), got ${n}`);
}

/** True when two arrays share elements of one buffer. */
export function overlaps(x: GpuArray, y: GpuArray): boolean {
  if (x.buffer !== y.buffer || x.length === 0 || y.length === 0) return false;
  return x.offset < y.offset + y.length && y.offset < x.offset + x.length;
}

/** Throws a RangeError when output `out` overlaps input `input` (BLAS forbids it). */
export function noOverlap(outName: string, out: GpuArray, inName: string, input: GpuArray): void {
  if (overlaps(out, input))
    throw new RangeError(`${outName} must not overlap ${inName} (they share GPU memory)`);
}

/** A strided vector on the device: element `i` is `array[off + i·inc]` (`off` relative to the array). */
export interface Strided {
  array: GpuArray;
  off: number;
  inc: number;
}

/** The whole array as a unit-stride vector. */
export function whole(array: GpuArray): Strided {
  return { array, off: 0, inc: 1 };
}

function span(v: Strided, n: number): [number, number] {
  const a = v.array.offset + v.off;
  const b = a + (n - 1) * v.inc;
  return a <= b ? [a, b] : [b, a];
}

/** True when `a` and `b` are the same elements in the same order (in-place use is fine). */
export function sameStrided(a: Strided, b: Strided): boolean {
  return (
    a.array.buffer === b.array.buffer && a.array.offset + a.off === b.array.offset + b.off && a.inc === b.inc
  );
}

/** Throws a RangeError when output `out` shares elements with input `input` without being the same vector. */
export function noPartialOverlap(
  outName: string,
  out: Strided,
  inName: string,
  input: Strided,
  n: number,
): void {
  if (n === 0 || out.array.buffer !== input.array.buffer || sameStrided(out, input)) return;
  const [a0, a1] = span(out, n);
  const [b0, b1] = span(input, n);
  if (a0 <= b1 && b0 <= a1) {
    throw new RangeError(
      `${outName} partially overlaps ${inName} (use the same elements for in-place, or disjoint memory)`,
    );
  }
}
