import { Pool, QueueFullError, task } from '@polycore/pool';
import { describe, expect, it } from 'vitest';

describe('bad input is refused at the call', () => {
  const pool = new Pool({ workers: 1, backend: 'inline' });

  it('checks workers, backend and other pool options', () => {
    expect(() => new Pool({ workers: 0 })).toThrow(RangeError);
    expect(() => new Pool({ workers: Number.NaN })).toThrow(/workers/);
    expect(() => new Pool({ workers: 1.5 })).toThrow(RangeError);
    // @ts-expect-error bad backend
    expect(() => new Pool({ backend: 'gpu' })).toThrow(TypeError);
    expect(() => new Pool({ maxQueue: 0 })).toThrow(/maxQueue/);
    expect(() => new Pool({ maxTasksPerChild: -1 })).toThrow(/maxTasksPerChild/);
    expect(() => new Pool({ initializer: (x: number) => x, initargs: 'x' as unknown as unknown[] })).toThrow(
      /initargs/,
    );
  });

  it('checks the function', () => {
    // @ts-expect-error not a function
    expect(() => pool.apply(42, [])).toThrow(/fn must be a function/);
    // @ts-expect-error not a function
    expect(() => pool.map('nope', [1])).toThrow(TypeError);
    expect(() => pool.apply(class A {} as unknown as () => void, [])).toThrow(/class/);
    expect(() => pool.apply(((x: number) => x).bind(null), [1])).toThrow(/bound or native/);
    expect(() => task(42 as unknown as string, 'x')).toThrow(TypeError);
    expect(() => task(new URL('file:///x.js'), '')).toThrow(/exportName/);
  });

  it('names a free variable of the enclosing scope', () => {
    const k = 3;
    expect(() => pool.map((x: number) => x * k, [1])).toThrow(/refers to 'k'/);
    expect(() =>
      pool.apply(
        function scale(x: number) {
          return x * k;
        },
        [1],
      ),
    ).toThrow(/scale.*'k'/);
  });

  it('checks the iterable, chunksize and options', () => {
    // @ts-expect-error not iterable
    expect(() => pool.map((x: number) => x, 5)).toThrow(/iterable/);
    // @ts-expect-error not iterable
    expect(() => pool.imap((x: number) => x, null)).toThrow(/iterable/);
    expect(() => pool.map((x: number) => x, [1], { chunksize: 0 })).toThrow(RangeError);
    expect(() => pool.map((x: number) => x, [1], { chunksize: -2 })).toThrow(/chunksize/);
    expect(() => pool.apply((x: number) => x, [1], { timeout: -1 })).toThrow(/timeout/);
    expect(() => pool.apply((x: number) => x, [1], { retries: 1.5 })).toThrow(/retries/);
    // @ts-expect-error args must be an array
    expect(() => pool.apply((x: number) => x, 1)).toThrow(/args must be an array/);
  });

  it('refuses functions and symbols in arguments, naming where', () => {
    expect(() => pool.apply((o: unknown) => o, [{ a: [1, () => 2] }])).toThrow(
      /args\[0\]\.a\[1\] is a function/,
    );
    expect(() => pool.apply((o: unknown) => o, [Symbol('s')])).toThrow(/args\[0\] is a symbol/);
  });

  it('rejects a map whose items cannot be sent, naming the item', async () => {
    await expect(pool.map((o: unknown) => o, [1, 2, () => 3])).rejects.toThrow(/iterable\[2\] is a function/);
    await expect(pool.starmap((a: number) => a, [[1], 2 as unknown as [number]])).rejects.toThrow(
      /iterable\[1\]/,
    );
  });

  it.each(['threads', 'processes'] as const)(
    'maxQueue on %s: submit throws QueueFullError when full, map waits for room',
    async (backend) => {
      const p = new Pool({ workers: 1, backend, maxQueue: 2 });
      const slow = async (ms: number) => {
        await new Promise((r) => setTimeout(r, ms));
        return ms;
      };
      const a = p.submit(slow, [40]);
      const b = p.submit(slow, [1]);
      expect(() => p.submit(slow, [1])).toThrow(QueueFullError);
      expect(p.stats().queued).toBe(2);
      expect(await Promise.all([a, b])).toEqual([40, 1]);
      let maxQueued = 0;
      const out = await p.map(
        (x: number) => x + 1,
        Array.from({ length: 50 }, (_, i) => i),
        {
          chunksize: 1,
          maxInFlight: 50,
          onProgress: () => {
            maxQueued = Math.max(maxQueued, p.stats().queued);
          },
        },
      );
      expect(out).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(maxQueued).toBeLessThanOrEqual(2);
      await p.close();
    },
  );
});

describe('failures outside tasks', () => {
  it('a worker that cannot start fails the queued tasks instead of hanging', async () => {
    const pool = new Pool({ workers: 1, backend: 'threads', execArgv: ['--no-such-flag'] });
    await expect(pool.apply((x: number) => x, [1])).rejects.toThrow(/execArgv|flag/i);
    await pool.terminate();
  });

  it('imap rethrows a task error at its position', async () => {
    await using pool = new Pool({ workers: 2, backend: 'threads' });
    const seen: number[] = [];
    const run = async () => {
      for await (const y of pool.imap(
        (x: number) => {
          if (x === 3) throw new Error('three');
          return x;
        },
        [0, 1, 2, 3, 4, 5],
        { chunksize: 1 },
      ))
        seen.push(y);
    };
    await expect(run()).rejects.toThrow('three');
    expect(seen).toEqual([0, 1, 2].slice(0, seen.length));
  });

  it('a result that cannot be sent back fails its task with a clear error', async () => {
    await using pool = new Pool({ workers: 1, backend: 'threads' });
    await expect(pool.apply(() => () => 1, [])).rejects.toThrow(/result is a function/);
    expect(await pool.apply((x: number) => x, [2])).toBe(2);
  });

  it('an initializer that throws fails the tasks with its error', async () => {
    await using pool = new Pool({
      workers: 1,
      backend: 'threads',
      initializer: () => {
        throw new Error('no init');
      },
    });
    await expect(pool.apply((x: number) => x, [1])).rejects.toThrow(/initializer failed: no init/);
  });

  it('imap stops with AbortError when its signal aborts', async () => {
    await using pool = new Pool({ workers: 2, backend: 'threads' });
    const ac = new AbortController();
    const seen: number[] = [];
    const run = async () => {
      for await (const y of pool.imap(
        (x: number) => x,
        Array.from({ length: 100 }, (_, i) => i),
        { chunksize: 1, signal: ac.signal },
      )) {
        seen.push(y as number);
        if (seen.length === 3) ac.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBeLessThan(100);
    expect(await pool.apply((x: number) => x, [9])).toBe(9);
  });
});
