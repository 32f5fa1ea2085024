/**
 * The cost model: estimated time of one array operation on each backend =
 * fixed overhead (call, thread hop, GPU submit) + data movement (bytes over measured bandwidth)
 * + compute (work over measured throughput), with Amdahl's law for the part that does not split.
 */
import type { Calibration, KernelCurve } from './calibration.js';
import { GPU_OPS, type OpName, opShape } from './op-catalog.js';
import type { ArrayBackend, Estimates } from './types.js';

/** Where the operands of one call live; decides which transfers a backend pays. */
export interface Placement {
  /** 8 for Float64Array, 4 for Float32Array. */
  elementBytes: number;
  /** Every operand is backed by a SharedArrayBuffer (workers need no copy). */
  shared: boolean;
  /** The operands are GpuArrays (the GPU needs no upload; anything else needs a download). */
  onGpu: boolean;
  /** The native core has this operation. */
  nativeHas: boolean;
}

/** f64 in ordinary ArrayBuffers, native kernel present: the common case. */
export const DEFAULT_PLACEMENT: Readonly<Placement> = {
  elementBytes: 8,
  shared: false,
  onGpu: false,
  nativeHas: true,
};

/**
 * Time (ns) of `work` units on a measured curve: linear between measured points, the per-unit
 * cost of the last point beyond it, and the overhead plus a linear share below the first.
 *
 * @example
 * ```ts
 * curveTime({ overheadNs: 100, points: [[1000, 1100]] }, 500); // 600
 * ```
 */
export function curveTime(curve: KernelCurve, work: number): number {
  const pts = curve.points;
  if (work <= 0) return curve.overheadNs;
  let prevW = 0;
  let prevT = curve.overheadNs;
  for (const [w, t] of pts) {
    if (work <= w) return prevT + ((t - prevT) * (work - prevW)) / (w - prevW);
    prevW = w;
    prevT = t;
  }
  if (prevW === 0) return prevT;
  return curve.overheadNs + (work * (prevT - curve.overheadNs)) / prevW;
}

/**
 * Estimated time (ns) of `op` at `sizes` on every backend that can run it.
 *
 * @example
 * ```ts
 * import { estimateArrayOp, currentCalibration } from '@polycore/dispatch';
 * estimateArrayOp(currentCalibration(), 'dot', [1e6]); // { js: 2.1e6, native: 4.2e5, workers: ... }
 * ```
 */
export function estimateArrayOp(
  cal: Calibration,
  op: OpName,
  sizes: readonly number[],
  where: Placement = DEFAULT_PLACEMENT,
): Estimates<ArrayBackend> {
  const shape = opShape(op, sizes, where.elementBytes);
  const out: Estimates<ArrayBackend> = {};
  const jsCurve = cal.js[shape.cls];
  const js = curveTime(jsCurve, shape.work);
  out.js = js;

  const nativeCurve = cal.native[shape.cls];
  if (where.nativeHas && nativeCurve) {
    // The native kernels stream bytes (or flops at SIMD width): f32 moves half the bytes.
    out.native = curveTime(nativeCurve, (shape.work * where.elementBytes) / 8);
  }

  const w = cal.workers;
  if (w.count >= 2) {
    const serial = shape.cls === 'gemm' ? w.serialCompute : w.serialStream;
    const compute = (js - jsCurve.overheadNs) * (serial + (1 - serial) / w.count);
    const copy = where.shared ? 0 : (shape.bytesIn + shape.bytesOut) / w.copyGBs;
    out.workers = w.roundTripNs + copy + compute;
  }

  const g = cal.gpu;
  // The GPU holds f32 (and f16) only: f64 data never goes there; nor ops it has no kernel for.
  if (g?.available && where.elementBytes === 4 && GPU_OPS.has(op)) {
    const move = where.onGpu ? 0 : shape.bytesIn / g.uploadGBs + shape.bytesOut / g.downloadGBs;
    const compute =
      shape.cls === 'gemm' ? shape.work / g.gemmGflops : (shape.bytesIn + shape.bytesOut) / g.streamGBs;
    out.gpu = g.submitNs + move + compute;
  }
  return out;
}

/**
 * The backend with the smallest estimate (ties go to the earlier of js, native, workers, gpu).
 *
 * @example
 * ```ts
 * fastest({ js: 50, native: 180 }); // 'js'
 * ```
 */
export function fastest<B extends string>(estimates: Estimates<B>): B {
  let best: B | undefined;
  let bestT = Number.POSITIVE_INFINITY;
  for (const [b, t] of Object.entries(estimates) as Array<[B, number]>) {
    if (t < bestT) {
      bestT = t;
      best = b;
    }
  }
  if (best === undefined) throw new RangeError('no backend can run this operation');
  return best;
}
