/**
 * The inline probe of `backend: 'auto'` (Pool map/starmap and `Parallel`): how long the first items
 * take, and roughly how many bytes cross to a worker per item.
 * @module
 */

/** The probe stops after a batch that took this long (ms) ... */
const PROBE_BATCH_MS = 0.5;
/** ... or after this much time in all (ms) ... */
const PROBE_TOTAL_MS = 4;
/** ... or after this many items. */
const PROBE_ITEMS = 100_000;
/** Slow batches re-timed at most this many times when this thread was mostly off the CPU. */
const PREEMPTED_RETRIES = 3;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Times the first items of a call run inline in doubling batches (1, 2, 4, ...) until one batch
 * takes ~0.5 ms (or ~4 ms passed, or 1e5 items ran). The first item is a warm-up: it pays for
 * compiling the function and cold caches, so it never ends the probe alone (a slow first item is
 * timed once more) and its time is not counted in the ~4 ms budget. The estimate is the best
 * per-item time of the batches of at least 4 items or 0.5 ms: robust to JIT warm-up and to
 * preemption on a busy machine. A slow batch during which the process used under half its wall
 * time in CPU (it was descheduled, or the tasks waited) is timed again, up to 3 times, before it
 * may end the probe: one time slice lost to another process must not make trivial tasks look slow.
 *
 * @example
 * ```ts
 * const probe = new Probe();
 * while (!probe.done) {
 *   probe.begin();
 *   runInline(probe.size);
 *   probe.end(probe.size);
 * }
 * probe.perItemMs; // e.g. 0.00004
 * ```
 */
export class Probe {
  /** Items to run in the next batch. */
  size = 1;
  /** Items run so far. */
  items = 0;
  /** True once the estimate is good enough. */
  done = false;
  #best = Number.POSITIVE_INFINITY;
  #ms = 0;
  #batches = 0;
  #retries = 0;
  #wall0 = 0;
  #cpu0 = 0;

  /** Marks the start of a batch. */
  begin(): void {
    this.#cpu0 = cpuMs();
    this.#wall0 = performance.now();
  }

  /** Records that the batch begun last ran `n` items (see {@link record}). */
  end(n: number): void {
    const ms = performance.now() - this.#wall0;
    this.record(n, ms, cpuMs() - this.#cpu0);
  }

  /**
   * Records that `n` items took `ms` (and `cpu` ms of this process's CPU, if known), and decides
   * the next batch size or that the probe is done.
   */
  record(n: number, ms: number, cpu?: number): void {
    if (n <= 0) return;
    this.items += n;
    if (
      cpu !== undefined &&
      ms >= PROBE_BATCH_MS &&
      cpu < ms / 2 &&
      this.#batches > 0 &&
      this.#retries < PREEMPTED_RETRIES
    ) {
      this.#retries++; // mostly off the CPU: time this size again
      this.done = this.items >= PROBE_ITEMS;
      return;
    }
    const warmup = this.#batches++ === 0;
    const slow = ms >= PROBE_BATCH_MS;
    if (this.size >= 4 || slow) this.#best = Math.min(this.#best, ms / n);
    if (!warmup) this.#ms += ms;
    this.done = (!warmup && (slow || this.#ms >= PROBE_TOTAL_MS)) || this.items >= PROBE_ITEMS;
    if (!(warmup && slow)) this.size *= 2;
  }

  get perItemMs(): number {
    if (Number.isFinite(this.#best)) return this.#best;
    return this.items > 0 ? this.#ms / this.items : 0;
  }
}

/**
 * Rough size in bytes of a value crossing to a worker, for the cost model: typed arrays and buffers
 * by their length, strings by theirs, arrays and plain objects from a sample of at most 16 entries
 * (3 levels deep). Cheap, never exact.
 *
 * @example
 * ```ts
 * roughBytes(new Float64Array(1000)); // 8000
 * roughBytes([1, 2, 3]); // 24
 * ```
 */
export function roughBytes(v: unknown, depth = 0): number {
  if (typeof v === 'number' || typeof v === 'bigint') return 8;
  if (typeof v === 'string') return v.length;
  if (v === null || typeof v !== 'object') return 1;
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (v instanceof ArrayBuffer) return v.byteLength;
  if (depth >= 3) return 16;
  const values = Array.isArray(v) ? v : Object.values(v);
  const n = values.length;
  if (n === 0) return 2;
  const step = Math.max(1, Math.floor(n / 16));
  let sum = 0;
  let seen = 0;
  for (let k = 0; k < n && seen < 16; k += step, seen++) sum += roughBytes(values[k], depth + 1);
  return Math.round((sum / seen) * n);
}
