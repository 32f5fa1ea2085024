/** Checking and resolving `new Parallel(options)`. */
import { availableParallelism } from 'node:os';
import { checkTaskNeeds } from '../task-needs.js';
import type { Progress, ProgressBarOption } from '../types.js';
import { checkOptions } from './options.js';

/** What `Parallel` runs on: a backend name ('auto': chosen per call by timing the first tasks), or a pool you own (it stays open). */
export type ParallelBackend = 'auto' | 'threads' | 'processes' | 'inline' | PoolLike;

/** The part of a `Pool` that `Parallel` uses, so an existing pool can be passed as `backend`. */
export interface PoolLike {
  apply(fn: unknown, args: readonly unknown[], options?: { timeout?: number }): Promise<unknown>;
  close(): unknown;
}

/** Options of `new Parallel(options)`. */
export interface ParallelOptions {
  /** Workers: a positive count, -1 all cores, -2 all but one, ...; 1 runs the tasks here, in order (for debugging). Default -1. */
  nJobs?: number;
  /**
   * 'auto' (times the first tasks inline, then runs the rest inline, on threads or on processes, as the cost
   * model of `@polycore/dispatch` expects fastest), 'threads' (default), 'processes', 'inline', or an
   * existing Pool (reused, not closed).
   */
  backend?: ParallelBackend;
  /** Tasks must run in separate processes (with 'auto': processes, no inline probe). Needs 'auto' or 'processes'. */
  needsIsolation?: boolean;
  /** Tasks use native modules that are not thread-safe (with 'auto': inline or processes). Not with 'threads'. */
  threadUnsafe?: boolean;
  /** Soft choice of backend when `backend` is not given. */
  prefer?: 'threads' | 'processes';
  /** 0 silent (default); > 0 prints joblib-style progress lines on stderr (> 10: one per batch) and, with 'auto', the decision and expected speedup. */
  verbose?: number;
  /** Draw a progress bar on stderr (`true`: only when stderr is a TTY; `{ force: true }`: always). */
  progress?: ProgressBarOption;
  /** Called as tasks finish (at most every ~50 ms, and at the end). */
  onProgress?: (p: Progress) => void;
  /** Tasks per message to a worker: 'auto' (default; sized from measured task time) or a count. */
  batchSize?: 'auto' | number;
  /** Batches in flight, i.e. how far ahead the task iterable is consumed: a count, '3*nJobs', or 'all'. Default '2*nJobs'. */
  preDispatch?: number | string;
  /** 'array' (default, input order), 'generator' (async iterable, input order) or 'unordered' (async iterable, completion order). */
  returnAs?: 'array' | 'generator' | 'unordered';
  /** Per-task time limit (ms): a task that runs longer fails with TaskTimeoutError; the others keep running. */
  timeout?: number;
  /**
   * 'raise' (default): the first failure stops dispatching; the call rejects with a ParallelError carrying
   * the results that finished. 'settle': every task runs and each result is `{ status, value | reason }`.
   */
  onError?: 'raise' | 'settle';
}

/** Options after checking. */
export interface ResolvedParallel {
  workers: number;
  backend: 'auto' | 'threads' | 'processes' | 'inline' | PoolLike;
  needsIsolation: boolean;
  threadUnsafe: boolean;
  batchSize: 'auto' | number;
  preDispatch: number;
  returnAs: 'array' | 'generator' | 'unordered';
  timeout: number | undefined;
  settle: boolean;
  verbose: number;
  progress: ProgressBarOption;
  onProgress: ((p: Progress) => void) | undefined;
  /** The label joblib prints: `Parallel(nJobs=2)`. */
  label: string;
}

const KEYS = [
  'nJobs',
  'backend',
  'prefer',
  'verbose',
  'progress',
  'onProgress',
  'batchSize',
  'preDispatch',
  'returnAs',
  'timeout',
  'onError',
  'needsIsolation',
  'threadUnsafe',
] as const;

function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!allowed.includes(v as T))
    throw new TypeError(
      `options.${name} must be ${allowed.map((a) => `'${a}'`).join(' or ')} (got ${JSON.stringify(v)})`,
    );
  return v as T;
}

/**
 * Resolves `nJobs` like joblib: positive counts as given, -1 all cores, -2 all but one (never below 1).
 *
 * @example
 * ```ts
 * resolveJobs(-1, 8); // 8
 * ```
 */
