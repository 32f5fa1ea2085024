import { native } from './loader.js';
import { type FloatArray, floatArray, sameDtype, sameLength } from './validate.js';

function checkPair(x: unknown, y: unknown): 'f64' | 'f32' {
  const dtype = floatArray('x', x);
  sameDtype('y', y, dtype, 'x');
  sameLength('y', (y as FloatArray).length, (x as FloatArray).length, 'x');
  return dtype;
}

/**
 * Dot product `Σ x[i]·y[i]`, on the calling thread for small arrays and on the native pool for
 * large ones. Zero-length arrays give 0.
 *
 * @throws TypeError when `x`/`y` are not Float64Array/Float32Array of one type or are detached.
 * @throws RangeError when the lengths differ.
 * @example
 * ```ts
 * import { dot } from '@polycore/native';
 * dot(new Float64Array([1, 2, 3]), new Float64Array([4, 5, 6])); // 32
 * ```
 */
export function dot(x: FloatArray, y: FloatArray): number {
  const b = native();
  return checkPair(x, y) === 'f64'
    ? b.ddot(x as Float64Array, y as Float64Array)
    : b.sdot(x as Float32Array, y as Float32Array);
}

/**
 * {@link dot} off the event loop, on a native thread; the arrays are kept alive until it
 * resolves. Do not write to them meanwhile.
 *
 * @example
 * ```ts
 * import { dotAsync } from '@polycore/native';
 * const s = await dotAsync(new Float32Array(1e7).fill(1), new Float32Array(1e7).fill(2)); // 2e7
 * ```
 */
export async function dotAsync(x: FloatArray, y: FloatArray): Promise<number> {
  const b = native();
  const dtype = checkPair(x, y);
  const out =
    dtype === 'f64'
      ? b.ddotAsync(x as Float64Array, y as Float64Array)
      : b.sdotAsync(x as Float32Array, y as Float32Array);
  return (await out) as number;
}
