/** gemv on GpuArrays, with @polycore/native's option names. */
import { GpuArray } from '../array.js';
import { grid, run } from '../pipelines.js';
import { GEMV_WG, gemvShader } from '../shaders/gemv.js';
import {
  dimension,
  type Layout,
  matrixFits,
  optionalFlag,
  optionalInt,
  optionalLayout,
  optionalScalar,
  optionsObject,
  vectorFits,
} from '../validate.js';
import { gpuArray, noOverlap, sameKind } from './args.js';

/**
 * Options of {@link gemv}: `y ← alpha·op(a)·x + beta·y`, `a` is `m×n`, `op(a)` is `a` or (with
 * `trans`) its transpose. The same names as @polycore/native's gemv; `y` is optional here.
 */
export interface GpuGemvOptions {
  m: number;
  n: number;
  /** `m×n` matrix in `layout` order with leading dimension `lda`. */
  a: GpuArray;
  /** `n` elements (`m` with `trans`), every `incX`-th. */
  x: GpuArray;
  /** Output, updated in place; allocated (zeros) when omitted. Must not overlap `a` or `x`. */
  y?: GpuArray;
  /** Default 1. */
  alpha?: number;
  /** Default 0 (old `y` ignored, its NaNs do not propagate). */
  beta?: number;
  trans?: boolean;
  lda?: number;
  incX?: number;
  incY?: number;
  /** 'row-major' (default) or 'column-major'. */
  layout?: Layout;
}

/**
 * Matrix–vector product on the device; returns `y` (allocated when not given).
 *
 * @throws TypeError / RangeError naming the argument.
 * @example
 * ```ts
 * const y = gemv({ m: 2, n: 3, a, x }); // y = a·x
 * ```
 */
export function gemv(options: GpuGemvOptions): GpuArray {
  const o = optionsObject('gemv options', options);
  const m = dimension('m', o.m);
  const n = dimension('n', o.n);
  const a = gpuArray('a', o.a);
  const x = gpuArray('x', o.x);
  sameKind('x', x, a, 'a');
  const alpha = optionalScalar('alpha', o.alpha, 1);
  const beta = optionalScalar('beta', o.beta, 0);
  const trans = optionalFlag('trans', o.trans);
  const colMajor = optionalLayout('layout', o.layout);
  const rows = colMajor ? n : m;
  const cols = colMajor ? m : n;
  const lda = optionalInt('lda', o.lda, 1, Math.max(1, cols));
  const incX = optionalInt('incX', o.incX, 1, 1);
  const incY = optionalInt('incY', o.incY, 1, 1);
  const xLen = trans ? m : n;
  const yLen = trans ? n : m;
  matrixFits('a', a, rows, cols, lda, 'lda');
  vectorFits('x', x, xLen, incX, 'incX');
  let y: GpuArray;
  if (o.y === undefined) {
    y = GpuArray.empty(yLen === 0 ? 0 : 1 + (yLen - 1) * incY, { dtype: a.dtype, gpu: a.gpu });
  } else {
    y = gpuArray('y', o.y);
    sameKind('y', y, a, 'a');
    vectorFits('y', y, yLen, incY, 'incY');
    noOverlap('y', y, 'a', a);
    noOverlap('y', y, 'x', x);
  }
  if (yLen === 0) return y;
  // Column-major a (m×n) is row-major aᵀ (n×m): flip trans and swap the shape.
  const rm = colMajor ? n : m;
  const rn = colMajor ? m : n;
  const t = colMajor ? !trans : trans;
  const outputs = t ? rn : rm;
  const groups = grid(t ? Math.ceil(outputs / GEMV_WG) : outputs);
  run(a.gpu, [
    {
      key: `gemv:${t ? 't' : 'n'}`,
      operands: [
        { name: 'a', array: a },
        { name: 'x', array: x },
        { name: 'y', array: y, write: true },
      ],
      params: [
        { name: 'm', type: 'u32', value: rm },
        { name: 'n', type: 'u32', value: rn },
        { name: 'lda', type: 'u32', value: lda },
        { name: 'incX', type: 'u32', value: incX },
        { name: 'incY', type: 'u32', value: incY },
        { name: 'ao', type: 'u32', value: a.offset },
        { name: 'xo', type: 'u32', value: x.offset },
        { name: 'yo', type: 'u32', value: y.offset },
        { name: 'alpha', type: 'f32', value: alpha },
        { name: 'beta', type: 'f32', value: beta },
      ],
      groups,
      elem: a.dtype,
      shader: (plan) => gemvShader(plan, t),
    },
  ]);
  return y;
}
