/**
 * Where `Parallel` runs a batch of `delayed` calls: in this thread (nJobs 1, for debugging: closures work and
 * stack traces are yours) or through a Pool, one pool task per batch (see batch-runner.ts).
 */
import { dataToError, type ErrorData, TaskTimeoutError } from '../errors.js';
import { type FnSpec, resolveFn } from '../fn-source.js';
import type { AnyFn, Runnable, TaskRef } from '../types.js';
import { type BatchPayload, type BatchReply, R_ERROR } from './batch-runner.js';
import { CACHED_SPEC } from './cached.js';
import type { Delayed } from './delayed.js';
import type { PoolLike } from './parallel-options.js';

/** Consecutive `delayed` calls: `calls[i]` is task number `first + i` of the input. */
export interface Batch {
  first: number;
  calls: Delayed[];
  /** How long the batch should run, from per-task times measured so far (ms). */
  expectedMs?: number | undefined;
}

/**
 * What a batch gave: `values[i]` is the result of task `first + i`, unless `errors` has an entry for `i`.
 * (Batch form, not one object per task: Parallel may run millions of tiny tasks.)
 */
export interface BatchResult {
  first: number;
  values: unknown[];
  errors: Map<number, unknown> | undefined;
  /** Time the calls ran for, in the worker (ms). */
  ms: number;
}

/** Runs batches. */
export interface Executor {
  run(batch: Batch): Promise<BatchResult>;
  /** Ends a call (pools stay open: they are shared or the caller's). */
  close(): Promise<void>;
}

function fnName(fn: Runnable): string {
  return typeof fn === 'function' ? fn.name || 'anonymous' : (fn as TaskRef).exportName;
}

