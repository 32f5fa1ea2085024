import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { delayed, Memory, Parallel, ParallelError, Pool, TaskTimeoutError, task } from '@polycore/pool';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'polycore-joblib-parallel-'));
const TASKS = new URL('./fixtures/joblib/tasks.mjs', import.meta.url);
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await new Parallel({ nJobs: 2 }).close();
  await new Parallel({ nJobs: 2, backend: 'processes' }).close();
});

const sleep = async (x: number, ms: number): Promise<number> => {
  await new Promise((r) => setTimeout(r, ms));
  return x;
};
const spin = (ms: number): number => {
  const end = Date.now() + ms;
  while (Date.now() < end);
  return ms;
};

describe('Parallel', () => {
  it('returns results in input order, whatever order tasks finish in', async () => {
    const ms = [40, 5, 30, 0, 20, 10, 0, 15];
    const out = await new Parallel({ nJobs: 2 })(ms.map((m, i) => delayed(sleep)(i, m)));
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('runs many tiny tasks with auto batching, in order', async () => {
    const n = 20_000;
    const out = await new Parallel({ nJobs: 2 })(
      Array.from({ length: n }, (_, i) => delayed((x: number) => x * x)(i)),
    );
    expect(out).toHaveLength(n);
    expect(out[n - 1]).toBe((n - 1) ** 2);
    expect(out.every((v, i) => v === i * i)).toBe(true);
  });

  it('builds a Map or an object from [key, value] results (the dict(Parallel(...)) idiom)', async () => {
    const keys = ['a', 'bb', 'ccc'];
    const pairs = await new Parallel({ nJobs: 2 })(
      keys.map((k) => delayed((s: string): [string, number] => [s, s.length])(k)),
    );
    expect(new Map(pairs)).toEqual(
      new Map([
        ['a', 1],
        ['bb', 2],
        ['ccc', 3],
      ]),
    );
    expect(Object.fromEntries(pairs)).toEqual({ a: 1, bb: 2, ccc: 3 });
  });

  it('mixes functions, several arguments and module tasks in one call', async () => {
    const add = (a: number, b: number) => a + b;
    const double = task<(x: number) => number>(TASKS, 'double');
    const out = await new Parallel({ nJobs: 2, batchSize: 2 })([
      delayed(add)(1, 2),
      delayed(double)(5),
      delayed(Math.max)(3, 9, 4),
      delayed(add)(10, 20),
    ]);
    expect(out).toEqual([3, 10, 9, 30]);
  });

  it('runs on child processes too', async () => {
    const out = await new Parallel({ nJobs: 2, prefer: 'processes' })(
      [1, 2, 3].map((x) => delayed((v: number) => v * 10)(x)),
    );
    expect(out).toEqual([10, 20, 30]);
  });

  it('accepts async iterables of tasks', async () => {
    async function* tasks() {
      for (let i = 0; i < 5; i++) yield delayed((x: number) => x + 1)(i);
    }
    expect(await new Parallel({ nJobs: 2 })(tasks())).toEqual([1, 2, 3, 4, 5]);
  });

  describe('nJobs', () => {
    it('resolves -1 to all cores, -2 to all but one, and never below 1', () => {
      const cores = availableParallelism();
      expect(new Parallel({ nJobs: -1 }).nJobs).toBe(cores);
      expect(new Parallel({ nJobs: -2 }).nJobs).toBe(Math.max(1, cores - 1));
      expect(new Parallel({ nJobs: -1000 }).nJobs).toBe(1);
      expect(new Parallel({ nJobs: 3 }).nJobs).toBe(3);
      expect(new Parallel().nJobs).toBe(cores);
    });

    it('nJobs 1 runs in this thread, one task at a time, in order (closures work)', async () => {
      const log: string[] = [];
      const step = async (i: number) => {
        log.push(`start ${i}`);
        await new Promise((r) => setTimeout(r, 5 - i));
        log.push(`end ${i}`);
        return i;
      };
      const out = await new Parallel({ nJobs: 1 })([0, 1, 2].map((i) => delayed(step)(i)));
      expect(out).toEqual([0, 1, 2]);
      expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    });

    it('rejects 0 and non-integers', () => {
      expect(() => new Parallel({ nJobs: 0 })).toThrow(RangeError);
      expect(() => new Parallel({ nJobs: 1.5 })).toThrow(TypeError);
      expect(() => new Parallel({ nJobs: '2' as never })).toThrow(TypeError);
    });
  });

  describe('lazy consumption', () => {
    function counted(n: number, state: { pulled: number; closed: boolean }) {
      return (function* () {
        try {
          for (let i = 0; i < n; i++) {
            state.pulled++;
            yield delayed(sleep)(i, 5);
          }
        } finally {
          state.closed = true;
        }
      })();
    }

    it('pulls at most preDispatch batches ahead of a slow consumer', async () => {
      const state = { pulled: 0, closed: false };
      const results = new Parallel({ nJobs: 2, preDispatch: 2, batchSize: 1, returnAs: 'generator' })(
        counted(1000, state),
      );
      const first = await results.next();
      expect(first.value).toBe(0);
      await new Promise((r) => setTimeout(r, 100));
      // 2 batches in flight plus at most 2 finished results waiting for the consumer.
      expect(state.pulled).toBeLessThanOrEqual(6);
      await results.return(undefined);
      expect(state.closed).toBe(true);
    });

    it("preDispatch: 'all' reads the whole iterable at once", async () => {
      const state = { pulled: 0, closed: false };
      const results = new Parallel({ nJobs: 2, preDispatch: 'all', batchSize: 1, returnAs: 'generator' })(
        counted(50, state),
      );
      await results.next();
      expect(state.pulled).toBe(50);
      await results.return(undefined);
    });

    it('nJobs 1 pulls one task at a time', async () => {
      const state = { pulled: 0, closed: false };
      const it = new Parallel({ nJobs: 1, returnAs: 'generator' })(counted(1000, state));
      for await (const v of it) {
        expect(state.pulled).toBeLessThanOrEqual(v + 2);
        if (v === 3) break;
      }
      expect(state.closed).toBe(true);
    });

    it("'array' mode also stops pulling when a task fails", async () => {
      const state = { pulled: 0, closed: false };
      const gen = (function* () {
        try {
          for (let i = 0; i < 1e6; i++) {
            state.pulled++;
            yield delayed((x: number) => {
              if (x === 3) throw new Error('three');
              return x;
            })(i);
          }
        } finally {
          state.closed = true;
        }
      })();
      await expect(new Parallel({ nJobs: 2, batchSize: 1 })(gen)).rejects.toThrow(ParallelError);
      expect(state.pulled).toBeLessThan(100);
      expect(state.closed).toBe(true);
    });
  });

  describe('returnAs', () => {
    const ms = [60, 0, 30];
    const tasks = () => ms.map((m, i) => delayed(sleep)(i, m));

    it("'array' resolves to all results in input order", async () => {
      expect(await new Parallel({ nJobs: 3, returnAs: 'array' })(tasks())).toEqual([0, 1, 2]);
    });

    it("'generator' yields in input order", async () => {
      const seen: number[] = [];
      for await (const v of new Parallel({ nJobs: 3, returnAs: 'generator', batchSize: 1 })(tasks()))
        seen.push(v);
      expect(seen).toEqual([0, 1, 2]);
    });

    it("'unordered' yields in completion order", async () => {
      const seen: number[] = [];
      for await (const v of new Parallel({ nJobs: 3, returnAs: 'unordered', batchSize: 1 })(tasks()))
        seen.push(v);
      expect([...seen].sort()).toEqual([0, 1, 2]);
      expect(seen.at(-1)).toBe(0); // the 60 ms task ends last
    });
  });

  describe('errors and timeout', () => {
    it('a failing task rejects with ParallelError carrying the finished results', async () => {
      const f = (x: number) => {
        if (x === 2) throw new RangeError(`bad ${x}`);
        return x;
      };
      const err = await new Parallel({ nJobs: 2, batchSize: 1 })([0, 1, 2].map((x) => delayed(f)(x))).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ParallelError);
      const pe = err as ParallelError<number>;
      expect(pe.failures.map((x) => x.index)).toEqual([2]);
      expect((pe.cause as Error).message).toBe('bad 2');
      expect(pe.message).toMatch(/tasks\[2\]: bad 2/);
      expect(pe.results.slice(0, 2)).toEqual([0, 1]);
    });

    it('timeout fails only the overrunning task; results that finished are kept', async () => {
      const err = await new Parallel({ nJobs: 2, timeout: 300, batchSize: 1 })(
        [20, 5000, 30, 10].map((m) => delayed(spin)(m)),
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ParallelError);
      const pe = err as ParallelError<number>;
      expect(pe.failures).toHaveLength(1);
      expect(pe.failures[0]?.index).toBe(1);
      expect(pe.failures[0]?.error).toBeInstanceOf(TaskTimeoutError);
      expect((pe.failures[0]!.error as Error).message).toMatch(/tasks\[1\] \(spin\) timed out after 300 ms/);
      expect(pe.results).toEqual([20, undefined, 30, 10]);
      expect(pe.finished).toEqual([true, false, true, true]);
    });

    it("onError: 'settle' returns per-task outcomes, even when a batch had to be split", async () => {
      const out = await new Parallel({ nJobs: 2, timeout: 300, batchSize: 2, onError: 'settle' })(
        [10, 5000, 20, 30].map((m) => delayed(spin)(m)),
      );
      expect(out.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(out[0]).toEqual({ status: 'fulfilled', value: 10 });
      expect((out[1] as { reason: unknown }).reason).toBeInstanceOf(TaskTimeoutError);
    });

    it('a hung task inside a large auto batch is caught after about one timeout, not batch size × timeout', async () => {
      const n = 2000;
      const tasks = Array.from({ length: n }, (_, i) => delayed(spin)(i === 1500 ? 60_000 : 0));
      const out = await new Parallel({ nJobs: 2, timeout: 1000, onError: 'settle' })(tasks);
      expect(out.filter((o) => o.status === 'fulfilled')).toHaveLength(n - 1);
      expect(out[1500]?.status).toBe('rejected');
    });

    it('timeout with nJobs 1 stops waiting for an async task', async () => {
      const out = await new Parallel({ nJobs: 1, timeout: 100, onError: 'settle' })([
        delayed(sleep)(1, 1000),
        delayed(sleep)(2, 0),
      ]);
      expect(out[0]?.status).toBe('rejected');
      expect(out[1]).toEqual({ status: 'fulfilled', value: 2 });
    });

    it('streaming modes throw a ParallelError at the failing task', async () => {
      const seen: number[] = [];
      const run = async () => {
        for await (const v of new Parallel({ nJobs: 1, returnAs: 'generator' })(
          [0, 1, 2].map((x) =>
            delayed((y: number) => {
              if (y === 1) throw new Error('one');
              return y;
            })(x),
          ),
        ))
          seen.push(v);
      };
      await expect(run()).rejects.toThrow(/tasks\[1\]: one/);
      expect(seen).toEqual([0]);
    });
  });

  describe('bad input', () => {
    it('rejects unknown options and bad values', () => {
      expect(() => new Parallel({ n_jobs: 2 } as never)).toThrow(
        /unknown option 'n_jobs' \(did you mean 'nJobs'\?\)/,
      );
      expect(() => new Parallel({ returnAs: 'list' as never })).toThrow(/returnAs/);
      expect(() => new Parallel({ batchSize: 0 })).toThrow(RangeError);
      expect(() => new Parallel({ preDispatch: 'lots' })).toThrow(/preDispatch/);
      expect(() => new Parallel({ timeout: -1 })).toThrow(RangeError);
      expect(() => new Parallel({ backend: 'gpu' as never })).toThrow(/backend/);
      // @ts-expect-error: a class constructor needs new
      expect(() => Parallel({})).toThrow(TypeError);
    });

    it('rejects non-iterable tasks and items that are not delayed calls', async () => {
      const parallel = new Parallel({ nJobs: 2 });
      expect(() => parallel(42 as never)).toThrow(/tasks must be an iterable/);
      expect(() => parallel(null as never)).toThrow(TypeError);
      expect(() => parallel(delayed(Math.abs)(1) as never)).toThrow(/wrap it in an array/);
      await expect(parallel([delayed(Math.abs)(1), 5] as never)).rejects.toThrow(
        /tasks\[1\] must be a delayed\(fn\)\(\.\.\.args\) call \(got number\)/,
      );
      await expect(parallel([Promise.resolve(1)] as never)).rejects.toThrow(/not fn\(x\)/);
      let closed = false;
      const gen = (function* () {
        try {
          yield delayed(Math.abs)(-1);
          yield 'oops';
          yield delayed(Math.abs)(-2);
        } finally {
          closed = true;
        }
      })();
      await expect(parallel(gen as never)).rejects.toThrow(/tasks\[1\] must be a delayed/);
      expect(closed).toBe(true);
      expect(() => delayed(42 as never)).toThrow(/delayed\(fn\): fn must be a function/);
    });

    it('names a task function that is not self-contained', async () => {
      const k = 3;
      await expect(new Parallel({ nJobs: 2 })([delayed((x: number) => x * k)(1)])).rejects.toThrow(
        /refers to 'k'/,
      );
    });
  });

  it('verbose prints joblib-style lines (stderr); onProgress sees every task', async () => {
    const write = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: number[] = [];
    let lines: string[];
    try {
      await new Parallel({ nJobs: 2, verbose: 5, onProgress: (p) => seen.push(p.done) })(
        Array.from({ length: 10 }, (_, i) => delayed((x: number) => x)(i)),
      );
      lines = write.mock.calls.map((c) => String(c[0]));
    } finally {
      write.mockRestore();
    }
    expect(lines[0]).toMatch(/^\[Parallel\(nJobs=2\)\]: Using backend threads with 2 concurrent workers\./);
    expect(lines.at(-1)).toMatch(/Done {2}10 out of {2}10 \| elapsed: .* finished/);
    expect(seen.at(-1)).toBe(10);
  });

  it('progress draws a bar on the given stream', async () => {
    let drawn = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        drawn += String(chunk);
        done();
      },
    });
    await new Parallel({ nJobs: 2, progress: { force: true, stream, label: 'squares' } })(
      Array.from({ length: 10 }, (_, i) => delayed((x: number) => x * x)(i)),
    );
    expect(drawn).toMatch(/squares: 100%\|.*\| 10\/10/);
  });

  it('reuses a Pool passed as backend and leaves it open', async () => {
    const pool = new Pool({ workers: 2 });
    const out = await new Parallel({ backend: pool })([delayed((x: number) => x + 1)(1)]);
    expect(out).toEqual([2]);
    expect(await pool.apply((x: number) => x * 3, [2])).toBe(6);
    await pool.terminate();
  });
});

