import { native } from './loader.js';
import { describe } from './validate.js';

function count(n: unknown): number {
  if (typeof n !== 'number') throw new TypeError(`n must be a number (got ${describe(n)})`);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) {
    throw new RangeError(`n must be an integer from 0 to 2^31 - 1, got ${n}`);
  }
  return n;
}

/**
 * A zeroed `Float64Array` whose memory Linux may back with 2 MB pages (transparent huge pages,
 * as numpy does for its large arrays). Kernels streaming tens of MB run up to ≈ 1.5× faster on it
 * than on a `new Float64Array(n)`; elsewhere it is an ordinary zeroed array.
 *
 * @throws RangeError unless `n` is an integer from 0 to 2^31 − 1.
 * @example
 * ```ts
 * import { allocFloat64, dot } from '@polycore/native';
 * const x = allocFloat64(1e7).fill(1);
 * dot(x, x); // 1e7
 * ```
 */
export function allocFloat64(n: number): Float64Array {
  return native().allocFloat64(count(n));
}

/**
 * {@link allocFloat64} for `Float32Array`.
 *
 * @example
 * ```ts
 * import { allocFloat32 } from '@polycore/native';
 * const y = allocFloat32(1e7);
 * ```
 */
export function allocFloat32(n: number): Float32Array {
  return native().allocFloat32(count(n));
}
