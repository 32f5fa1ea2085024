import {
  asCompleted,
  CancelledError,
  Future,
  Pool,
  PoolClosedError,
  RemoteError,
  task,
} from '@polycore/pool';
import { describe, expect, it } from 'vitest';

const work = new URL('./fixtures/work.mjs', import.meta.url);
const cube = task<(x: number) => number>(work, 'cube');
const BACKENDS = ['threads', 'processes', 'inline'] as const;

describe.each(BACKENDS)('Pool API on %s', (backend) => {
  it('map, starmap, apply, submit with plain functions', async () => {
    await using pool = new Pool({ workers: 2, backend });
    expect(await pool.map((x: number) => x ** 3, [1, 2, 3, 4])).toEqual([1, 8, 27, 64]);
    expect(await pool.map((x: number) => x + 1, [], { chunksize: 3 })).toEqual([]);
    expect(
      await pool.starmap(
        (a: number, b: number) => a * b,
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      ),
    ).toEqual([2, 12, 30]);
    expect(await pool.apply((a: number, b: string) => `${b}${a}`, [1, 'x'])).toBe('x1');
    const f = pool.submit(async (x: number) => x * 2, [21]);
    expect(f).toBeInstanceOf(Future);
    expect(await f).toBe(42);
    expect(f.state).toBe('fulfilled');
    expect(await pool.apply(Math.max, [3, 9, 4])).toBe(9);
  });

  it('keeps order across chunks and generators', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const xs = Array.from({ length: 1000 }, (_, i) => i);
    expect(await pool.map((x: number) => x * 2, xs, { chunksize: 7 })).toEqual(xs.map((x) => x * 2));
    function* gen() {
      for (let i = 0; i < 50; i++) yield i;
    }
    expect(await pool.map((x: number) => -x, gen())).toEqual([...gen()].map((x) => -x));
    async function* agen() {
      for (let i = 0; i < 20; i++) yield i;
    }
    expect(await pool.map((x: number) => x + 1, agen())).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('runs module tasks with typed results', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const r: number[] = await pool.map(cube, [1, 2, 3]);
    expect(r).toEqual([1, 8, 27]);
    expect(
      await pool.apply(task<(x: number, ms?: number) => Promise<number>>(work, 'slowDouble'), [4, 1]),
    ).toBe(8);
    await expect(pool.apply(task(work, 'nope'), [])).rejects.toThrow(/no export named 'nope'/);
    await expect(pool.apply(task(work, 'notAFunction'), [])).rejects.toThrow(TypeError);
  });

  it('imap is ordered and lazy; imapUnordered yields everything', async () => {
    await using pool = new Pool({ workers: 2, backend });
    let pulled = 0;
    function* gen() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield i;
      }
    }
    const out: number[] = [];
    for await (const y of pool.imap((x: number) => x * 10, gen(), { chunksize: 2, maxInFlight: 2 })) {
      out.push(y);
      if (out.length === 6) break;
    }
    expect(out).toEqual([0, 10, 20, 30, 40, 50]);
    expect(pulled).toBeLessThan(40);
    const un: number[] = [];
    for await (const y of pool.imapUnordered((x: number) => x + 1, [1, 2, 3, 4, 5])) un.push(y);
    expect(un.sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('asCompleted yields futures as they finish', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const sleep = task<(x: number, ms?: number) => Promise<number>>(work, 'slowDouble');
    const fs = [pool.submit(sleep, [1, 1]), pool.submit(sleep, [2, 1]), pool.submit(sleep, [3, 1])];
    const got: number[] = [];
    for await (const f of asCompleted(fs)) got.push(f.result());
    expect(got.sort()).toEqual([2, 4, 6]);
    const again: number[] = [];
    for await (const f of pool.asCompleted(fs)) again.push(f.value as number);
    expect(again.sort()).toEqual([2, 4, 6]);
    const bad = pool.submit(() => {
      throw new Error('nope');
    }, []);
    for await (const f of asCompleted([bad])) expect(() => f.result()).toThrow('nope');
    const pending = pool.submit(sleep, [1, 50]);
    expect(() => pending.result()).toThrow(/not finished/);
    await pending;
  });

  it('asCompleted serves concurrent next() calls and yields a future listed twice once', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const sleep = task<(x: number, ms?: number) => Promise<number>>(work, 'slowDouble');
    const fs = [1, 2, 3].map((x) => pool.submit(sleep, [x, 1]));
    const it = asCompleted([...fs, fs[0]!]);
    // Four consumers waiting at once: three get a future each, the fourth learns the iterator is done.
    const got = await Promise.all([it.next(), it.next(), it.next(), it.next()]);
    expect(
      got
        .filter((r) => !r.done)
        .map((r) => r.value?.result())
        .sort(),
    ).toEqual([2, 4, 6]);
    expect(got.filter((r) => r.done)).toHaveLength(1);
    // return() releases a consumer still waiting.
    const slow = asCompleted([pool.submit(sleep, [5, 50])]);
    const waiting = slow.next();
    await slow.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
  });

  it('rejects with RemoteError carrying the worker stack and cause', async () => {
    await using pool = new Pool({ workers: 1, backend });
    const err = await pool
      .apply(
        (x: number) => {
          const e = new RangeError(`bad ${x}`, { cause: new Error('root cause') }) as RangeError & {
            code?: string;
          };
          e.code = 'E_BAD';
          throw e;
        },
        [7],
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    const re = err as RemoteError & { code?: string };
    expect(re.message).toBe('bad 7');
    expect(re.remoteName).toBe('RangeError');
    expect(re.code).toBe('E_BAD');
    expect((re.cause as Error).message).toBe('root cause');
    expect(re.stack).toContain('bad 7');
    // the pool keeps working, and map fails with the first error
    await expect(
      pool.map(
        (x: number) => {
          if (x === 3) throw new Error('three');
          return x;
        },
        [1, 2, 3, 4],
        { chunksize: 1 },
      ),
    ).rejects.toThrow('three');
    expect(await pool.apply((x: number) => x, [1])).toBe(1);
  });

  it('runs the initializer once per worker before tasks', async () => {
    await using pool = new Pool({ workers: 1, backend, initializer: task(work, 'setBase'), initargs: [100] });
    expect(await pool.map(task<(x: number) => number>(work, 'addBase'), [1, 2])).toEqual([101, 102]);
  });

  it('replaces workers after maxTasksPerChild', async () => {
    if (backend === 'inline') return;
    await using pool = new Pool({ workers: 1, backend, maxTasksPerChild: 2 });
    const ids = await pool.map(
      () => {
        const g = globalThis as { __id?: number };
        g.__id ??= Math.random();
        return `${process.pid}:${g.__id}`;
      },
      [1, 2, 3, 4, 5, 6],
      { chunksize: 1 },
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('reports progress and stats', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const seen: number[] = [];
    let last: { done: number; total: number | undefined } | undefined;
    await pool.map(
      (x: number) => x,
      Array.from({ length: 100 }, (_, i) => i),
      {
        chunksize: 10,
        onProgress: (p) => {
          seen.push(p.done);
          last = p;
        },
      },
    );
    expect(last).toMatchObject({ done: 100, total: 100 });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const s = pool.stats();
    expect(s.completed).toBe(10);
    expect(s.failed).toBe(0);
    expect(s.queued).toBe(0);
    expect(s.runTime.max).toBeGreaterThanOrEqual(s.runTime.p50);
    expect(s.utilization).toBeGreaterThanOrEqual(0);
  });

  it('closes: join after close, calls on a closed pool throw PoolClosedError', async () => {
    const pool = new Pool({ workers: 2, backend });
    const p = pool.map((x: number) => x * 2, [1, 2, 3]);
    await expect(pool.join()).rejects.toThrow(/close/);
    pool.close();
    expect(await p).toEqual([2, 4, 6]);
    await pool.join();
    expect(() => pool.apply((x: number) => x, [1])).toThrow(PoolClosedError);
    expect(() => pool.map((x: number) => x, [1])).toThrow(PoolClosedError);
    expect(() => pool.imap((x: number) => x, [1])).toThrow(PoolClosedError);
  });

  it('cancel() drops a queued future', async () => {
    await using pool = new Pool({ workers: 1, backend });
    const sleep = task<(x: number, ms?: number) => Promise<number>>(work, 'slowDouble');
    const first = pool.submit(sleep, [1, 50], { timeout: 10_000 });
    const second = pool.submit(sleep, [2, 1]);
    expect(second.cancel()).toBe(true);
    await expect(second).rejects.toBeInstanceOf(CancelledError);
    expect(second.cancelled()).toBe(true);
    expect(await first).toBe(2);
    expect(first.cancel()).toBe(false);
  });
});

describe('workers option', () => {
  it("accepts 'physical' and defaults to available parallelism", async () => {
    const p = new Pool({ workers: 'physical' });
    expect(p.workers).toBeGreaterThanOrEqual(1);
    expect(new Pool().workers).toBeGreaterThanOrEqual(1);
    await p.close();
  });
});
