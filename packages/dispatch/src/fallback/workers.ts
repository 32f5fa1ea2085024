/**
 * The fallback's worker set: a few worker_threads, started on first use, that run TypeScript
 * kernels over SharedArrayBuffers. Inputs that are not on a SharedArrayBuffer are copied into
 * reusable scratch buffers once per call; outputs are copied back. The main thread posts one
 * message per worker and then waits on an Atomics counter: synchronously (`Atomics.wait`, so the
 * routed functions stay synchronous) or asynchronously (`Atomics.waitAsync`). Jobs run one at a time.
 *
 * Never a hang: a worker that dies mid-job never bumps the counter, and a synchronous caller
 * blocked in `Atomics.wait` cannot receive the Worker's 'exit' event (the main event loop is not
 * running). So liveness travels through shared memory too:
 * - each worker's `process.on('exit')` (which runs on process.exit() and after an uncaught
 *   exception) writes its index into the control word `dead` and notifies the counter's address,
 *   which wakes the waiter at once; the main thread's 'exit' listener does the same (for the async
 *   form, whose event loop runs);
 * - a death that runs no JavaScript (only `terminate()`, which only this class calls, or a thread
 *   stuck in a kernel) is caught by a per-job deadline: `minJobMs` plus 100 ns per work unit,
 *   ≈ 100× what the TypeScript kernels need, so a slow but healthy job on a loaded machine never
 *   trips it. The waits are sliced by that deadline (`Atomics.wait` with a timeout).
 * On either, the call throws a clear error and the whole set is torn down: the survivors may still
 * be writing the abandoned job's shares, so the next call starts fresh workers with fresh control,
 * result and scratch buffers (late writes land in the old ones). Outputs of a failed call are not
 * copied back (operands that were already on a SharedArrayBuffer may be partly written).
 */
import { Worker } from 'node:worker_threads';
import type { FloatArray } from '../types.js';
import { workerExecArgv } from '../worker-argv.js';
import { CTRL, combine, doneBit, type Job, jobLength, jobWork, PARTIAL_SLOTS, shareOf } from './jobs.js';

/** Maps an operand to its SharedArrayBuffer-backed view (copying when needed). */
export type Share = <T extends FloatArray>(x: T, opts?: { copyIn?: boolean; copyBack?: boolean }) => T;

/** Builds a job from shared views; called when the job's turn comes. */
export type JobBuilder = (share: Share) => Job;

/** Result of a job: the combined scalar and the raw partials (for jobs with several outputs). */
export interface JobResult {
  value: number;
  partials: Float64Array;
}

/** Options of {@link WorkerSet}. */
export interface WorkerSetOptions {
  /** Floor of the per-job deadline in ms (default 60 000); the job's size adds to it. */
  minJobMs?: number;
  /** How long the workers may take to start, in ms (default 15 000). */
  startMs?: number;
}

/** Deadline per work unit: ≈ 100× the TypeScript kernels' cost (≈ 1 ns per unit). */
const NS_PER_UNIT = 100;

type WaitAsync = (
  a: Int32Array,
  i: number,
  v: number,
  timeoutMs: number,
) => { async: boolean; value: Promise<string> | string };

function newCtrl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(CTRL.length * 4));
}

/** A lazily started set of fallback workers that recovers from a worker's death. */
export class WorkerSet {
  readonly count: number;
  private readonly minJobMs: number;
  private readonly startMs: number;
  private workers: Worker[] | null = null;
  private ctrl = newCtrl();
  private results: Float64Array;
  private scratch: SharedArrayBuffer[] = [];
  private ready = false;
  private busy = false;
  private tail: Promise<unknown> = Promise.resolve();
  private lastError = '';