/** A TaskTimeoutError naming the task. */
export function timeoutError(index: number, fn: Runnable, timeout: number): TaskTimeoutError {
  const e = new TaskTimeoutError(timeout);
  e.message = `tasks[${index}] (${fnName(fn)}) timed out after ${timeout} ms`;
  return e;
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  v !== null &&
  (typeof v === 'object' || typeof v === 'function') &&
  typeof (v as PromiseLike<unknown>).then === 'function';

async function resolveLocal(fn: Runnable): Promise<AnyFn> {
  if (typeof fn === 'function') return fn;
  const f = ((await import(fn.url)) as Record<string, unknown>)[fn.exportName];
  if (typeof f !== 'function')
    throw new TypeError(`export '${fn.exportName}' of ${fn.url} is not a function`);
  return f as AnyFn;
}

/**
 * Runs calls one at a time in this thread, in order. A `timeout` stops waiting for an async call (its work
 * cannot be interrupted here); a synchronous call that overran fails after it returns.
 */
export class InlineExecutor implements Executor {
  constructor(private readonly timeout: number | undefined) {}

  async run({ first, calls }: Batch): Promise<BatchResult> {
    const values: unknown[] = new Array(calls.length);
    const errors = new Map<number, unknown>();
    const start = performance.now();
    for (let i = 0; i < calls.length; i++) {
      const { fn, args } = calls[i] as Delayed;
      const t0 = performance.now();
      try {
        let v = (await resolveLocal(fn))(...args);
        if (isThenable(v)) {
          v = this.timeout === undefined ? await v : await withTimeout(v, this.timeout, first + i, fn);
        }
        if (this.timeout !== undefined && performance.now() - t0 > this.timeout) {
          throw timeoutError(first + i, fn, this.timeout);
        }
        values[i] = v;
      } catch (error) {
        errors.set(i, error);
      }
    }
    return { first, values, errors: errors.size > 0 ? errors : undefined, ms: performance.now() - start };
  }

  async close(): Promise<void> {}
}

function withTimeout(p: PromiseLike<unknown>, ms: number, index: number, fn: Runnable): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(timeoutError(index, fn, ms)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const RUNNER: TaskRef = Object.freeze({
  kind: 'module',
  url: new URL('./batch-runner.js', import.meta.url).href,
  exportName: 'runBatch',
});

/**
 * The wire form of a task function, validated for workers: self-contained source (Pool's check), a module
 * reference, or a cached function (whose inner function must itself be self-contained).
 */
export function wireFn(fn: Runnable, index: number): FnSpec {
  const cached =
    typeof fn === 'function' ? (fn as unknown as Record<symbol, unknown>)[CACHED_SPEC] : undefined;
  if (cached)
    resolveFn(
      (fn as unknown as { func: AnyFn }).func,
      `tasks[${index}]: the function cached by memory.cache`,
    );
  return resolveFn(fn, `tasks[${index}]: delayed(fn)`).spec;
}

/**
 * The pool-task timeout of a batch of `n` calls, each limited to `timeout` ms. Overruns are detected exactly
 * in the worker (each call is timed there); this is the guard against a call that never returns, which the
 * Pool stops by replacing the worker. It adds slack for what the Pool's clock also counts (starting a
 * replacement worker, loading the batch runner) so a healthy call is never killed.
 */
export function batchTimeout(timeout: number, n: number, expectedMs: number | undefined): number {
  const slack = Math.max(200, timeout / 2);
  if (n === 1) return timeout + slack;
  const healthy = expectedMs === undefined ? timeout * n : Math.min(timeout * n, timeout + 3 * expectedMs);
  return healthy + slack;
}

/** Runs each batch as one task of a Pool. */
export class PoolExecutor implements Executor {
  readonly #specs = new WeakMap<object, FnSpec>();

  constructor(
    private readonly pool: PoolLike,
    private readonly timeout: number | undefined,
  ) {}

  #spec(fn: Runnable, index: number): FnSpec {
    let spec = this.#specs.get(fn as object);
    if (!spec) {
      spec = wireFn(fn, index);
      this.#specs.set(fn as object, spec);
    }
    return spec;
  }

  async run(batch: Batch): Promise<BatchResult> {
    const { first, calls } = batch;
    const n = calls.length;
    const fns: FnSpec[] = [];
    const fnIdx: number[] = new Array(n);
    let single = true;
    let oneArg = true;
    let lastFn: Runnable | undefined;
    let lastIdx = 0;
    for (let i = 0; i < n; i++) {
      const { fn, args } = calls[i] as Delayed;
      if (fn !== lastFn) {
        const spec = this.#spec(fn, first + i);
        lastIdx = fns.indexOf(spec);
        if (lastIdx < 0) lastIdx = fns.push(spec) - 1;
        lastFn = fn;
      }
      fnIdx[i] = lastIdx;
      if (lastIdx !== 0) single = false;
      if (args.length !== 1) oneArg = false;
    }
    const payload: BatchPayload = {
      fns,
      fn: single ? 0 : fnIdx,
      ...(oneArg ? { items: calls.map((c) => c.args[0]) } : { args: calls.map((c) => c.args as unknown[]) }),
      ...(this.timeout !== undefined ? { timeout: this.timeout } : {}),
    };
    let reply: BatchReply;
    try {
      // The pool's timeout kills a worker stuck in a call. A healthy batch takes at most n × timeout, but
      // waiting that long to notice a hang defeats the timeout; so allow the expected batch time (×3) plus
      // one timeout. If that kills a batch whose calls were merely slow, they re-run one by one anyway.
      const opts =
        this.timeout === undefined ? undefined : { timeout: batchTimeout(this.timeout, n, batch.expectedMs) };
      reply = (await this.pool.apply(RUNNER, [payload], opts)) as BatchReply;
    } catch (error) {
      if (error instanceof TaskTimeoutError && n > 1) return this.#oneByOne(batch);
      const err =
        error instanceof TaskTimeoutError
          ? timeoutError(first, (calls[0] as Delayed).fn, this.timeout ?? error.timeout)
          : error;
      return { first, values: new Array(n), errors: new Map(calls.map((_, i) => [i, err])), ms: 0 };
    }
    const errors = new Map<number, unknown>();
    for (const [at, kind, data] of reply.failed ?? []) {
      const error =
        kind === R_ERROR
          ? dataToError(data as ErrorData)
          : timeoutError(first + at, (calls[at] as Delayed).fn, this.timeout as number);
      errors.set(at, error);
    }
    return { first, values: reply.values, errors: errors.size > 0 ? errors : undefined, ms: reply.ms };
  }

  /** A call of this batch hung and its worker was replaced: run the calls again one per pool task. */
  async #oneByOne({ first, calls }: Batch): Promise<BatchResult> {
    const singles = await Promise.all(calls.map((c, i) => this.run({ first: first + i, calls: [c] })));
    const errors = new Map<number, unknown>();
    singles.forEach((s, i) => {
      const e = s.errors?.get(0);
      if (s.errors?.has(0)) errors.set(i, e);
    });
    return {
      first,
      values: singles.map((s) => s.values[0]),
      errors: errors.size > 0 ? errors : undefined,
      ms: singles.reduce((a, s) => a + s.ms, 0),
    };
  }

  async close(): Promise<void> {}
}
