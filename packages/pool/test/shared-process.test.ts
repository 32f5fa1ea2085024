import { Event, Lock, Process, Queue, task } from '@polycore/pool';
import { describe, expect, it } from 'vitest';

const BACKENDS = ['threads', 'processes'] as const;
const work = new URL('./fixtures/shared/workers.mjs', import.meta.url);

describe.each(BACKENDS)('Process (%s)', (backend) => {
  it('runs a function with shared arguments; exitCode 0', async () => {
    const q = new Queue<number>();
    const p = new Process({
      target: async (q: Queue<number>, x: number) => {
        await q.put(x * 2);
      },
      args: [q, 21],
      backend,
    });
    expect(p.isAlive()).toBe(false);
    p.start();
    expect(() => p.start()).toThrow(/already started/);
    expect(await q.get({ timeout: 20000 })).toBe(42);
    expect(await p.join()).toBe(0);
    expect(p.exitCode).toBe(0);
    expect(p.isAlive()).toBe(false);
  });

  it('exit codes: 1 when the task throws, n for process.exit(n)', async () => {
    const bad = new Process({
      target: () => {
        throw new Error('expected test failure (printed by the worker)');
      },
      backend,
    });
    const three = new Process({ target: () => process.exit(3), backend });
    bad.start();
    three.start();
    expect(await bad.join()).toBe(1);
    expect(await three.join()).toBe(3);
  });

  it('module tasks, join timeout, terminate', async () => {
    const ev = new Event();
    const lockHolder = new Process({ target: task(work, 'holdForever'), args: [new Lock(), ev], backend });
    lockHolder.start();
    const early = lockHolder.join().then((code) => `worker exited early with code ${code}`);
    expect(await Promise.race([ev.wait({ timeout: 20000 }), early])).toBe(true);
    expect(await lockHolder.join({ timeout: 20 })).toBe(null);
    expect(lockHolder.isAlive()).toBe(true);
    const code = await lockHolder.terminate();
    expect(code).not.toBe(0);
    expect(lockHolder.isAlive()).toBe(false);
  });

  it('rejects bad options', async () => {
    expect(() => new Process(null as never)).toThrow(TypeError);
    expect(() => new Process({ target: 5 as never })).toThrow(TypeError);
    expect(() => new Process({ target: () => 1, backend: 'gpu' as never })).toThrow(TypeError);
    expect(() => new Process({ target: () => 1, args: 'x' as never })).toThrow(TypeError);
    expect(() => new Process({ target: () => 1, args: [() => 2] })).toThrow(TypeError);
    await expect(new Process({ target: () => 1 }).join()).rejects.toThrow(/not started/);
  });
});

it('a SharedArrayBuffer-backed primitive is refused for processes with a clear TypeError', () => {
  const q = new Queue({ memory: 'sab' });
  expect(() => new Process({ target: (q: Queue) => q, args: [q], backend: 'processes' })).toThrow(
    /SharedArrayBuffer.*process/,
  );
  expect(() => new Process({ target: (q: Queue) => q, args: [q], backend: 'threads' })).not.toThrow();
});
