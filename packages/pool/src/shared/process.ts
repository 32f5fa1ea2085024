/**
 * `Process`: one long-lived worker (a thread or a child process) running a function or module
 * task (Python's `multiprocessing.Process`). Arguments go through the pool's codec, so shared
 * primitives passed as arguments keep working inside it.
 * @module
 */
import { type ChildProcess, fork } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { encode, serializerModules } from '../codec.js';
import { resolveFn } from '../fn-source.js';
import type { AnyFn, TaskRef } from '../types.js';
import { checkTimeout } from './errors.js';
import './serializer.js';

/** Options of {@link Process}. */
export interface ProcessOptions {
  /** What to run: a self-contained function (shipped by source) or a `task(url, exportName)` reference. */
  target: AnyFn | TaskRef;
  /** Arguments (structured clone; shared primitives are passed by reference). */
  args?: unknown[];
  /** 'threads' (a worker thread, default) or 'processes' (a child process). */
  backend?: 'threads' | 'processes';
  /** A name for messages. */
  name?: string;
}

/** What the entry file receives. @internal */
export interface ProcessStart {
  spec: ReturnType<typeof resolveFn>['spec'];
  args: unknown;
  encoded: boolean;
  modules: Record<string, string>;
  backend: 'threads' | 'processes';
}

const ENTRY = new URL('./process-entry.js', import.meta.url);

/**
 * Runs one task in its own worker. `exitCode` is 0 when the task returned, 1 when it threw, the
 * code given to `process.exit(n)`, or minus the signal number when a child process was killed.
 * Like Python's, a worker that put items into a queue without awaiting the puts exits only once
 * they are in the queue: if nobody drains a full queue, `join()` waits (use `terminate()`).
 *
 * @example
 * ```ts
 * import { Process, Queue } from '@polycore/pool';
 * const q = new Queue<number>();
 * const p = new Process({ target: async (q) => { await q.put(6 * 7); }, args: [q], backend: 'processes' });
 * p.start();
 * console.log(await q.get(), await p.join()); // 42 0
 * ```
 */
export class Process {
  readonly name: string;
  readonly backend: 'threads' | 'processes';
  readonly #start: ProcessStart;
  #worker: Worker | ChildProcess | undefined;
  #exitCode: number | null = null;
  #done: Promise<number> | undefined;

  constructor(options: ProcessOptions) {
    if (options === null || typeof options !== 'object')
      throw new TypeError('options must be an object: { target, args?, backend? }');
    const backend = options.backend ?? 'threads';
    if (backend !== 'threads' && backend !== 'processes')
      throw new TypeError(`options.backend must be 'threads' or 'processes', got ${String(backend)}`);
    const args = options.args ?? [];
    if (!Array.isArray(args)) throw new TypeError('options.args must be an array');
    const { spec } = resolveFn(options.target, 'options.target');
    const enc = encode(args, backend, 'options.args');
    this.backend = backend;
    this.name =
      options.name ?? `Process-${spec.kind === 'source' ? spec.name || 'anonymous' : spec.exportName}`;
    this.#start = { spec, args: enc.value, encoded: enc.encoded, modules: serializerModules(), backend };
  }

  /**
   * Starts the worker (once).
   *
   * @example
   * ```ts
   * p.start();
   * ```
   */
  start(): void {
    if (this.#worker) throw new Error(`${this.name} was already started`);
    if (this.backend === 'threads') {
      const w = new Worker(ENTRY, { workerData: this.#start });
      this.#worker = w;
      this.#done = new Promise((resolve) => {
        w.once('error', () => {}); // reported through the exit code; the entry prints the error
        w.once('exit', (code) => {
          this.#exitCode = code;
          resolve(code);
        });
      });
    } else {
      const c = fork(fileURLToPath(ENTRY), [], {
        serialization: 'advanced',
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      });
      this.#worker = c;
      this.#done = new Promise((resolve) => {
        c.once('exit', (code, signal) => {
          const n = code ?? -((signal && (constants.signals as Record<string, number>)[signal]) || 1);
          this.#exitCode = n;
          resolve(n);
        });
      });
      c.send(this.#start);
    }
  }

  /** The exit code once the worker ended, else null. */
  get exitCode(): number | null {
    return this.#exitCode;
  }

  /** The child's pid (processes) or the worker's threadId (threads), once started. */
  get pid(): number | undefined {
    const w = this.#worker;
    if (w === undefined) return undefined;
    return w instanceof Worker ? w.threadId : w.pid;
  }

  /** Whether it was started and has not ended. */
  isAlive(): boolean {
    return this.#worker !== undefined && this.#exitCode === null;
  }

  /**
   * Waits for the worker to end; resolves its exit code, or null when `timeout` passed first.
   *
   * @example
   * ```ts
   * const code = await p.join({ timeout: 5000 });
   * ```
   */
  async join(options: { timeout?: number } = {}): Promise<number | null> {
    if (!this.#done) throw new Error(`${this.name} was not started`);
    const t = checkTimeout(options.timeout, 'options.timeout');
    if (t === Infinity) return this.#done;
    let timer: NodeJS.Timeout | undefined;
    const r = await Promise.race([
      this.#done,
      new Promise<null>((res) => (timer = setTimeout(res, t, null))),
    ]);
    clearTimeout(timer);
    return r;
  }

  /**
   * Stops the worker (SIGTERM for a child process) and waits for it to end; resolves the exit code.
   *
   * @example
   * ```ts
   * await p.terminate();
   * ```
   */
  async terminate(): Promise<number> {
    const w = this.#worker;
    if (!w || !this.#done) throw new Error(`${this.name} was not started`);
    if (this.#exitCode === null) {
      if (w instanceof Worker) void w.terminate();
      else w.kill('SIGTERM');
    }
    return this.#done;
  }

  /**
   * Kills a child process with SIGKILL (threads: same as terminate).
   *
   * @example
   * ```ts
   * await p.kill();
   * ```
   */
  async kill(): Promise<number> {
    const w = this.#worker;
    if (w && !(w instanceof Worker) && this.#exitCode === null) w.kill('SIGKILL');
    return this.terminate();
  }
}
