/**
 * The calibration in use, held apart from state.ts so that light entry points (the task decision,
 * `@polycore/dispatch/tasks`) can read it without loading the array routing machinery.
 */
import type { Calibration } from './calibration.js';
import { loadCalibration } from './calibration-cache.js';
import { defaultCalibration } from './defaults.js';

let current: Calibration | null = null;

/** The installed calibration, or null before the first one. */
export function peekCalibration(): Calibration | null {
  return current;
}

/** Installs `cal` as the calibration in use (state.ts validates and recomputes thresholds). */
export function storeCalibration(cal: Calibration): void {
  current = cal;
}

/**
 * The calibration task decisions use: the one in use, else the cached one, else the built-in
 * defaults. Never measures (task constants only change with `calibrate({ tasks: true })`).
 *
 * @example
 * ```ts
 * import { taskCalibration } from '@polycore/dispatch/tasks';
 * taskCalibration().tasks.threadStartMs; // e.g. 30
 * ```
 */
export function taskCalibration(): Calibration {
  current ??= loadCalibration() ?? defaultCalibration();
  return current;
}
