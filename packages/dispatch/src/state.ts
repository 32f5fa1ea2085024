/**
 * The process-wide routing state: the calibration in use (its fast-path tables live in
 * thresholds.ts), an optional forced backend, and the fallback's worker set.
 */
import { calibrateCpu } from './calibrate-cpu.js';
import type { Calibration } from './calibration.js';
import { loadCalibration, saveCalibration } from './calibration-cache.js';
import { peekCalibration, storeCalibration } from './current.js';
import { defaultCalibration } from './defaults.js';
import { WorkerSet } from './fallback/workers.js';
import { computeThresholds } from './thresholds.js';
import { ARRAY_BACKENDS, type ArrayBackend } from './types.js';

let forced: ArrayBackend | null = null;
let workers: WorkerSet | null = null;
let gen = 0;

/** Bumped whenever the calibration or the forced backend changes (routing caches key on it). */
export function generation(): number {
  return gen;
}

function recompute(cal: Calibration): void {
  gen++;
  computeThresholds(cal, forced !== null);
}

/**
 * Installs a calibration (measured elsewhere, or made up in a test) and recomputes thresholds.
 *
 * @example
 * ```ts
 * import { defaultCalibration, setCalibration, explain } from '@polycore/dispatch';
 * const cal = defaultCalibration();
 * cal.native = {}; // pretend there is no native core
 * setCalibration(cal);
 * explain('dot', 1e6).choice; // 'js' or 'workers'
 * ```
 */
export function setCalibration(cal: Calibration): void {
  if (cal === null || typeof cal !== 'object' || cal.format !== 1) {
    throw new TypeError('cal must be a Calibration object (format 1)');
  }
  storeCalibration(cal);
  if (workers && workers.count !== cal.workers.count) void releaseWorkers();
  recompute(cal);
}

/**
 * The calibration in use: on first call the cached one, else a fresh ~0.3 s measurement (cached
 * for next time); `POLYCORE_CALIBRATE=0` uses the built-in defaults.
 *
 * @example
 * ```ts
 * import { currentCalibration } from '@polycore/dispatch';
 * currentCalibration().cores; // { physical: 2, logical: 2, hyperthreadGain: 0 }
 * ```
 */
export function currentCalibration(): Calibration {
  const current = peekCalibration();
  if (current) return current;
  let cal: Calibration | null = null;
  if (process.env.POLYCORE_CALIBRATE === '0') cal = defaultCalibration();
  else {
    cal = loadCalibration();
    if (!cal) {
      cal = calibrateCpu(true);
      saveCalibration(cal);
    }
  }
  setCalibration(cal);
  return cal;
}

/**
 * Forces every routed array operation onto one backend (`null` restores automatic routing).
 * For tests and benchmarks. With 'native', operations the core has no kernel for run inline (and
 * every operation throws when there is no native core); 'gpu' only applies to the async forms.
 *
 * @example
 * ```ts
 * import { useBackend, dot } from '@polycore/dispatch';
 * useBackend('workers');
 * dot(x, y); // on the TypeScript worker fallback
 * useBackend(null);
 * ```
 */
export function useBackend(backend: ArrayBackend | null): void {
  if (backend !== null && !ARRAY_BACKENDS.includes(backend)) {
    throw new TypeError(
      `backend must be one of ${ARRAY_BACKENDS.join(', ')} or null, got ${String(backend)}`,
    );
  }
  forced = backend;
  const current = peekCalibration();
  if (current) recompute(current);
}

/** The forced backend, if any. */
export function forcedBackend(): ArrayBackend | null {
  return forced;
}

/** The fallback worker set (started on first job). */
export function fallbackWorkers(): WorkerSet {
  workers ??= new WorkerSet(Math.max(2, currentCalibration().workers.count));
  return workers;
}

/**
 * Stops the fallback's worker threads (they restart on demand). They are unref'd, so this is
 * only needed to free their memory early.
 *
 * @example
 * ```ts
 * import { releaseWorkers } from '@polycore/dispatch';
 * await releaseWorkers();
 * ```
 */
export async function releaseWorkers(): Promise<void> {
  const w = workers;
  workers = null;
  await w?.close();
}
