/**
 * The task-parallel decision behind `Parallel({ backend: 'auto' })` and `Pool({ backend: 'auto' })`:
 * given the measured time of the first items, run inline, on worker threads or on child
 * processes, and in chunks of what size. Pure: the same inputs and calibration give the same answer.
 */
import type { Calibration } from './calibration.js';
import { fastest } from './cost-model.js';
import { taskCalibration } from './current.js';
import type { Estimates, TaskBackend } from './types.js';

/** What the caller measured and knows about its tasks. */
export interface TaskProfile {
  /** Mean time of one item run inline, in ms (from timing the first items). */
  taskMs: number;
  /** Items left to run; when unknown (a stream), 10 000 is assumed. */
  items?: number;
  /** Bytes of one item's arguments and of its result (what crosses to a worker and back). Default 0. */
  argBytes?: number;
  resultBytes?: number;
  /** Workers available (default: the calibrated default worker count). */
  workers?: number;
  /** Tasks must run in separate processes (crash containment, global state). Default false. */
  needsIsolation?: boolean;
  /** Tasks use native modules that are not thread-safe: threads are excluded. Default false. */
  threadUnsafe?: boolean;
  /** Workers of the candidate kind are already running (no start-up cost). Default false. */
  warm?: boolean | { threads?: boolean; processes?: boolean };
  /** Calibration to decide from (default: the current one). */
  calibration?: Calibration;
}

/** What {@link chooseTaskBackend} decides. */
export interface TaskChoice {
  backend: TaskBackend;
  /** Items per message to a worker (1 for inline). */
  chunksize: number;
  /** Estimated inline time / estimated time of the choice. */
  expectedSpeedup: number;
  /** Estimated total time of every candidate, ms (each with its own best chunk size). */
  estimates: Estimates<TaskBackend>;
  /** Workers the estimate assumed. */
  workers: number;
  /** One line saying why, for `verbose` output. */
  reason: string;
}

/** Tasks at least this long (ms) go to processes when those cost within 2 % of threads. */
const LONG_TASK_MS = 1000;

/** Items assumed when the caller does not know how many are left. */
const UNKNOWN_ITEMS = 10_000;

function nonNegative(name: string, v: unknown, fallback?: number): number {
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) {
    throw new RangeError(`${name} must be a non-negative finite number, got ${String(v)}`);
  }
  return v;
}

interface Costs {
  startMs: number;
  messageMs: number;
  /** Main-thread ms per item (cloning its arguments). */
  itemMs: number;
  /** ms per byte on the main thread (serialize + deserialize). */
  msPerByte: number;
}

/**
 * Amdahl's law with chunking: the main thread's share (a message per chunk, serializing every
 * item's arguments and result) is serial; the tasks run in rounds of `workers` chunks, each
 * chunk slowed by hyperthread sharing when workers exceed the physical cores, plus a straggler
 * term that makes big chunks pay for uneven task times.
 */
function pooledMs(
  p: { items: number; taskMs: number; bytes: number },
  c: Costs,
  workers: number,
  slowdown: number,
  chunk: number,
): number {
  const chunks = Math.ceil(p.items / chunk);
  const serial = chunks * c.messageMs + p.items * (c.itemMs + p.bytes * c.msPerByte);
  const rounds = Math.ceil(chunks / workers);
  const perChunk = chunk * (p.taskMs + p.bytes * c.msPerByte) * slowdown;
  // Task times vary: the last chunk to finish runs past the others by about a quarter of a chunk.
  const straggler = chunks > 1 ? 0.25 * perChunk : 0;
  return c.startMs + serial + rounds * perChunk + straggler;
}

function bestChunk(
  p: { items: number; taskMs: number; bytes: number },
  c: Costs,
  workers: number,
  slowdown: number,
): [number, number] {
  let best: [number, number] = [1, pooledMs(p, c, workers, slowdown, 1)];
  const maxChunk = Math.max(1, Math.ceil(p.items / workers));
  for (let chunk = 2; chunk <= maxChunk; chunk *= 2) {
    const t = pooledMs(p, c, workers, slowdown, chunk);
    if (t < best[1]) best = [chunk, t];
  }
  const t = pooledMs(p, c, workers, slowdown, maxChunk);
  if (t < best[1]) best = [maxChunk, t];
  return best;
}

