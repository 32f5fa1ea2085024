/**
 * The slow path shared by every routed operation: build the placement, ask the router, run on
 * the chosen backend. Each operation describes itself once as a {@link Routed}.
 */
import type { Placement } from '../cost-model.js';
import type { Job } from '../fallback/jobs.js';
import type { JobResult, Share } from '../fallback/workers.js';
import type { OpName } from '../op-catalog.js';
import { route } from '../route.js';
import { fallbackWorkers } from '../state.js';
import type { FloatArray } from '../types.js';

/** How one operation runs on each backend. */
export interface Routed<A extends unknown[], R> {
  op: OpName;
  /** The operand arrays (their dtype and buffers decide the placement). */
  arrays(...args: A): FloatArray[];
  /** Inline TypeScript. */
  js(...args: A): R;
  /** The native kernel, when the core has it. */
  native: ((...args: A) => R) | undefined;
  /** Its async twin, when the core has it. */
  nativeAsync?: ((...args: A) => Promise<R>) | undefined;
  /** The worker job. */
  job(share: Share, ...args: A): Job;
  /** The result of a finished worker job. */
  done(res: JobResult, ...args: A): R;
}

// One placement object reused by every call (route reads it synchronously and keeps nothing):
// the slow path should not feed the garbage collector.
const where: Placement = { elementBytes: 8, shared: false, onGpu: false, nativeHas: false };

function placement(xs: FloatArray[], nativeHas: boolean): Placement {
  const first = xs[0];
  let shared = true;
  for (const x of xs) if (!(x.buffer instanceof SharedArrayBuffer)) shared = false;
  where.elementBytes = first ? first.BYTES_PER_ELEMENT : 8;
  where.shared = shared;
  where.nativeHas = nativeHas;
  return where;
}

/** Runs a validated call synchronously on the backend the router picks. */
export function runSync<A extends unknown[], R>(
  r: Routed<A, R>,
  sizes: number | readonly number[],
  args: A,
): R {
  const place = placement(r.arrays(...args), r.native !== undefined);
  switch (route(r.op, sizes, place, true)) {
    case 'native':
      return (r.native as (...a: A) => R)(...args);
    case 'workers': {
      const w = fallbackWorkers();
      // A job of an async caller is in flight: compute inline rather than wait behind it.
      if (w.isBusy) return r.js(...args);
      return r.done(
        w.runSync((s) => r.job(s, ...args)),
        ...args,
      );
    }
    default:
      return r.js(...args);
  }
}

/** Runs a validated call off the calling thread when the router picks a threaded backend. */
export async function runAsync<A extends unknown[], R>(
  r: Routed<A, R>,
  sizes: number | readonly number[],
  args: A,
): Promise<R> {
  const place = placement(r.arrays(...args), r.native !== undefined);
  switch (route(r.op, sizes, place, false)) {
    case 'native':
      return r.nativeAsync ? r.nativeAsync(...args) : (r.native as (...a: A) => R)(...args);
    case 'workers':
      return r.done(await fallbackWorkers().runAsync((s) => r.job(s, ...args)), ...args);
    case 'gpu': {
      const { gpuRun } = await import('../backends/gpu.js');
      return gpuRun(r.op, args) as Promise<R>;
    }
    default:
      return r.js(...args);
  }
}
