/**
 * `@polycore/dispatch`: a calibrated cost model that routes polycore's array operations to inline
 * TypeScript, the native core, worker threads or the GPU, explains its choices, and picks
 * inline/threads/processes for task parallelism. Without a native binary (or with
 * `POLYCORE_NATIVE=0`) every operation runs on TypeScript kernels (worker_threads for big inputs).
 *
 * @example
 * ```ts
 * import { dot, explain, chooseTaskBackend } from '@polycore/dispatch';
 * dot(new Float64Array([1, 2]), new Float64Array([3, 4])); // 11
 * explain('dot', 1e7); // { choice: 'native', estimates: { js: …, native: …, workers: … } }
 * ```
 * @packageDocumentation
 */

export type { GpuOperand } from './backends/gpu.js';
export {
  attachGpuCalibration,
  type CalibrateOptions,
  type CalibrationInfo,
  calibrate,
  calibrateGpu,
  calibrationInfo,
} from './calibrate.js';
export type {
  Calibration,
  GpuConstants,
  KernelCurve,
  TaskConstants,
  WorkerConstants,
} from './calibration.js';
export { cacheDir, cacheFile, loadCalibration, saveCalibration } from './calibration-cache.js';
export { curveTime, estimateArrayOp, fastest, type Placement } from './cost-model.js';
export { taskCalibration } from './current.js';
export { defaultCalibration } from './defaults.js';
export { type ExplainOptions, type Explanation, explain } from './explain.js';
export type { SumMethod } from './fallback/kernels-reductions.js';
export { type CpuCountOptions, cpuCount, defaultWorkerCount } from './hardware.js';
export { isOpName, OPS, type OpClass, type OpName } from './op-catalog.js';
export * from './ops/elementwise.js';
export * from './ops/level1.js';
export * from './ops/level3.js';
export * from './ops/reductions.js';
export { currentCalibration, releaseWorkers, setCalibration, useBackend } from './state.js';
export { chooseTaskBackend, type TaskChoice, type TaskProfile } from './tasks.js';
export {
  ARRAY_BACKENDS,
  type ArrayBackend,
  type Dtype,
  type Estimates,
  type FloatArray,
  type TaskBackend,
} from './types.js';
