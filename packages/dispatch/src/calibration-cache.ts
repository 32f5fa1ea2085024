/**
 * The on-disk calibration cache: one JSON file per machine key and library version under
 * `$POLYCORE_CACHE_DIR`, else `$XDG_CACHE_HOME/polycore`, else `~/.cache/polycore`; the folder
 * is created owner-only (0700) and the file written owner-only (0600), atomically.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Calibration } from './calibration.js';
import { DEFAULT_TASKS, VERSION } from './defaults.js';
import { machineKey } from './hardware.js';

/**
 * The folder calibrations are cached in.
 *
 * @example
 * ```ts
 * import { cacheDir } from '@polycore/dispatch';
 * cacheDir(); // '/home/me/.cache/polycore'
 * ```
 */
export function cacheDir(): string {
  const env = process.env;
  if (env.POLYCORE_CACHE_DIR) return path.resolve(env.POLYCORE_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache');
  return path.join(base, 'polycore');
}

/**
 * The cache file of this machine and version.
 *
 * @example
 * ```ts
 * import { cacheFile } from '@polycore/dispatch';
 * cacheFile(); // '~/.cache/polycore/calibration-0.1.0-1a2b3c4d5e6f7a8b.json'
 * ```
 */
export function cacheFile(): string {
  return path.join(cacheDir(), `calibration-${VERSION}-${machineKey()}.json`);
}

function valid(x: unknown): x is Calibration {
  if (x === null || typeof x !== 'object') return false;
  const c = x as Partial<Calibration>;
  return (
    c.format === 1 &&
    c.version === VERSION &&
    c.machine === machineKey() &&
    typeof c.js === 'object' &&
    typeof c.native === 'object' &&
    typeof c.workers === 'object' &&
    typeof c.tasks === 'object'
  );
}

/**
 * The cached calibration of this machine and version, or null (missing, stale or unreadable).
 *
 * @example
 * ```ts
 * import { loadCalibration } from '@polycore/dispatch';
 * const cal = loadCalibration(); // null before the first calibration
 * ```
 */
export function loadCalibration(): Calibration | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    return valid(parsed) ? { ...parsed, tasks: { ...DEFAULT_TASKS, ...parsed.tasks } } : null;
  } catch {
    return null;
  }
}

/**
 * Writes `cal` to the cache (folder 0700, file 0600, atomically); returns the file, or null when
 * the cache is not writable.
 *
 * @example
 * ```ts
 * import { currentCalibration, saveCalibration } from '@polycore/dispatch';
 * saveCalibration(currentCalibration());
 * ```
 */
export function saveCalibration(cal: Calibration): string | null {
  const file = cacheFile();
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(cal, null, 1)}\n`, { mode: 0o600 });
    renameSync(tmp, file);
    return file;
  } catch {
    return null;
  }
}
