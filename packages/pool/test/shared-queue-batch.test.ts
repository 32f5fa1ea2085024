// Async puts of one handle go through its put batcher: written in call order, those of one tick
// under one lock acquisition; pending ones time out, abort or fail on close without reordering
// the rest.
import { ClosedError, Full, Pipe, Process, Queue, task } from '@polycore/pool';
import { describe, expect, it } from 'vitest';

const drain = <T>(q: Queue<T>, n: number): T[] =>
  Array.from({ length: n }, () => q.getSync({ timeout: 5000 }));

describe('async puts of one handle', () => {
  it('made in one tick arrive in call order', async () => {
    const q = new Queue<number>();
    const puts = Array.from({ length: 5000 }, (_, i) => q.put(i));
    await Promise.all(puts);
    expect(q.qsize()).toBe(5000);
    expect(drain(q, 5000)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('wait for room in order when the queue is full', async () => {
    const q = new Queue<number>({ maxsize: 2 });
    const puts = Array.from({ length: 10 }, (_, i) => q.put(i));
    const got: number[] = [];
    for (let i = 0; i < 10; i++) got.push(await q.get({ timeout: 5000 }));
    await Promise.all(puts);
    expect(got).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('a zero timeout still puts when there is room (it fails only when full)', async () => {
    const q = new Queue<number>({ maxsize: 1 });
    await q.put(1, { timeout: 0 });
    await expect(q.put(2, { timeout: 0 })).rejects.toThrow(Full);
    expect(q.getNowait()).toBe(1);
    expect(q.empty()).toBe(true);
  });

  it('a pending put that times out is dropped and the others keep their order', async () => {
    const q = new Queue<number>({ maxsize: 1 });
    const p0 = q.put(0);
    const p1 = q.put(1);
    const p2 = q.put(2, { timeout: 30 });
    const p3 = q.put(3);
    await expect(p2).rejects.toThrow(Full);
    await p0;
    expect(await q.get({ timeout: 5000 })).toBe(0);
    expect(await q.get({ timeout: 5000 })).toBe(1);
    expect(await q.get({ timeout: 5000 })).toBe(3);
    await Promise.all([p1, p3]);
    expect(q.empty()).toBe(true);
  });

  it('an aborted pending put rejects with the reason and is never delivered', async () => {
    const q = new Queue<string>({ maxsize: 1 });
    await q.put('a');
    const ac = new AbortController();
    const pb = q.put('b', { signal: ac.signal });
    const pc = q.put('c');
    ac.abort(new Error('stop b'));
    await expect(pb).rejects.toThrow('stop b');
    expect(await q.get()).toBe('a');
    expect(await q.get({ timeout: 5000 })).toBe('c');
    await pc;
    await expect(q.put('d', { signal: ac.signal })).rejects.toThrow('stop b'); // already aborted
    expect(q.empty()).toBe(true);
  });

  it('close() rejects every pending put with ClosedError; what was written still drains', async () => {
    const q = new Queue<number>({ maxsize: 1 });
    await q.put(0);
    const pending = [q.put(1), q.put(2), q.put(3)];
    q.close();
    for (const p of pending) await expect(p).rejects.toThrow(ClosedError);
    expect(q.getNowait()).toBe(0);
    expect(() => q.getNowait()).toThrow(ClosedError);
  });

  it('Pipe.send batches the same way (order kept)', async () => {
    const [a, b] = Pipe<number>({ duplex: false });
    const sends = Array.from({ length: 1000 }, (_, i) => b.send(i));
    await Promise.all(sends);
    const got: number[] = [];
    for (let i = 0; i < 1000; i++) got.push(await a.recv({ timeout: 5000 }));
    expect(got).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});

describe('a Process that does not await its puts', () => {
  it.each(['threads', 'processes'] as const)(
    '%s: exits only once they are all in the queue',
    async (backend) => {
      const q = new Queue<number>({ maxsize: 8 }); // most of them wait for room after the task returned
      const p = new Process({
        target: (q: Queue<number>) => {
          for (let i = 0; i < 500; i++) void q.put(i);
        },
        args: [q],
        backend,
      });
      p.start();
      const got: number[] = [];
      for (let i = 0; i < 500; i++) got.push(await q.get({ timeout: 20000 }));
      expect(await p.join()).toBe(0);
      expect(got).toEqual(Array.from({ length: 500 }, (_, i) => i));
    },
  );
});

describe('batched producers across processes and threads', () => {
  it('deliver exactly once and in per-producer order through a small ring', async () => {
    const q = new Queue<number>({ capacity: 4096 }); // batches keep waiting for room
    const N = 3000;
    const producer = async (q: Queue<number>, base: number, n: number) => {
      const puts: Promise<void>[] = [];
      for (let i = 0; i < n; i++) puts.push(q.put(base + i));
      await Promise.all(puts);
    };
    const P = [0, 1].map(
      (k) => new Process({ target: producer, args: [q, k * N, N], backend: k ? 'threads' : 'processes' }),
    );
    for (const p of P) p.start();
    const got: number[] = [];
    for (let i = 0; i < 2 * N; i++) got.push(await q.get({ timeout: 30000 }));
    expect(await Promise.all(P.map((p) => p.join()))).toEqual([0, 0]);
    expect(new Set(got).size).toBe(2 * N);
    for (const k of [0, 1]) {
      const mine = got.filter((x) => Math.floor(x / N) === k);
      expect(mine).toEqual(Array.from({ length: N }, (_, i) => k * N + i));
    }
    expect(q.empty()).toBe(true);
  });
});

describe('randomized producers (sync, async, timeouts, aborts) against racing consumers', () => {
  it('deliver exactly the puts that succeeded, once each', async () => {
    const q = new Queue<number>({ capacity: 2048 }); // tiny ring: puts keep waiting and timing out
    const report = new Queue<number[]>();
    const N = 4000;
    const url = new URL('./fixtures/shared/workers.mjs', import.meta.url);
    const P = [0, 1, 2].map(
      (k) =>
        new Process({
          target: task(url, 'chaosProducer'),
          args: [q, report, k * N, N, 12345 + k],
          backend: k === 1 ? 'threads' : 'processes',
        }),
    );
    for (const p of P) p.start();
    const got: number[] = [];
    const consume = async (useSync: boolean) => {
      for (;;) {
        try {
          got.push(useSync ? q.getSync({ timeout: 1 }) : await q.get({ timeout: 50 }));
        } catch {
          if (P.every((p) => p.exitCode !== null) && q.empty()) return;
          await new Promise((r) => setTimeout(r, 0));
        }
      }
    };
    await Promise.all([consume(false), consume(true), consume(false)]);
    expect(await Promise.all(P.map((p) => p.join()))).toEqual([0, 0, 0]);
    const ok: number[] = [];
    for (let i = 0; i < 3; i++) ok.push(...(await report.get({ timeout: 5000 })));
    while (!q.empty()) got.push(q.getNowait());
    expect(new Set(got).size).toBe(got.length); // nothing twice
    expect([...got].sort((a, b) => a - b)).toEqual([...ok].sort((a, b) => a - b)); // exactly the successful ones
    expect(ok.length).toBeGreaterThan(N); // most puts succeeded
    expect(ok.length).toBeLessThan(3 * N); // some timed out or were aborted
  });
});