describe('cached functions in workers', () => {
  it('work inside Parallel and Pool.map on threads and processes, sharing one cache', async () => {
    const dir = join(root, 'cache');
    const memory = new Memory(dir);
    const cube = memory.cache(function cube(x: number) {
      return x ** 3;
    });
    expect(await new Parallel({ nJobs: 2 })([1, 2].map((x) => delayed(cube)(x)))).toEqual([1, 8]);
    expect(await new Parallel({ nJobs: 2, backend: 'processes' })([3].map((x) => delayed(cube)(x)))).toEqual([
      27,
    ]);
    for (const backend of ['threads', 'processes'] as const) {
      const pool = new Pool({ workers: 2, backend });
      expect(await pool.map(cube, [4, 5])).toEqual([64, 125]);
      await pool.terminate();
    }
    for (const x of [1, 2, 3, 4, 5]) expect(await cube.checkCallInCache(x)).toBe(true);
    expect(await new Parallel({ nJobs: 1 })([5].map((x) => delayed(cube)(x)))).toEqual([125]);
  });

  it('travel as task arguments and results (the codec rebuilds them on the other side)', async () => {
    const memory = new Memory(join(root, 'cache3'));
    const square = memory.cache(function square(x: number) {
      return x * x;
    });
    for (const backend of ['threads', 'processes'] as const) {
      const pool = new Pool({ workers: 1, backend });
      const call = async (f: (x: number) => Promise<number>, x: number) => f(x);
      expect(await pool.apply(call, [square, 3])).toBe(9);
      const back = await pool.apply((f: typeof square) => f, [square]);
      expect(await back.checkCallInCache(3)).toBe(true);
      await pool.terminate();
    }
  });

  it('a cached function whose inner function is not self-contained is named clearly', async () => {
    const k = 2;
    const scaled = new Memory(join(root, 'cache2')).cache((x: number) => x * k);
    await expect(new Parallel({ nJobs: 2 })([delayed(scaled)(1)])).rejects.toThrow(
      /cached by memory\.cache.*refers to 'k'/,
    );
  });
});
