/**
 * The fallback's worker set when a worker dies mid-job: the caller gets a clear error (never a
 * hang, never a wrong answer) and the next call runs on fresh workers. Faults are injected with
 * the test-only 'fault' job, which makes one worker exit, throw outside its job, or never finish.
 */
import { afterAll, describe, expect, it } from 'vitest';
// Internal class, from the built package (not part of the public exports).
import { CTRL } from '../dist/fallback/jobs.js';
import { WorkerSet } from '../dist/fallback/workers.js';

const n = 10_000;
const x = new Float64Array(new SharedArrayBuffer(n * 8)).fill(1);
const y = new Float64Array(new SharedArrayBuffer(n * 8)).fill(2);
const plain = new Float64Array(n).fill(3); // not shared: copied in, copied back
const dotJob = () => ({ kind: 'dot' as const, x, y });

describe('WorkerSet when a worker dies', () => {
  const sets: WorkerSet[] = [];
  const make = (opts?: { minJobMs?: number }) => {
    const ws = new WorkerSet(2, opts);
    sets.push(ws);
    return ws;
  };
  afterAll(async () => {
    await Promise.all(sets.map((s) => s.close()));
  });

  it('sync: a worker calling process.exit mid-job throws, and the next job runs on fresh workers', () => {
    const ws = make();
    expect(ws.runSync(dotJob).value).toBe(2 * n);
    expect(() => ws.runSync(() => ({ kind: 'fault', mode: 'exit', worker: 1 }))).toThrow(
      /fallback worker \(#1\) exited with code 7 during a job/,
    );
    expect(ws.isBusy).toBe(false);
    expect(ws.runSync(dotJob).value).toBe(2 * n);
    // Outputs are still copied back on the replacement workers.
    ws.runSync((share) => ({ kind: 'scal', alpha: 2, x: share(plain, { copyBack: true }) }));
    expect(plain[0]).toBe(6);
    expect(plain[n - 1]).toBe(6);
  });

  it('sync: an uncaught exception in a worker throws instead of blocking forever', () => {
    const ws = make();
    expect(() => ws.runSync(() => ({ kind: 'fault', mode: 'uncaught', worker: 0 }))).toThrow(
      /fallback worker \(#0\) exited with code 1/,
    );
    expect(ws.runSync(dotJob).value).toBe(2 * n);
  });

  it('async: a dying worker rejects the promise, and queued and later jobs still run', async () => {
    const ws = make();
    const failing = ws.runAsync(() => ({ kind: 'fault', mode: 'exit', worker: 0 }));
    const queued = ws.runAsync(dotJob);
    await expect(failing).rejects.toThrow(/fallback worker \(#0\) exited with code 7/);
    expect((await queued).value).toBe(2 * n);
    await expect(ws.runAsync(() => ({ kind: 'fault', mode: 'uncaught', worker: 1 }))).rejects.toThrow(
      /exited with code 1/,
    );
    expect((await ws.runAsync(dotJob)).value).toBe(2 * n);
  });

  it('a stuck worker trips the job deadline (sync and async) and is replaced', async () => {
    const ws = make({ minJobMs: 300 });
    expect(() => ws.runSync(() => ({ kind: 'fault', mode: 'hang', worker: 1 }))).toThrow(
      /did not finish a job within 300 ms/,
    );
    expect(ws.runSync(dotJob).value).toBe(2 * n);
    await expect(ws.runAsync(() => ({ kind: 'fault', mode: 'hang', worker: 0 }))).rejects.toThrow(
      /did not finish a job within 300 ms/,
    );
    expect((await ws.runAsync(dotJob)).value).toBe(2 * n);
  });

  it('a worker that died between jobs is replaced before the next job', async () => {
    const ws = make();
    // Worker 0 finishes its share, then exits: that job is complete and correct.
    ws.runSync(() => ({ kind: 'fault', mode: 'exitAfter', worker: 0 }));
    const ctrl = (ws as unknown as { ctrl: Int32Array }).ctrl;
    for (let i = 0; i < 500 && Atomics.load(ctrl, CTRL.dead) === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(Atomics.load(ctrl, CTRL.dead)).toBe(1); // worker #0 recorded as dead
    // The next calls start a fresh set instead of waiting for the dead worker's share.
    for (let i = 0; i < 3; i++) expect(ws.runSync(dotJob).value).toBe(2 * n);
    expect((await ws.runAsync(dotJob)).value).toBe(2 * n);
  });

  it('rejects bad options', () => {
    expect(() => new WorkerSet(0)).toThrow(RangeError);
    expect(() => new WorkerSet(2, { minJobMs: 0 })).toThrow(/minJobMs/);
  });
});
