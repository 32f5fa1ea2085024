/** Shared by the auto-*.test.ts files: a made-up calibration (so routing never depends on this machine) and a stderr capture. */
import { type Calibration, defaultCalibration, setCalibration } from '@polycore/dispatch';
import { afterEach, beforeAll, beforeEach, type MockInstance, vi } from 'vitest';

/** 2 physical cores, no hyperthreads; thread and process start-up at their built-in costs. */
export const TEST_CALIBRATION: Calibration = {
  ...defaultCalibration(),
  cores: { physical: 2, logical: 2, hyperthreadGain: 0 },
};

/** Installs {@link TEST_CALIBRATION} before the file's tests and captures `console.error` lines. */
export function autoTestSetup(): { lines: () => string[] } {
  let spy: MockInstance<typeof console.error> | undefined;
  beforeAll(() => setCalibration(TEST_CALIBRATION));
  beforeEach(() => {
    spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => spy?.mockRestore());
  return { lines: () => (spy?.mock.calls ?? []).map((c) => c.map(String).join(' ')) };
}

/**
 * A task that spins for `ms` and says where it ran: `[x, pid, isMainThread]` (self-contained: shipped by
 * source to workers; `process.getBuiltinModule` works inline and in workers alike).
 */
export const where = (x: number, ms: number): [number, number, boolean] => {
  const end = performance.now() + ms;
  while (performance.now() < end);
  const wt = (
    process as unknown as { getBuiltinModule(id: string): { isMainThread: boolean } }
  ).getBuiltinModule('node:worker_threads');
  return [x, process.pid, wt.isMainThread];
};
