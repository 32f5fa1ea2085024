/** `explain`: the routing decision for an operation and size, with every backend's estimate. */
import { nativeHas } from './backends/native.js';
import { estimateArrayOp, fastest } from './cost-model.js';
import { isOpName, OPS, type OpName } from './op-catalog.js';
import { currentCalibration, forcedBackend } from './state.js';
import type { ArrayBackend, Dtype, Estimates } from './types.js';

/** What {@link explain} returns. */
export interface Explanation {
  /** The backend a call of this size would run on. */
  choice: ArrayBackend;
  /** Estimated time of each backend that can run it, in nanoseconds. */
  estimates: Estimates<ArrayBackend>;
  /** The operation and sizes explained. */
  op: OpName;
  sizes: number[];
  /** Element type assumed (default 'f64'). */
  dtype: Dtype;
  /** True when `useBackend` forces the choice. */
  forced: boolean;
}

/** Options of {@link explain} (pass as the last argument). */
export interface ExplainOptions {
  /** Element type (default 'f64'). */
  dtype?: Dtype;
  /** Operands already on SharedArrayBuffers: the worker fallback needs no copy (default false). */
  shared?: boolean;
  /** Operands are GpuArrays: they stay on the GPU (default false). */
  onGpu?: boolean;
  /** Choose among backends usable synchronously (no GPU) (default false: async forms). */
  sync?: boolean;
  /** Assume the native core has (or lacks) this kernel (default: whether it really has it). */
  native?: boolean;
}

/**
 * Why an operation of a given size runs where it does: the chosen backend and each backend's
 * estimated time (ns). Sizes: `n` for level-1, elementwise and reductions; `m, n, k` for gemm;
 * `m, n` for gemv and ger. An options object may follow the sizes.
 *
 * @throws TypeError for an unknown operation; RangeError for missing or negative sizes.
 * @example
 * ```ts
 * import { explain } from '@polycore/dispatch';
 * explain('dot', 10);        // { choice: 'js', estimates: { js: 30, native: 160, workers: 1e5 }, ... }
 * explain('gemm', 1024, 1024, 1024, { dtype: 'f32' });
 * ```
 */
export function explain(op: OpName, ...sizesAndOptions: Array<number | ExplainOptions>): Explanation {
  if (!isOpName(op))
    throw new TypeError(`op must be one of ${Object.keys(OPS).join(', ')}, got ${String(op)}`);
  const last = sizesAndOptions[sizesAndOptions.length - 1];
  const opts: ExplainOptions =
    typeof last === 'object' && last !== null ? (sizesAndOptions.pop() as ExplainOptions) : {};
  const sizes = sizesAndOptions as number[];
  const arity = OPS[op].arity;
  if (sizes.length !== arity) {
    throw new RangeError(
      `explain('${op}', ...) takes ${arity} size${arity > 1 ? 's' : ''}, got ${sizes.length}`,
    );
  }
  sizes.forEach((s, i) => {
    if (typeof s !== 'number' || !(s >= 0) || !Number.isFinite(s)) {
      throw new RangeError(`size ${i + 1} must be a non-negative finite number, got ${String(s)}`);
    }
  });
  const dtype = opts.dtype ?? 'f64';
  if (dtype !== 'f64' && dtype !== 'f32')
    throw new RangeError(`dtype must be 'f64' or 'f32', got ${String(dtype)}`);
  const elementBytes = dtype === 'f64' ? 8 : 4;
  const estimates = estimateArrayOp(currentCalibration(), op, sizes, {
    elementBytes,
    shared: opts.shared === true,
    onGpu: opts.onGpu === true,
    nativeHas: opts.native ?? nativeHas(op),
  });
  if (opts.sync) delete estimates.gpu;
  const f = forcedBackend();
  const choice = opts.onGpu && estimates.gpu !== undefined ? 'gpu' : (f ?? fastest(estimates));
  return { choice, estimates, op, sizes: [...sizes], dtype, forced: f !== null };
}
