/**
 * `Parallel({ backend: 'auto' })`: runs the first delayed calls in this thread (as `nJobs: 1` does) in
 * doubling batches while timing them, then lets the cost model of `@polycore/dispatch` (auto.ts) choose
 * where the rest runs — inline, on the shared threads pool or the shared processes pool — and the batch
 * size the rest starts from.
 */
import { type AutoDecision, chooseBackend, describeChoice } from '../auto.js';
import { Probe, roughBytes } from '../auto-probe.js';
import { type Delayed, isDelayed, notDelayedError } from './delayed.js';
import { type BatchResult, type Executor, InlineExecutor, PoolExecutor, wireFn } from './executor.js';
import type { ResolvedParallel } from './parallel-options.js';
import { peekSharedPool, sharedPool } from './pool-factory.js';

type AnyIterator = Iterator<unknown> | AsyncIterator<unknown>;

/** How an 'auto' call goes on after its probe. */
export interface AutoPlan {
  /** Outcomes of the calls the probe ran inline, in input order (tasks 0 .. taken-1). */
  probed: BatchResult[];
  /** Calls the probe took from the iterator. */
  taken: number;
  /** Where the rest runs, and its executor. */
  backend: AutoDecision['backend'];
  exec: Executor;
  /** Measured ms per call (undefined when nothing was timed: `needsIsolation`). */
  perTaskMs: number | undefined;
  /** Batch size the rest starts from (the model's chunk size), when the rest runs on workers. */
  size: number | undefined;
  /** What `verbose` prints. */
  line: string;
}

const warm = (backend: 'threads' | 'processes', workers: number): boolean =>
  (peekSharedPool(backend, workers)?.stats().workers ?? 0) > 0;

async function closeIterator(it: AnyIterator): Promise<void> {
  try {
    await it.return?.();
  } catch {
    // the generator's own cleanup failed: the original error is the one to report
  }
}

/** Pulls up to `n` delayed calls (validated, and checked to be shippable to workers). */
async function take(it: AnyIterator, n: number, taken: number): Promise<Delayed[]> {
  const calls: Delayed[] = [];
  let lastFn: unknown;
  while (calls.length < n) {
    const r = (await it.next()) as IteratorResult<unknown>;
    if (r.done) break;
    if (!isDelayed(r.value)) throw notDelayedError(taken + calls.length, r.value);
    // The rest may run in workers: check the function could go there, whatever the decision.
    if (r.value.fn !== lastFn) wireFn(r.value.fn, taken + calls.length);
    lastFn = r.value.fn;
    calls.push(r.value);
  }
  return calls;
}

/**
 * Times the first calls of `iterator` inline and decides where the rest runs. With `needsIsolation`
 * nothing runs inline: the rest is the whole call, on processes.
 *
 * @example
 * ```ts
 * const plan = await planAuto(tasks[Symbol.iterator](), tasks.length, resolvedOptions);
 * plan.backend; // 'inline' | 'threads' | 'processes'
 * ```
 */
export async function planAuto(
  iterator: AnyIterator,
  total: number | undefined,
  opts: ResolvedParallel,
): Promise<AutoPlan> {
  const workers = opts.workers;
  if (opts.needsIsolation) {
    return {
      probed: [],
      taken: 0,
      backend: 'processes',
      exec: new PoolExecutor(sharedPool('processes', workers), opts.timeout),
      perTaskMs: undefined,
      size: undefined,
      line: 'auto: isolation requested: every task on processes, batches sized from measured task time',
    };
  }
  const inline = new InlineExecutor(opts.timeout);
  const probe = new Probe();
  const probed: BatchResult[] = [];
  let taken = 0;
  let firstArgs: readonly unknown[] = [];
  let ended = false;
  try {
    while (!probe.done) {
      const want = probe.size;
      const calls = await take(iterator, want, taken);
      if (taken === 0 && calls[0]) firstArgs = calls[0].args;
      probe.begin();
      if (calls.length > 0) probed.push(await inline.run({ first: taken, calls }));
      probe.end(calls.length);
      taken += calls.length;
      ended =
        calls.length < want ||
        (total !== undefined && taken >= total) ||
        (probed.at(-1)?.errors !== undefined && !opts.settle);
      if (ended) break;
    }
  } catch (e) {
    await closeIterator(iterator);
    throw e;
  }
  if (ended) {
    const why = probed.at(-1)?.errors ? 'a task failed while timing' : 'every task ran while timing';
    const line = `auto: ${why} (${taken} inline)`;
    return {
      probed,
      taken,
      backend: 'inline',
      exec: inline,
      perTaskMs: probe.perItemMs,
      size: undefined,
      line,
    };
  }
  const d = chooseBackend({
    perItemMs: probe.perItemMs,
    remaining: total === undefined ? undefined : total - taken,
    workers,
    warm: { threads: warm('threads', workers), processes: warm('processes', workers) },
    argBytes: roughBytes(firstArgs),
    resultBytes: roughBytes(probed[0]?.values[0]),
    threadUnsafe: opts.threadUnsafe,
  });
  const onPool = d.backend !== 'inline';
  return {
    probed,
    taken,
    backend: d.backend,
    exec: d.backend === 'inline' ? inline : new PoolExecutor(sharedPool(d.backend, workers), opts.timeout),
    perTaskMs: probe.perItemMs,
    size: onPool ? d.chunksize : undefined,
    line: describeChoice(d, probe.perItemMs, taken),
  };
}
