/**
 * Worker side of the TypeScript fallback: receives a job (typed arrays on SharedArrayBuffers),
 * computes its share, writes its partial result, and signals the main thread through Atomics
 * (the main thread may be blocked in `Atomics.wait`, so no reply message is needed). If this
 * thread dies (process.exit, an uncaught exception), its `exit` handler marks it dead in the
 * shared control words and wakes the main thread, which would otherwise wait forever.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CTRL, doneBit, type Job, PARTIAL_SLOTS, runShare } from './jobs.js';

interface Init {
  /** Control words, indexed by {@link CTRL}. */
  ctrl: Int32Array;
  /** Partial results, {@link PARTIAL_SLOTS} doubles per worker. */
  results: Float64Array;
  index: number;
}

interface Message {
  job: Job;
  s: number;
  e: number;
}

const { ctrl, results, index } = workerData as Init;

// Runs on process.exit() and after an uncaught exception (not on terminate(), which only the
// worker set itself calls). The first death is recorded; both wait words are woken.
process.on('exit', (code) => {
  if (Atomics.compareExchange(ctrl, CTRL.dead, 0, index + 1) === 0) Atomics.store(ctrl, CTRL.exitCode, code);
  Atomics.notify(ctrl, CTRL.done);
  Atomics.notify(ctrl, CTRL.ready);
});

/**
 * Test-only faults (job kind 'fault'): exit or throw outside the job before finishing, never
 * finish, or exit just after finishing. Returns true when the share must not be reported done.
 */
function fault(mode: 'exit' | 'uncaught' | 'hang' | 'exitAfter'): boolean {
  switch (mode) {
    case 'exit':
      process.exit(7);
      return true;
    case 'uncaught':
      setImmediate(() => {
        throw new Error('polycore test fault');
      });
      return true;
    case 'exitAfter':
      setImmediate(() => process.exit(7));
      return false;
    case 'hang': {
      // Stay busy (bounded, in case nobody terminates this thread).
      const end = Date.now() + 60_000;
      while (Date.now() < end) {
        /* spin */
      }
      return true;
    }
  }
}

parentPort?.on('message', ({ job, s, e }: Message) => {
  if (job.kind === 'fault' && job.worker === index && fault(job.mode)) return;
  try {
    runShare(job, s, e, results, index * PARTIAL_SLOTS);
  } catch (err) {
    Atomics.store(ctrl, CTRL.error, 1);
    parentPort?.postMessage(String(err instanceof Error ? err.stack : err));
  }
  Atomics.or(ctrl, CTRL.doneBits, doneBit(index));
  Atomics.add(ctrl, CTRL.done, 1);
  Atomics.notify(ctrl, CTRL.done);
});

Atomics.add(ctrl, CTRL.ready, 1);
Atomics.notify(ctrl, CTRL.ready);
