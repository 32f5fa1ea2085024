import { setCalibration } from '@polycore/dispatch';
import { Pool } from '@polycore/pool';
import { describe, expect, it } from 'vitest';
// Internal: the decision rule behind backend 'auto' (not part of the package's public API).
import { chooseBackend } from '../dist/auto.js';
import { autoTestSetup, TEST_CALIBRATION, where } from './auto-setup.js';

const { lines } = autoTestSetup();
const decision = (): string => lines().find((l) => l.includes('auto:')) ?? '';
/** Inline by the model, or every item already ran while the probe timed them (fast machine). */
const INLINE = /→ inline|every task ran while timing/;

describe("Pool backend: 'auto' (cost model of @polycore/dispatch)", () => {
  it('keeps trivial tasks inline: 1e5 items, correct and ordered, no worker started', async () => {
    await using pool = new Pool({ workers: 2, backend: 'auto', verbose: 1 });
    const xs = Array.from({ length: 100_000 }, (_, i) => i);
    const out = await pool.map((x: number) => x * 2 + 1, xs);
    expect(out).toEqual(xs.map((x) => x * 2 + 1));
    expect(decision()).toMatch(INLINE);
    expect(pool.stats().workers).toBe(0);
  });

  it('keeps trivial starmap and iterator input inline too', async () => {
    await using pool = new Pool({ workers: 2, backend: 'auto' });
    const pairs = Array.from({ length: 50_000 }, (_, i) => [i, 3] as [number, number]);
    expect(await pool.starmap((a: number, b: number) => a * b, pairs)).toEqual(pairs.map(([a, b]) => a * b));
    function* gen() {
      for (let i = 0; i < 30_000; i++) yield i;
    }
    expect(await pool.map((x: number) => -x, gen())).toEqual(Array.from({ length: 30_000 }, (_, i) => -i));
    expect(pool.stats().workers).toBe(0);
  });

  it('sends 20 ms tasks to threads, results in order', async () => {
    await using pool = new Pool({ workers: 2, backend: 'auto', verbose: 1 });
    const out = await pool.starmap(
      where,
      Array.from({ length: 12 }, (_, i) => [i, 20] as [number, number]),
    );
    expect(out.map((r) => r[0])).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(out.every((r) => r[1] === process.pid)).toBe(true);
    expect(out.at(-1)?.[2]).toBe(false); // the last items ran on a worker thread
    expect(decision()).toMatch(/→ threads with chunks of \d+ on 2 worker\(s\).*expected speedup \d\.\d\d×/);
  });

  it('sends thread-unsafe 20 ms tasks to processes', async () => {
    await using pool = new Pool({ workers: 2, backend: 'auto', threadUnsafe: true, verbose: 1 });
    const out = await pool.starmap(
      where,
      Array.from({ length: 24 }, (_, i) => [i, 20] as [number, number]),
    );
    expect(out.map((r) => r[0])).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(out.at(-1)?.[1]).not.toBe(process.pid);
    expect(decision()).toMatch(/→ processes .*thread-unsafe/);
  });

  it('keeps thread-unsafe trivial tasks inline (never on threads)', async () => {
    await using pool = new Pool({ workers: 2, backend: 'auto', threadUnsafe: true, verbose: 1 });
    const xs = Array.from({ length: 20_000 }, (_, i) => i);
    expect(await pool.map((x: number) => x + 1, xs)).toEqual(xs.map((x) => x + 1));
    expect(decision()).toMatch(INLINE);
    expect(pool.stats().workers).toBe(0);
  });

  it('runs every task of a needsIsolation pool on processes (nothing inline)', async () => {
    await using pool = new Pool({ workers: 2, backend: 'auto', needsIsolation: true, verbose: 1 });
    const out = await pool.starmap(
      where,
      Array.from({ length: 6 }, (_, i) => [i, 0] as [number, number]),
    );
    expect(out.map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(out.every((r) => r[1] !== process.pid)).toBe(true);
    expect(decision()).toMatch(/isolation requested/);
  });

  it('prints nothing without verbose', async () => {
    await using pool = new Pool({ workers: 2, backend: 'auto' });
    await pool.map((x: number) => x, [1, 2, 3]);
    expect(lines()).toEqual([]);
  });

  it('checks the options', () => {
    expect(() => new Pool({ backend: 'threads', threadUnsafe: true })).toThrow(TypeError);
    expect(() => new Pool({ backend: 'inline', needsIsolation: true })).toThrow(/needsIsolation/);
    expect(() => new Pool({ backend: 'auto', needsIsolation: 'yes' as unknown as boolean })).toThrow(
      TypeError,
    );
    expect(() => new Pool({ backend: 'auto', verbose: -1 })).toThrow(RangeError);
    expect(new Pool({ backend: 'processes', needsIsolation: true, workers: 1 }).backend).toBe('processes');
  });

  it('chooseBackend decides from the model: inline, threads, processes', () => {
    const base = { workers: 2, warm: false } as const;
    expect(chooseBackend({ ...base, perItemMs: 0.00003, remaining: 1e6 }).backend).toBe('inline');
    expect(chooseBackend({ ...base, perItemMs: 20, remaining: 64 }).backend).toBe('threads');
    expect(chooseBackend({ ...base, perItemMs: 20, remaining: 64, threadUnsafe: true }).backend).toBe(
      'processes',
    );
    expect(chooseBackend({ ...base, perItemMs: 0, remaining: 64, needsIsolation: true }).backend).toBe(
      'processes',
    );
    expect(chooseBackend({ ...base, perItemMs: 20, remaining: 64, workers: 1 }).backend).toBe('inline');
  });

  it('decides from the installed calibration', () => {
    const slowStart = { ...TEST_CALIBRATION.tasks, threadStartMs: 1e6, processStartMs: 1e6 };
    setCalibration({ ...TEST_CALIBRATION, tasks: slowStart });
    try {
      expect(chooseBackend({ perItemMs: 20, remaining: 64, workers: 2, warm: false }).backend).toBe('inline');
      expect(chooseBackend({ perItemMs: 20, remaining: 64, workers: 2, warm: true }).backend).toBe('threads');
    } finally {
      setCalibration(TEST_CALIBRATION);
    }
  });
});