/**
 * Chooses inline, threads or processes and a chunk size for `items` tasks of `taskMs` each.
 *
 * @throws RangeError for negative or non-finite numbers.
 * @example
 * ```ts
 * import { chooseTaskBackend } from '@polycore/dispatch';
 * chooseTaskBackend({ taskMs: 20, items: 64 });    // { backend: 'threads', chunksize: 1, expectedSpeedup: ≈1.9, ... }
 * chooseTaskBackend({ taskMs: 0.001, items: 1e6 }); // { backend: 'inline', ... }
 * ```
 */
export function chooseTaskBackend(profile: TaskProfile): TaskChoice {
  if (profile === null || typeof profile !== 'object') throw new TypeError('profile must be an object');
  const taskMs = nonNegative('taskMs', profile.taskMs);
  const items = Math.ceil(nonNegative('items', profile.items, UNKNOWN_ITEMS));
  const bytes =
    nonNegative('argBytes', profile.argBytes, 0) + nonNegative('resultBytes', profile.resultBytes, 0);
  const cal = profile.calibration ?? taskCalibration();
  const { physical, logical, hyperthreadGain } = cal.cores;
  const defaultWorkers = hyperthreadGain >= 0.1 ? logical : physical;
  const workers = Math.max(1, Math.floor(nonNegative('workers', profile.workers, defaultWorkers)));
  const used = Math.max(1, Math.min(workers, items));
  // Effective parallelism: physical cores count 1, hyperthreads count their measured gain.
  const effective =
    Math.min(used, physical) + Math.max(0, Math.min(used, logical) - physical) * hyperthreadGain;
  const slowdown = used / Math.max(1, effective);
  const warm = profile.warm;
  const warmThreads = warm === true || (typeof warm === 'object' && warm?.threads === true);
  const warmProcesses = warm === true || (typeof warm === 'object' && warm?.processes === true);
  const t = cal.tasks;
  const p = { items, taskMs, bytes };

  const estimates: Estimates<TaskBackend> = {};
  const chunks: Partial<Record<TaskBackend, number>> = { inline: 1 };
  const inline = items * taskMs;
  if (!profile.needsIsolation) estimates.inline = inline;
  if (!profile.needsIsolation && !profile.threadUnsafe) {
    const [c, ms] = bestChunk(
      p,
      {
        startMs: warmThreads ? 0 : t.threadStartMs,
        messageMs: t.threadMessageUs / 1000,
        itemMs: t.threadItemUs / 1000,
        msPerByte: 1 / (t.cloneGBs * 1e6),
      },
      used,
      slowdown,
    );
    estimates.threads = ms;
    chunks.threads = c;
  }
  const [c, ms] = bestChunk(
    p,
    {
      startMs: warmProcesses ? 0 : t.processStartMs,
      messageMs: t.processMessageUs / 1000,
      itemMs: t.processItemUs / 1000,
      msPerByte: 1 / (t.ipcGBs * 1e6),
    },
    used,
    slowdown,
  );
  estimates.processes = ms;
  chunks.processes = c;

  let backend = fastest(estimates);
  // Long tasks amortize a process's start-up and messages: when processes cost within 2 % of
  // threads, take them — a crash, a leak or global state then stays in one worker.
  const longTasks = taskMs >= LONG_TASK_MS && backend === 'threads';
  if (longTasks && (estimates.processes as number) <= (estimates.threads as number) * 1.02)
    backend = 'processes';
  const chosen = estimates[backend] as number;
  const expectedSpeedup = chosen > 0 ? inline / chosen : 1;
  const why = profile.needsIsolation
    ? 'isolation requested: processes only'
    : backend === 'inline'
      ? 'tasks too short or too few for the start-up and message costs'
      : backend === 'threads'
        ? 'tasks long enough to amortize thread messages'
        : profile.threadUnsafe
          ? 'thread-unsafe native modules: processes'
          : taskMs >= LONG_TASK_MS
            ? 'long tasks: processes cost about the same as threads and isolate each worker'
            : 'processes are estimated fastest';
  return {
    backend,
    chunksize: chunks[backend] ?? 1,
    expectedSpeedup,
    estimates,
    workers: used,
    reason: `${backend} with chunks of ${chunks[backend] ?? 1} on ${used} worker(s): ${why}; expected speedup ${expectedSpeedup.toFixed(2)}×`,
  };
}
