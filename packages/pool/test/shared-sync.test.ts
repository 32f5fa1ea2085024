import {
  Barrier,
  BoundedSemaphore,
  BrokenBarrierError,
  Condition,
  Event,
  JoinableQueue,
  Lock,
  Pool,
  Process,
  RLock,
  Semaphore,
  task,
  Value,
} from '@polycore/pool';
import { describe, expect, it } from 'vitest';

const workers = new URL('./fixtures/shared/workers.mjs', import.meta.url);
const lockedIncrements = task<(l: Lock, v: Value, n: number) => void>(workers, 'lockedIncrements');
const BACKENDS = ['threads', 'processes'] as const;

describe('Lock, Value, RawArray on one thread', () => {
  it('Lock: acquire/release/timeout/withLock and bad use', async () => {
    const l = new Lock();
    expect(await l.acquire()).toBe(true);
    expect(l.locked()).toBe(true);
    expect(await l.acquire({ timeout: 20 })).toBe(false);
    expect(l.acquireSync({ timeout: 0 })).toBe(false);
    l.release();
    expect(() => l.release()).toThrow(/unlocked/);
    expect(await l.withLock(() => 5)).toBe(5);
    expect(l.locked()).toBe(false);
    await expect(l.acquire({ timeout: -1 })).rejects.toThrow(RangeError);
    await expect(l.acquire({ timeout: 'x' as never })).rejects.toThrow(TypeError);
    expect(() => new Lock({ memory: 'disk' as never })).toThrow(TypeError);
    const ac = new AbortController();
    await l.acquire();
    const p = l.acquire({ signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toThrow(/abort/i);
    l.release();
  });

  it('RLock is re-entrant for its owner only', async () => {
    const r = new RLock();
    expect(() => r.release()).toThrow(/does not hold/);
    await r.acquire();
    await r.acquire();
    r.release();
    expect(r.locked()).toBe(true);
    r.release();
    expect(r.locked()).toBe(false);
  });

  it('Value checks types; Semaphore/BoundedSemaphore count', async () => {
    expect(() => new Value('x' as never, 1)).toThrow(TypeError);
    expect(() => new Value('i32', 'a' as never)).toThrow(TypeError);
    expect(() => new Value('i64', 1 as never)).toThrow(TypeError);
    const big = new Value<bigint>('q', 5n);
    big.value += 1n;
    expect(big.value).toBe(6n);
    const v = new Value('d', 1.5);
    expect(v.value).toBe(1.5);
    expect(() => new Semaphore(-1)).toThrow(RangeError);
    const s = new Semaphore(2);
    expect(await s.acquire()).toBe(true);
    expect(s.acquireSync()).toBe(true);
    expect(await s.acquire({ timeout: 10 })).toBe(false);
    s.release(2);
    expect(s.value).toBe(2);
    const b = new BoundedSemaphore(1);
    expect(() => b.release()).toThrow(RangeError);
  });

  it('Event, Condition, Barrier', async () => {
    const e = new Event();
    expect(await e.wait({ timeout: 10 })).toBe(false);
    setTimeout(() => e.set(), 5);
    expect(await e.wait({ timeout: 5000 })).toBe(true);
    e.clear();
    expect(e.isSet()).toBe(false);

    const c = new Condition(new Lock());
    let ready = false;
    setTimeout(async () => {
      await c.acquire();
      ready = true;
      c.notifyAll();
      c.release();
    }, 5);
    await c.acquire();
    expect(await c.waitFor(() => ready, { timeout: 5000 })).toBe(true);
    c.release();

    const rc = new Condition(); // default: an RLock, fully released while waiting
    await rc.acquire();
    await rc.acquire();
    setTimeout(async () => {
      await rc.acquire();
      rc.notifyAll();
      rc.release();
    }, 5);
    expect(await rc.wait({ timeout: 5000 })).toBe(true);
    rc.release();
    rc.release();
    expect(rc.lock.locked()).toBe(false);
    await expect(c.wait()).rejects.toThrow(/unlocked/); // waiting without holding the lock

    expect(() => new Barrier(0)).toThrow(RangeError);
    const b = new Barrier(2);
    const idx = await Promise.all([b.wait(), b.wait()]);
    expect(idx.sort()).toEqual([0, 1]);
    await expect(b.wait({ timeout: 10 })).rejects.toThrow(BrokenBarrierError);
    expect(b.broken).toBe(true);
    b.reset();
    expect(b.broken).toBe(false);
  });
});

describe.each(BACKENDS)('across %s', (backend) => {
  it('a shared counter under a Lock: no lost updates (2 workers + main)', async () => {
    const lock = new Lock();
    const v = new Value('i32', 0);
    const ps = [0, 1].map(() => new Process({ target: lockedIncrements, args: [lock, v, 2000], backend }));
    for (const p of ps) p.start();
    for (let i = 0; i < 500; i++)
      await lock.withLock(() => {
        v.value += 1;
      });
    expect(await Promise.all(ps.map((p) => p.join()))).toEqual([0, 0]);
    expect(v.value).toBe(4500);
  });

  it('Event, Semaphore, Barrier and Condition work in pool workers', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const go = new Event();
    const sem = new Semaphore(0);
    const bar = new Barrier(3);
    const cond = new Condition();
    const hits = new Value('i32', 0);
    const done = pool.starmap(
      async (go: Event, sem: Semaphore, bar: Barrier, cond: Condition, hits: Value) => {
        await go.wait();
        sem.release();
        await bar.wait({ timeout: 20000 });
        await cond.acquire();
        hits.value = hits.value + 1;
        cond.notifyAll();
        cond.release();
        return 1;
      },
      [0, 1].map(() => [go, sem, bar, cond, hits] as [Event, Semaphore, Barrier, Condition, Value]),
    );
    go.set();
    expect(await sem.acquire({ timeout: 20000 })).toBe(true);
    expect(await sem.acquire({ timeout: 20000 })).toBe(true);
    await bar.wait({ timeout: 20000 });
    await cond.acquire();
    expect(await cond.waitFor(() => hits.value === 2, { timeout: 20000 })).toBe(true);
    cond.release();
    expect(await done).toEqual([1, 1]);
  });

  it('RLock, JoinableQueue and a float Value work in pool workers', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const rlock = new RLock();
    const total = new Value('f64', 0);
    const jobs = new JoinableQueue<number>();
    for (let i = 1; i <= 10; i++) await jobs.put(i);
    const worker = async (rlock: RLock, total: Value, jobs: JoinableQueue<number>) => {
      for (;;) {
        let x: number;
        try {
          x = jobs.getNowait();
        } catch {
          return;
        }
        rlock.acquireSync();
        rlock.acquireSync(); // re-entrant
        total.value = total.value + x / 2;
        rlock.release();
        rlock.release();
        jobs.taskDone();
      }
    };
    await pool.starmap(
      worker,
      [0, 1].map(() => [rlock, total, jobs] as [RLock, Value, JoinableQueue<number>]),
    );
    expect(await jobs.join({ timeout: 20000 })).toBe(true);
    expect(total.value).toBe(27.5);
    expect(rlock.locked()).toBe(false);
  });

  it('a worker that dies holding a Lock does not deadlock the others (owner liveness → recovered)', async () => {
    const lock = new Lock();
    const ready = new Event();
    const p = new Process({
      target: task(workers, backend === 'processes' ? 'dieHolding' : 'holdForever'),
      args: [lock, ready],
      backend,
    });
    p.start();
    expect(await ready.wait({ timeout: 20000 })).toBe(true);
    expect(lock.locked()).toBe(true);
    if (backend === 'threads')
      await p.terminate(); // a thread that ends (here: is terminated) holding it
    else expect(await p.join()).toBeLessThan(0); // killed by SIGKILL
    expect(await lock.acquire({ timeout: 20000 })).toBe(true);
    expect(lock.recovered).toBe(true);
    lock.release();
    expect(await lock.acquire({ timeout: 1000 })).toBe(true);
    expect(lock.recovered).toBe(false);
    lock.release();
  });
});
