/**
 * Worker side of `Parallel`: one pool task runs a batch of `delayed` calls, each possibly with a different
 * function, and reports the results, the calls that failed (in place, without stopping the batch) and the
 * time the batch ran. Loaded in workers as a module task. The wire form is flat (one array of values, one
 * of arguments, or of single items when every call has one argument) because cloning many small arrays
 * costs more than the calls of tiny tasks.
 */
import { createRequire } from 'node:module';
import { type ErrorData, errorToData } from '../errors.js';
import type { FnSpec } from '../fn-source.js';

/** A batch as sent to a worker. */
export interface BatchPayload {
  /** The functions this batch uses. */
  fns: FnSpec[];
  /** Index into `fns` per call, or one index for all calls. */
  fn: number[] | number;
  /** Argument lists per call ... */
  args?: unknown[][];
  /** ... or, when every call has exactly one argument, the arguments themselves. */
  items?: unknown[];
  /** Per-call time limit (ms): a call that runs longer is reported as timed out. */
  timeout?: number;
}

/** Failure kinds in {@link BatchReply.failed}. */
export const R_ERROR = 1;
export const R_TIMEOUT = 2;

/** What a batch gives back. */
export interface BatchReply {
  /** Results by call (undefined where a call failed). */
  values: unknown[];
  /** Failed calls: position in the batch, kind, error data. */
  failed?: [at: number, kind: number, error: ErrorData | undefined][];
  /** Time the calls ran for (ms). */
  ms: number;
}

type Fn = (...args: unknown[]) => unknown;
const require = createRequire(import.meta.url);
const loaded = new Map<string, Fn | Promise<Fn>>();

function keyOf(spec: FnSpec): string {
  return spec.kind === 'source' ? `s:${spec.source}` : `m:${spec.url}#${spec.exportName}`;
}

async function importExport(url: string, name: string): Promise<Fn> {
  const mod = (await import(url)) as Record<string, unknown>;
  const fn = mod[name];
  if (typeof fn !== 'function')
    throw new TypeError(`export '${name}' of ${url} is not a function (got ${typeof fn})`);
  return fn as Fn;
}

function load(spec: FnSpec): Fn | Promise<Fn> {
  const key = keyOf(spec);
  let fn = loaded.get(key);
  if (!fn) {
    fn =
      spec.kind === 'source'
        ? (new Function('require', `"use strict"; return ${spec.source};`)(require) as Fn)
        : importExport(spec.url, spec.exportName);
    loaded.set(key, fn);
    if (fn instanceof Promise)
      void fn.then(
        (f) => loaded.set(key, f),
        () => loaded.delete(key),
      );
  }
  return fn;
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  v !== null &&
  (typeof v === 'object' || typeof v === 'function') &&
  typeof (v as PromiseLike<unknown>).then === 'function';

/**
 * Runs every call of a batch in order; a failing call is reported in `failed` and the batch goes on.
 *
 * @example
 * ```ts
 * await runBatch({ fns: [{ kind: 'source', source: '(x) => x * 2', name: '' }], fn: 0, items: [21] }); // { values: [42], ms }
 * ```
 */
export async function runBatch(payload: BatchPayload): Promise<BatchReply> {
  const { fn: fnIdx, args, items, timeout } = payload;
  const fns: (Fn | Promise<Fn>)[] = [];
  const n = items ? items.length : (args as unknown[][]).length;
  const values: unknown[] = new Array(n);
  const failed: NonNullable<BatchReply['failed']> = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    try {
      const fi = typeof fnIdx === 'number' ? fnIdx : (fnIdx[i] as number);
      let fn = fns[fi];
      if (fn === undefined) {
        fn = load(payload.fns[fi] as FnSpec);
        fns[fi] = fn;
      }
      if (fn instanceof Promise) {
        fn = await fn;
        fns[fi] = fn;
      }
      // The call's own time: loading its function (a module import) does not count against `timeout`.
      const t0 = timeout === undefined ? 0 : performance.now();
      let v = items ? fn(items[i]) : fn(...(args![i] as unknown[]));
      if (isThenable(v)) v = await v;
      if (timeout !== undefined && performance.now() - t0 > timeout) failed.push([i, R_TIMEOUT, undefined]);
      else values[i] = v;
    } catch (e) {
      failed.push([i, R_ERROR, errorToData(e)]);
    }
  }
  const ms = performance.now() - start;
  return failed.length > 0 ? { values, failed, ms } : { values, ms };
}
