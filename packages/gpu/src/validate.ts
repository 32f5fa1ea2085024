/**
 * Argument checks: TypeError/RangeError naming the argument. The GPU kernels take the same
 * arguments as @polycore/native's, so they share its checks (pure TypeScript: no native binary
 * needed); only what is GPU-specific lives here.
 */
export {
  describe,
  dimension,
  increment,
  type Layout,
  MAX_DIM,
  matrixFits,
  optionalFlag,
  optionalInt,
  optionalLayout,
  optionalScalar,
  optionsBag,
  optionsObject,
  stridedView,
  vectorFits,
} from '@polycore/native/validate';

import { describe } from '@polycore/native/validate';

/**
 * Checks a number (NaN and ±Infinity allowed).
 *
 * @example
 * ```ts
 * scalar('alpha', 2); // 2
 * ```
 */
export function scalar(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number (got ${describe(v)})`);
  return v;
}