  constructor(count: number, options: WorkerSetOptions = {}) {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`count must be a positive integer, got ${count}`);
    const { minJobMs = 60_000, startMs = 15_000 } = options;
    if (!(minJobMs > 0)) throw new RangeError(`options.minJobMs must be positive, got ${minJobMs}`);
    if (!(startMs > 0)) throw new RangeError(`options.startMs must be positive, got ${startMs}`);
    this.count = count;
    this.minJobMs = minJobMs;
    this.startMs = startMs;
    this.results = new Float64Array(new SharedArrayBuffer(count * PARTIAL_SLOTS * 8));
  }

  /** True while an asynchronous job is in flight (a synchronous caller then computes inline). */
  get isBusy(): boolean {
    return this.busy;
  }

  /**
   * Runs a job, blocking the calling thread until every worker has finished its share.
   * @throws Error when a worker dies or the job overruns its deadline (the set restarts next call).
   */
  runSync(build: JobBuilder): JobResult {
    if (this.busy) throw new Error('WorkerSet is busy');
    this.busy = true;
    try {
      const { job, backs, ms } = this.begin(build);
      const ctrl = this.ctrl;
      const deadline = Date.now() + ms;
      let v = Atomics.load(ctrl, CTRL.done);
      while (v < this.count) {
        this.check(deadline, ms);
        Atomics.wait(ctrl, CTRL.done, v, Math.max(1, deadline - Date.now()));
        v = Atomics.load(ctrl, CTRL.done);
      }
      return this.finish(job, backs);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Runs a job without blocking; jobs queue behind each other. While a job is in flight the
   * workers are ref'd: a pending `Atomics.waitAsync` alone does not keep Node's event loop alive.
   */
  runAsync(build: JobBuilder): Promise<JobResult> {
    const run = async (): Promise<JobResult> => {
      this.busy = true;
      try {
        const { job, backs, ms } = this.begin(build);
        const ctrl = this.ctrl;
        this.setRef(true);
        const deadline = Date.now() + ms;
        const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
        let v = Atomics.load(ctrl, CTRL.done);
        while (v < this.count) {
          this.check(deadline, ms);
          const w = waitAsync(ctrl, CTRL.done, v, Math.max(1, deadline - Date.now()));
          if (w.async) await w.value;
          v = Atomics.load(ctrl, CTRL.done);
        }
        return this.finish(job, backs);
      } finally {
        this.setRef(false);
        this.busy = false;
      }
    };
    const p = this.tail.then(run, run);
    this.tail = p.catch(() => undefined);
    return p;
  }

  /** Stops the workers and frees the scratch buffers; the next job starts them again. */
  async close(): Promise<void> {
    await this.reset();
  }

  /** Tears the set down (terminating every worker); the next job starts a fresh one. */
  private reset(): Promise<void> {
    const ws = this.workers;
    this.workers = null;
    this.ready = false;
    this.scratch = [];
    if (!ws) return Promise.resolve();
    return Promise.all(ws.map((w) => w.terminate().catch(() => 0))).then(() => undefined);
  }

  /**
   * Throws (and resets the set) when a worker died before finishing its share of the job, or the job
   * is past its deadline. A worker that died after its share is done does not spoil the job (the next
   * job starts a fresh set).
   */
  private check(deadline: number, ms: number): void {
    const dead = Atomics.load(this.ctrl, CTRL.dead);
    const shareDone = dead !== 0 && (Atomics.load(this.ctrl, CTRL.doneBits) & doneBit(dead - 1)) !== 0;
    if (dead !== 0 && !shareDone) {
      const code = Atomics.load(this.ctrl, CTRL.exitCode);
      void this.reset();
      throw new Error(
        `a polycore fallback worker (#${dead - 1}) exited with code ${code} during a job; ` +
          'the job was abandoned and the workers restart on the next call',
      );
    }
    if (Date.now() >= deadline) {
      void this.reset();
      throw new Error(
        `polycore fallback workers did not finish a job within ${ms} ms (a worker is stuck or died ` +
          'without notice); the job was abandoned and the workers restart on the next call',
      );
    }
  }

  /** Starts the workers if needed, shares the operands and posts the job. */
  private begin(build: JobBuilder): { job: Job; backs: Array<[FloatArray, FloatArray]>; ms: number } {
    // A worker that died between jobs would never take its share: start over.
    if (this.workers && Atomics.load(this.ctrl, CTRL.dead) !== 0) void this.reset();
    this.start();
    if (!this.ready) this.awaitReadySync();
    const { job, backs } = this.prepare(build);
    this.post(job);
    return { job, backs, ms: Math.ceil(this.minJobMs + (jobWork(job) * NS_PER_UNIT) / 1e6) };
  }

  private setRef(on: boolean): void {
    for (const w of this.workers ?? []) {
      if (on) w.ref();
      else w.unref();
    }
  }

  private start(): void {
    if (this.workers) return;
    // Fresh control and result words per generation: workers of a torn-down set write only theirs.
    const ctrl = newCtrl();
    const results = new Float64Array(new SharedArrayBuffer(this.count * PARTIAL_SLOTS * 8));
    this.ctrl = ctrl;
    this.results = results;
    const url = new URL('./worker-entry.js', import.meta.url);
    const execArgv = workerExecArgv();
    this.workers = Array.from({ length: this.count }, (_, index) => {
      const w = new Worker(url, { workerData: { ctrl, results, index }, execArgv });
      w.on('message', (m: unknown) => {
        this.lastError = String(m);
      });
      w.on('error', (e) => {
        this.lastError = e.message;
      });
      w.on('exit', (code) => {
        if (Atomics.compareExchange(ctrl, CTRL.dead, 0, index + 1) === 0)
          Atomics.store(ctrl, CTRL.exitCode, code);
        Atomics.notify(ctrl, CTRL.done);
      });
      w.unref();
      return w;
    });
  }

  private awaitReadySync(): void {
    const ctrl = this.ctrl;
    const deadline = Date.now() + this.startMs;
    let v = Atomics.load(ctrl, CTRL.ready);
    while (v < this.count) {
      const left = deadline - Date.now();
      const dead = Atomics.load(ctrl, CTRL.dead);
      if (left <= 0 || dead !== 0) {
        void this.reset();
        throw new Error(
          dead !== 0
            ? `a polycore fallback worker (#${dead - 1}) exited during start-up${this.lastError ? `: ${this.lastError}` : ''}`
            : `polycore fallback workers did not start within ${this.startMs} ms`,
        );
      }
      Atomics.wait(ctrl, CTRL.ready, v, left);
      v = Atomics.load(ctrl, CTRL.ready);
    }
    this.ready = true;
  }

  private prepare(build: JobBuilder): { job: Job; backs: Array<[FloatArray, FloatArray]> } {
    const backs: Array<[FloatArray, FloatArray]> = [];
    let slot = 0;
    const share: Share = (x, opts) => {
      if (x.buffer instanceof SharedArrayBuffer) return x;
      const bytes = x.byteLength;
      let buf = this.scratch[slot];
      if (!buf || buf.byteLength < bytes) {
        buf = new SharedArrayBuffer(Math.max(bytes, 64));
        this.scratch[slot] = buf;
      }
      slot++;
      const Ctor = x.constructor as new (b: SharedArrayBuffer, o: number, n: number) => typeof x;
      const view = new Ctor(buf, 0, x.length);
      if (opts?.copyIn !== false) view.set(x as never);
      if (opts?.copyBack) backs.push([x, view]);
      return view;
    };
    return { job: build(share), backs };
  }

  private post(job: Job): void {
    Atomics.store(this.ctrl, CTRL.done, 0);
    Atomics.store(this.ctrl, CTRL.error, 0);
    Atomics.store(this.ctrl, CTRL.doneBits, 0);
    const n = jobLength(job);
    const ws = this.workers as Worker[];
    for (let w = 0; w < this.count; w++) {
      const [s, e] = shareOf(n, w, this.count);
      ws[w]!.postMessage({ job, s, e });
    }
  }

  private finish(job: Job, backs: Array<[FloatArray, FloatArray]>): JobResult {
    if (Atomics.load(this.ctrl, CTRL.error) !== 0) {
      throw new Error(`a polycore fallback worker failed${this.lastError ? `: ${this.lastError}` : ''}`);
    }
    for (const [orig, view] of backs) orig.set(view as never);
    const value = combine(job, this.results, this.count);
    return { value, partials: this.results.slice(0, PARTIAL_SLOTS) };
  }
}
