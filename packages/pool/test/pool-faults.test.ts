import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool, TaskTimeoutError, WorkerCrashedError } from '@polycore/pool';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'polycore-pool-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function waitForFile(path: string): Promise<void> {
  for (let i = 0; i < 1000 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 20));
}

/** Exits its worker when x === bad, else returns x * 2. */
function exitOn(x: number, bad: number): number {
  if (x === bad) process.exit(3);
  return x * 2;
}

/** Crashes the first time (marker file absent), succeeds when run again. */
function crashOnce(marker: string): string {
  const fs = require('node:fs');
  if (!fs.existsSync(marker)) {
    fs.writeFileSync(marker, '1');
    process.exit(9);
  }
  return 'ok';
}

describe.each(['threads', 'processes'] as const)('faults on %s', (backend) => {
  it('a worker that exits fails only its task, with WorkerCrashedError; others finish', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const fs = Array.from({ length: 30 }, (_, i) => pool.submit(exitOn, [i, 7]));
    const settled = await Promise.allSettled(fs);
    for (const [i, s] of settled.entries()) {
      if (i === 7) {
        expect(s.status).toBe('rejected');
        const e = (s as PromiseRejectedResult).reason as WorkerCrashedError;
        expect(e).toBeInstanceOf(WorkerCrashedError);
        expect(e.exitCode).toBe(3);
      } else expect(s).toEqual({ status: 'fulfilled', value: i * 2 });
    }
    expect(await pool.apply((x: number) => x + 1, [1])).toBe(2);
    expect(pool.stats().replaced).toBeGreaterThanOrEqual(1);
  });

  it('map over items where one crashes rejects; retries rerun it on a new worker', async () => {
    await using pool = new Pool({ workers: 2, backend });
    await expect(
      pool.map(
        (x: number) => {
          if (x === 5) process.exit(1);
          return x;
        },
        Array.from({ length: 10 }, (_, i) => i),
        { chunksize: 1 },
      ),
    ).rejects.toBeInstanceOf(WorkerCrashedError);
    const marker = join(dir, `${backend}-once`);
    expect(await pool.apply(crashOnce, [marker], { retries: 1 })).toBe('ok');
    expect(await pool.map((x: number) => x, [1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('under repeated crashes with retries, every task resolves exactly once with its own result', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const prefix = join(dir, `${backend}-stress-`);
    const crashy = (i: number, p: string) => {
      const fs = require('node:fs');
      if (i % 23 === 5 && !fs.existsSync(p + i)) {
        fs.writeFileSync(p + i, '1');
        process.exit(2);
      }
      return i * 10;
    };
    const fs = Array.from({ length: 120 }, (_, i) => pool.submit(crashy, [i, prefix], { retries: 1 }));
    let settled = 0;
    for (const f of fs)
      void f.then(
        () => settled++,
        () => settled++,
      );
    const values = await Promise.all(fs);
    expect(values).toEqual(Array.from({ length: 120 }, (_, i) => i * 10));
    expect(settled).toBe(120);
    expect(pool.stats().replaced).toBeGreaterThanOrEqual(5);
    expect(pool.stats().completed).toBe(120);
  });

  it('a per-task timeout fails only that task; the worker is replaced', async () => {
    await using pool = new Pool({ workers: 2, backend });
    const stuck = pool.apply(
      () => {
        for (;;);
      },
      [],
      { timeout: 300 },
    );
    const others = pool.map((x: number) => x * 3, [1, 2, 3, 4], { chunksize: 1 });
    await expect(stuck).rejects.toBeInstanceOf(TaskTimeoutError);
    expect(await others).toEqual([3, 6, 9, 12]);
    expect(await pool.apply((x: number) => x, [5], { timeout: 10_000 })).toBe(5);
  });

  it('abort: queued tasks are dropped, a cooperative task stops, a stuck one has its worker replaced', async () => {
    await using pool = new Pool({ workers: 1, backend, abortGraceMs: 200 });
    const ac = new AbortController();
    const started = join(dir, `${backend}-coop`);
    const running = pool
      .apply(
        async function (this: { signal: AbortSignal }, marker: string) {
          require('node:fs').writeFileSync(marker, '1');
          await new Promise<void>((resolve) => this.signal.addEventListener('abort', () => resolve()));
          return 'stopped';
        },
        [started],
        { signal: ac.signal },
      )
      .catch((e: unknown) => e);
    const queued = pool.map((x: number) => x, [1, 2, 3], { signal: ac.signal }).catch((e: unknown) => e);
    await waitForFile(started);
    ac.abort();
    expect(await running).toMatchObject({ name: 'AbortError' });
    expect(await queued).toMatchObject({ name: 'AbortError' });
    expect(await pool.apply((x: number) => x, [1])).toBe(1);
    expect(pool.stats().replaced).toBe(0);

    const ac2 = new AbortController();
    const busy = join(dir, `${backend}-busy`);
    const stuck = pool
      .apply(
        (marker: string) => {
          require('node:fs').writeFileSync(marker, '1');
          const end = Date.now() + 60_000;
          while (Date.now() < end);
        },
        [busy],
        { signal: ac2.signal },
      )
      .catch((e: unknown) => e);
    await waitForFile(busy);
    ac2.abort();
    expect(await stuck).toMatchObject({ name: 'AbortError' });
    expect(await pool.apply((x: number) => x * 2, [21])).toBe(42);
    expect(pool.stats().replaced).toBe(1);
    const pre = AbortSignal.abort();
    await expect(pool.apply((x: number) => x, [1], { signal: pre })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('terminate() rejects pending work and never hangs', async () => {
    const pool = new Pool({ workers: 1, backend });
    const long = pool
      .apply(async () => new Promise((r) => setTimeout(r, 60_000)), [])
      .catch((e: unknown) => e);
    const queued = pool.apply((x: number) => x, [1]).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await pool.terminate();
    expect(await long).toMatchObject({ name: 'PoolClosedError' });
    expect(await queued).toMatchObject({ name: 'PoolClosedError' });
    expect(() => pool.apply((x: number) => x, [1])).toThrow(/terminated|closed/);
  });
});

describe('crashes specific to a backend', () => {
  it('processes: SIGKILL fails the task with WorkerCrashedError naming the signal', async () => {
    await using pool = new Pool({ workers: 2, backend: 'processes' });
    const others = pool.map((x: number) => x + 1, [1, 2, 3, 4, 5, 6], { chunksize: 1 });
    const killed = pool.apply(() => process.kill(process.pid, 'SIGKILL'), []);
    const e = (await killed.catch((x: unknown) => x)) as WorkerCrashedError;
    expect(e).toBeInstanceOf(WorkerCrashedError);
    expect(e.signal).toBe('SIGKILL');
    expect(await others).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('threads: running out of memory fails the task with WorkerCrashedError', async () => {
    await using pool = new Pool({
      workers: 1,
      backend: 'threads',
      resourceLimits: { maxOldGenerationSizeMb: 24 },
    });
    const oom = pool.apply(() => {
      const keep: number[][] = [];
      for (;;) keep.push(new Array(1e5).fill(1.5));
    }, []);
    const e = (await oom.catch((x: unknown) => x)) as WorkerCrashedError;
    expect(e).toBeInstanceOf(WorkerCrashedError);
    expect(e.message).toMatch(/memory/);
    expect(await pool.apply((x: number) => x, [3])).toBe(3);
  });

  it('threads: an uncaught exception thrown later by a task crashes its worker, not the pool', async () => {
    await using pool = new Pool({ workers: 1, backend: 'threads' });
    const r = pool.apply(async () => {
      setTimeout(() => {
        throw new Error('late');
      }, 1);
      await new Promise((res) => setTimeout(res, 1000));
      return 1;
    }, []);
    await expect(r).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(await pool.apply((x: number) => x, [4])).toBe(4);
  });
});

describe('process lifetime', () => {
  it.each(['threads', 'processes'] as const)(
    'a script that forgets close() still exits (%s: idle workers are unref’d)',
    async (backend) => {
      const { execFile } = await import('node:child_process');
      const code = `import { Pool } from '@polycore/pool';
      const pool = new Pool({ workers: 2, backend: '${backend}' });
      console.log(await pool.map((x) => x + 1, [1, 2, 3]));`;
      const out = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          ['--input-type=module', '-e', code],
          { cwd: new URL('..', import.meta.url).pathname, timeout: 20_000 },
          (err, stdout) => (err ? reject(err) : resolve(stdout)),
        ),
      );
      expect(out).toContain('[ 2, 3, 4 ]');
    },
  );
});