export function resolveJobs(nJobs: unknown, cores = availableParallelism()): number {
  if (typeof nJobs !== 'number' || !Number.isInteger(nJobs))
    throw new TypeError(`options.nJobs must be an integer (got ${String(nJobs)})`);
  if (nJobs === 0)
    throw new RangeError(
      'options.nJobs must not be 0: use a positive count, -1 for all cores or -2 for all but one',
    );
  return nJobs > 0 ? nJobs : Math.max(1, cores + 1 + nJobs);
}

/** Parses `preDispatch` into a number of batches. */
function resolvePreDispatch(v: unknown, workers: number): number {
  if (v === undefined) return 2 * workers;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`options.preDispatch must be an integer >= 1 (got ${v})`);
    return v;
  }
  if (typeof v === 'string') {
    if (v.trim() === 'all') return Number.POSITIVE_INFINITY;
    const m = /^\s*(?:(\d+(?:\.\d+)?)\s*\*\s*)?n_?jobs\s*$/i.exec(v) ?? /^\s*(\d+)\s*$/.exec(v);
    if (m) {
      const k = m[1] === undefined ? 1 : Number(m[1]);
      return Math.max(1, Math.ceil(/jobs/i.test(v) ? k * workers : k));
    }
  }
  throw new TypeError(
    `options.preDispatch must be a number, 'all' or an expression like '2*nJobs' (got ${JSON.stringify(v)})`,
  );
}

/** Checks options and resolves defaults; throws TypeError/RangeError naming the option. */
export function resolveParallelOptions(options: ParallelOptions | undefined): ResolvedParallel {
  const o = checkOptions('Parallel options', options, KEYS);
  // With a Pool of yours and no nJobs, plan batches for that pool's size.
  const poolWorkers =
    typeof o.backend === 'object' && o.backend !== null
      ? (o.backend as { workers?: unknown }).workers
      : undefined;
  const workers = resolveJobs(
    o.nJobs ?? (typeof poolWorkers === 'number' && poolWorkers >= 1 ? poolWorkers : -1),
  );
  const prefer = oneOf('prefer', o.prefer, ['threads', 'processes'] as const);
  let backend: ResolvedParallel['backend'];
  if (o.backend !== undefined && typeof o.backend === 'object' && o.backend !== null) {
    if (typeof (o.backend as PoolLike).apply !== 'function')
      throw new TypeError('options.backend must be a backend name or a Pool');
    backend = o.backend;
  } else {
    backend =
      oneOf('backend', o.backend, ['auto', 'threads', 'processes', 'inline'] as const) ?? prefer ?? 'threads';
    if (workers === 1) backend = 'inline';
  }
  // Checked against the backend asked for (nJobs 1 runs inline whatever the backend, for debugging).
  const needs = checkTaskNeeds(
    typeof backend === 'object' ? 'processes' : (o.backend ?? prefer ?? 'threads'),
    o,
    'options.',
  );
  let batchSize: 'auto' | number = 'auto';
  if (o.batchSize !== undefined && o.batchSize !== 'auto') {
    if (typeof o.batchSize !== 'number' || !Number.isInteger(o.batchSize) || o.batchSize < 1) {
      throw new RangeError(
        `options.batchSize must be 'auto' or an integer >= 1 (got ${JSON.stringify(o.batchSize)})`,
      );
    }
    batchSize = o.batchSize;
  }
  const timeout = o.timeout;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout))) {
    throw new RangeError(`options.timeout must be a positive number of ms (got ${String(timeout)})`);
  }
  const verbose = o.verbose ?? 0;
  if (typeof verbose !== 'number' || !(verbose >= 0))
    throw new RangeError(`options.verbose must be a number >= 0 (got ${String(verbose)})`);
  const progress = o.progress ?? false;
  if (typeof progress !== 'boolean' && (typeof progress !== 'object' || progress === null)) {
    throw new TypeError('options.progress must be a boolean or { force?, label?, stream? }');
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function')
    throw new TypeError('options.onProgress must be a function');
  const preDispatch = resolvePreDispatch(o.preDispatch, workers);
  return {
    workers,
    backend,
    ...needs,
    batchSize,
    preDispatch: backend === 'inline' ? 1 : preDispatch,
    returnAs: oneOf('returnAs', o.returnAs, ['array', 'generator', 'unordered'] as const) ?? 'array',
    timeout,
    settle: (oneOf('onError', o.onError, ['raise', 'settle'] as const) ?? 'raise') === 'settle',
    verbose,
    progress,
    onProgress: o.onProgress,
    label: `Parallel(nJobs=${o.nJobs ?? -1})`,
  };
}
