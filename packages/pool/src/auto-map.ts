/**
 * `backend: 'auto'` in map/starmap: an inline probe, then {@link chooseBackend} (auto.ts, the
 * `@polycore/dispatch` cost model) picks where the rest runs.
 * @module
 */
import { createRequire } from 'node:module';
import { Probe, roughBytes } from './auto-probe.js';
import type { FnEntry } from './fn-source.js';
import { collect, type MapSetup } from './map.js';
import type { ResolvedPoolOptions } from './options.js';

/** What `backend: 'auto'` uses of the pool's options. */
export type AutoPoolOptions = Pick<
  ResolvedPoolOptions,
  'workers' | 'needsIsolation' | 'threadUnsafe' | 'verbose'
>;

/** The decision module (it loads the cost model), imported on the first auto map. */
let decide: Promise<typeof import('./auto.js')> | undefined;

/** Prints a decision line on stderr (the Pool's `verbose`). */
function say(o: AutoPoolOptions, line: string): void {
  if (o.verbose > 0) console.error(`[Pool(backend=auto)]: ${line}`);
}

const localRequire = createRequire(import.meta.url);
const compiledFns = new Map<number, (...a: unknown[]) => unknown>();

/** The task function compiled from its source, as workers do (same scope: globals and `require`). */
function compiled(entry: FnEntry): (...a: unknown[]) => unknown {
  let fn = compiledFns.get(entry.id);
  if (!fn) {
    if (entry.spec.kind !== 'source') throw new TypeError('only source functions run inline');
    fn = new Function('require', `"use strict"; return ${entry.spec.source};`)(localRequire) as (
      ...a: unknown[]
    ) => unknown;
    compiledFns.set(entry.id, fn);
  }
  return fn;
}

/** Trims `res` to the `n` items produced (iterator input of unknown length). */
function finish(res: unknown[], n: number): unknown[] {
  if (res.length !== n) res.length = n;
  return res;
}

/**
 * Runs `fn` over `array[from..to)` into `res`; stops at the first promise (returns its index) or at
 * `to`. `ctx` is `this` for functions that use it; others are called directly (measurably faster).
 */
function runSlice(
  fn: (...a: unknown[]) => unknown,
  ctx: object | undefined,
  array: unknown[],
  res: unknown[],
  from: number,
  to: number,
): number {
  if (ctx === undefined) {
    for (let i = from; i < to; i++) {
      const v = fn(array[i]);
      res[i] = v;
      if (v instanceof Promise) return i;
    }
    return to;
  }
  for (let i = from; i < to; i++) {
    const v = fn.call(ctx, array[i]);
    res[i] = v;
    if (v instanceof Promise) return i;
  }
  return to;
}

/**
 * `backend: 'auto'` for map/starmap: runs the first items in this thread (compiled from the checked
 * source, as workers would), times them ({@link Probe}), and lets {@link chooseBackend} decide whether
 * the rest runs here or on the pool's workers (with the model's chunk size). The pool's workers are
 * threads, or processes when `needsIsolation`/`threadUnsafe` is set; with `needsIsolation` nothing
 * runs inline (no probe). A 'processes' choice for long tasks on a threads pool runs on its threads
 * (the model only prefers processes there when they cost about the same).
 *
 * @example
 * ```ts
 * // inside Pool.map when backend is 'auto':
 * const out = await autoMap(setup, [1, 2, 3][Symbol.iterator](), 3, [1, 2, 3], resolvedOptions, false);
 * ```
 */
export async function autoMap(
  setup: MapSetup,
  it: Iterator<unknown>,
  total: number | undefined,
  array: unknown[] | undefined,
  o: AutoPoolOptions,
  warm: boolean,
): Promise<unknown[]> {
  if (o.needsIsolation) {
    say(o, 'auto: isolation requested: every task on processes, chunks sized from measured task time');
    return collect(setup, { sync: true, it }, total, array);
  }
  if (!decide) {
    decide = import('./auto.js');
    decide.catch(() => {}); // awaited below; not unhandled when every item ran in the probe
  }
  const fn = compiled(setup.fn);
  const usesThis = setup.fn.spec.kind !== 'source' || /\bthis\b/.test(setup.fn.spec.source);
  const signal = setup.opts.signal;
  const ctx = { signal: signal ?? new AbortController().signal, taskId: -1 };
  const star = setup.star;
  // Items come from the array by index (the fast path) or from the iterator, into `res`.
  const res: unknown[] = array ? new Array(array.length) : [];
  const n = array ? array.length : Number.POSITIVE_INFINITY;
  let first: unknown = array?.[0];
  let i = 0;
  let ended = false;
  const runTo = async (to: number): Promise<void> => {
    while (i < to && !ended) {
      if (array && !star) {
        const stop = runSlice(fn, usesThis ? ctx : undefined, array, res, i, Math.min(to, i + 65536));
        if (stop < to && res[stop] instanceof Promise) {
          res[stop] = await res[stop];
          i = stop + 1;
        } else i = stop;
      } else {
        const r = it.next();
        if (r.done) {
          ended = true;
          break;
        }
        if (i === 0) first = r.value;
        const v = star ? fn.apply(ctx, r.value as unknown[]) : fn.call(ctx, r.value);
        res[i++] = v instanceof Promise ? await v : v;
      }
      if (signal?.aborted) throw signal.reason;
    }
  };
  const probe = new Probe();
  while (!probe.done) {
    const from = i;
    probe.begin();
    await runTo(Math.min(n, i + probe.size));
    probe.end(i - from);
    if (ended || i >= n) {
      say(o, `auto: every task ran while timing (${i} inline)`);
      return finish(res, i);
    }
  }
  const workersKind = setup.backend === 'processes' ? 'processes' : 'threads';
  const { chooseBackend, describeChoice } = await decide;
  const d = chooseBackend({
    perItemMs: probe.perItemMs,
    remaining: total === undefined ? undefined : total - i,
    workers: o.workers,
    warm: { [workersKind]: warm },
    argBytes: roughBytes(first),
    resultBytes: roughBytes(res[0]),
    threadUnsafe: o.threadUnsafe,
  });
  const note =
    d.backend === 'processes' && workersKind === 'threads'
      ? ' (this Pool runs threads: set needsIsolation or threadUnsafe for processes)'
      : '';
  say(o, describeChoice(d, probe.perItemMs, i) + note);
  if (d.backend === 'inline') {
    await runTo(n);
    return finish(res, i);
  }
  const rest: Iterator<unknown> = array
    ? { next: () => (i < n ? { value: array[i++], done: false } : { value: undefined, done: true }) }
    : it;
  return collect(
    { ...setup, prefix: res.slice(0, i), hintMs: probe.perItemMs, chunksize: d.chunksize },
    { sync: true, it: rest },
    total,
  );
}
