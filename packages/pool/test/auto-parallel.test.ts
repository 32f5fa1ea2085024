import { delayed, Parallel, ParallelError } from '@polycore/pool';
import { afterAll, describe, expect, it } from 'vitest';
import { autoTestSetup, where } from './auto-setup.js';

const { lines } = autoTestSetup();
const decision = (): string => lines().find((l) => l.includes('auto:')) ?? '';
const opened: Parallel[] = [];
const auto = (o: ConstructorParameters<typeof Parallel>[0] = {}): Parallel => {
  const p = new Parallel({ nJobs: 2, backend: 'auto', ...o });
  opened.push(p);
  return p;
};
afterAll(async () => {
  for (const p of opened) await p.close();
});

const spinTasks = (n: number, ms: number) => Array.from({ length: n }, (_, i) => delayed(where)(i, ms));

describe("Parallel backend: 'auto'", () => {
  it('keeps trivial tasks inline, in order', async () => {
    const inc = (x: number) => x + 1;
    const out = await auto({ verbose: 1 })(Array.from({ length: 30_000 }, (_, i) => delayed(inc)(i)));
    expect(out).toEqual(Array.from({ length: 30_000 }, (_, i) => i + 1));
    expect(decision()).toMatch(/→ inline|every task ran while timing/);
    expect(lines().some((l) => l.includes('Using backend inline with 1 concurrent worker.'))).toBe(true);
  });

  it('sends 20 ms tasks to threads and prints the expected speedup', async () => {
    const out = await auto({ verbose: 1 })(spinTasks(12, 20));
    expect(out.map((r) => r[0])).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(out[0]?.[2]).toBe(true); // the probe ran here
    expect(out.at(-1)?.[2]).toBe(false); // the rest on worker threads
    expect(decision()).toMatch(
      /^\[Parallel\(nJobs=2\)\]: auto: .* per task .*→ threads .*expected speedup \d\.\d\d×/,
    );
    expect(lines().some((l) => l.includes('Using backend threads with 2 concurrent workers.'))).toBe(true);
  });

  it('sends thread-unsafe 20 ms tasks to processes', async () => {
    const out = await auto({ threadUnsafe: true, verbose: 1 })(spinTasks(24, 20));
    expect(out.map((r) => r[0])).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(out.at(-1)?.[1]).not.toBe(process.pid);
    expect(decision()).toMatch(/→ processes/);
  });

  it('runs every task of needsIsolation on processes (nothing inline)', async () => {
    const out = await auto({ needsIsolation: true, verbose: 1 })(spinTasks(6, 0));
    expect(out.map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(out.every((r) => r[1] !== process.pid)).toBe(true);
    expect(decision()).toMatch(/isolation requested/);
  });

  it('streams in order from a generator, the probe results first', async () => {
    function* tasks() {
      for (let i = 0; i < 10; i++) yield delayed(where)(i, i < 2 ? 20 : 5);
    }
    const seen: number[] = [];
    for await (const r of auto({ returnAs: 'generator' })(tasks())) seen.push(r[0]);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('fails like the other backends: a task error, a not-delayed item, a closure', async () => {
    const boom = (x: number) => {
      if (x === 1) throw new Error('boom 1');
      return x;
    };
    const err = await auto()([0, 1, 2].map((x) => delayed(boom)(x))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParallelError);
    expect((err as ParallelError).failures[0]?.index).toBe(1);
    await expect(auto()([delayed(boom)(0), 5 as never])).rejects.toThrow(/tasks\[1\] must be a delayed/);
    const k = 3;
    await expect(auto()([delayed((x: number) => x + k)(1)])).rejects.toThrow(TypeError);
    const settled = await auto({ onError: 'settle' })([0, 1, 2].map((x) => delayed(boom)(x)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('checks the options', () => {
    expect(() => new Parallel({ backend: 'threads', threadUnsafe: true })).toThrow(/threadUnsafe/);
    expect(() => new Parallel({ needsIsolation: true })).toThrow(/needsIsolation/);
    expect(() => new Parallel({ backend: 'auto', needsIsolation: 1 as unknown as boolean })).toThrow(
      TypeError,
    );
    expect(new Parallel({ backend: 'auto', nJobs: 1, needsIsolation: true }).nJobs).toBe(1);
  });
});
