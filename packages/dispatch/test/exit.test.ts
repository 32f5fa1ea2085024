/**
 * Scripts that use the package must exit by themselves: calibration leaves no thread, process or
 * pending wait behind, and an awaited fallback job keeps the process alive until it settles. Each
 * case runs `node --input-type=module -e …` in a child process with a timeout (the form that also
 * checks the worker threads do not inherit `--input-type`).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));

function runScript(
  code: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      cwd: pkgDir,
      // Its own cache directory: never races the calibration tests' cache file.
      env: {
        ...process.env,
        POLYCORE_CACHE_DIR: path.join(os.tmpdir(), 'polycore-dispatch-exit-test'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000, // SIGTERM if it hangs
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (c, signal) => resolve({ code: c, signal, stdout, stderr }));
  });
}

describe('process exit', { timeout: 90_000 }, () => {
  it('`await calibrate()` exits by itself with code 0', async () => {
    const r = await runScript(
      "import { calibrate } from '@polycore/dispatch'; const c = await calibrate(); console.log(c.format);",
    );
    expect(r, r.stderr).toMatchObject({ code: 0, signal: null });
    expect(r.stdout.trim()).toBe('1');
  });

  it('without the native core, calibration measures the worker fallback, stops it and exits', async () => {
    const r = await runScript(
      "import { calibrate, defaultCalibration } from '@polycore/dispatch'; const c = await calibrate(); console.log(c.workers.roundTripNs !== defaultCalibration().workers.roundTripNs);",
      { POLYCORE_NATIVE: '0' },
    );
    expect(r, r.stderr).toMatchObject({ code: 0, signal: null });
    expect(r.stdout.trim()).toBe('true'); // measured, not the defaults a failed start falls back to
  });

  it('`await calibrate({ tasks: true })` reaps its thread and process and exits', async () => {
    const r = await runScript(
      "import { calibrate } from '@polycore/dispatch'; const c = await calibrate({ tasks: true, save: false }); console.log(c.tasks.threadStartMs > 0 && c.tasks.processStartMs > 0);",
    );
    expect(r, r.stderr).toMatchObject({ code: 0, signal: null });
    expect(r.stdout.trim()).toBe('true');
  });

  it('an awaited fallback job at top level completes (the workers are ref’d while it runs)', async () => {
    const r = await runScript(
      "import { useBackend, dotAsync } from '@polycore/dispatch'; useBackend('workers'); const x = new Float64Array(100000).fill(1); console.log(await dotAsync(x, x));",
      { POLYCORE_NATIVE: '0' },
    );
    expect(r, r.stderr).toMatchObject({ code: 0, signal: null });
    expect(r.stdout.trim()).toBe('100000');
  });
});
