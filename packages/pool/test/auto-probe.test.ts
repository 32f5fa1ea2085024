import { describe, expect, it } from 'vitest';
// Internal: the inline probe behind backend 'auto' (not part of the package's public API).
import { Probe } from '../dist/auto-probe.js';

/** Feeds the probe batches whose items each take `perItem(batchIndex)` ms, until it is done. */
function run(perItem: (batch: number) => number): { probe: Probe; batches: number } {
  const probe = new Probe();
  let batches = 0;
  while (!probe.done && batches < 100) probe.record(probe.size, probe.size * perItem(batches++));
  return { probe, batches };
}

describe('auto probe', () => {
  it('a slow first item (compile, cold caches) does not decide for trivial tasks', () => {
    const { probe, batches } = run((b) => (b === 0 ? 5 : 0.00005));
    expect(batches).toBeGreaterThan(2);
    expect(probe.perItemMs).toBeLessThan(0.001);
  });

  it('long tasks are timed twice, then the probe stops', () => {
    const { probe, batches } = run(() => 20);
    expect(batches).toBe(2);
    expect(probe.items).toBe(2);
    expect(probe.perItemMs).toBe(20);
  });

  it('a batch slowed by losing the CPU (wall ≫ CPU time) is timed again, not taken as the task time', () => {
    const probe = new Probe();
    probe.record(1, 5, 5); // warm-up: compile
    probe.record(2, 4.2, 0.01); // descheduled for a time slice: 4.2 ms wall, ~no CPU
    expect(probe.done).toBe(false);
    while (!probe.done) probe.record(probe.size, probe.size * 0.00005, probe.size * 0.00005);
    expect(probe.perItemMs).toBeLessThan(0.001);
  });

  it('tasks that really wait (wall ≫ CPU every time) still end the probe after a few re-timings', () => {
    const probe = new Probe();
    let batches = 0;
    while (!probe.done && batches < 100) {
      probe.record(probe.size, probe.size * 10, 0.01); // 10 ms sleeps
      batches++;
    }
    expect(probe.done).toBe(true);
    expect(batches).toBeLessThanOrEqual(6);
    expect(probe.perItemMs).toBe(10);
  });

  it('begin()/end() measure a batch', () => {
    const probe = new Probe();
    probe.begin();
    const t = performance.now();
    while (performance.now() - t < 2); // 2 ms of CPU
    probe.end(1);
    expect(probe.items).toBe(1);
  });

  it('trivial tasks stop at the item cap at the latest', () => {
    const { probe } = run(() => 0);
    expect(probe.done).toBe(true);
    expect(probe.items).toBeGreaterThanOrEqual(100_000);
  });
});
