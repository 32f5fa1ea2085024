/**
 * `@polycore/dispatch/tasks`: the task-parallel decision alone, for the Pool and `Parallel`'s
 * `backend: 'auto'`. Loads no array kernels, workers or GPU code.
 *
 * @example
 * ```ts
 * import { chooseTaskBackend } from '@polycore/dispatch/tasks';
 * chooseTaskBackend({ taskMs: 20, items: 64, workers: 2 }).backend; // 'threads'
 * ```
 * @packageDocumentation
 */
export type { Calibration } from './calibration.js';
export { taskCalibration } from './current.js';
export { chooseTaskBackend, type TaskChoice, type TaskProfile } from './tasks.js';
export type { TaskBackend } from './types.js';
