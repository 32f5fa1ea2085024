/**
 * `@polycore/native`: polycore's Rust core through N-API. Every function validates its
 * arguments (TypeError/RangeError naming the argument) and throws
 * {@link NativeUnavailableError} when no binary fits this platform.
 *
 * @example
 * ```ts
 * import { dot, cpuInfo, nativeStatus } from '@polycore/native';
 * console.log(nativeStatus(), cpuInfo(), dot(new Float64Array([1, 2]), new Float64Array([3, 4])));
 * ```
 * @packageDocumentation
 */
export { allocFloat32, allocFloat64 } from './alloc.js';
export { type CpuInfo, cpuInfo, getNumThreads, setNumThreads } from './cpu.js';
export {
  abs,
  absAsync,
  add,
  addAsync,
  type BinaryOp,
  clamp,
  clampAsync,
  div,
  divAsync,
  ELEMENTWISE_OPS,
  exp,
  expAsync,
  fma,
  fmaAsync,
  log,
  logAsync,
  map1,
  map1Async,
  map2,
  map2Async,
  maximum,
  maximumAsync,
  minimum,
  minimumAsync,
  mul,
  mulAsync,
  sqrt,
  sqrtAsync,
  sub,
  subAsync,
  type UnaryOp,
} from './elementwise.js';
export { NativeUnavailableError } from './errors.js';
export { crc32 } from './hash.js';
export {
  asum,
  asumAsync,
  axpy,
  axpyAsync,
  copy,
  copyAsync,
  dot,
  dotAsync,
  iamax,
  iamaxAsync,
  nrm2,
  nrm2Async,
  oneArgs,
  type PairOptions,
  pairArgs,
  rot,
  rotAsync,
  scal,
  scalAsync,
  swap,
  swapAsync,
  type VectorOptions,
} from './level1.js';
export {
  type GemvArgs,
  type GemvOptions,
  type GerArgs,
  type GerOptions,
  gemv,
  gemvAsync,
  gemvNormalized,
  ger,
  gerAsync,
  gerNormalized,
  normalizeGemv,
  normalizeGer,
} from './level2.js';
export { type GemmArgs, type GemmOptions, gemm, gemmAsync, gemmNormalized, normalizeGemm } from './level3.js';
export { isNativeAvailable, type NativeStatus, native, nativeStatus } from './loader.js';
export {
  max,
  maxAsync,
  mean,
  meanAsync,
  min,
  minAsync,
  type SumOptions,
  sum,
  sumAsync,
  type VarianceOptions,
  variance,
  varianceAsync,
} from './reductions.js';
export { type Dtype, type FloatArray, isDetached, type Layout } from './validate.js';
