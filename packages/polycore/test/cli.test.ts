import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { info } from 'polycore';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('polycore')), 'cli.js');
// The dispatcher's calibration cache goes to a scratch folder, not the user's ~/.cache.
const cacheDir = mkdtempSync(join(tmpdir(), 'polycore-cli-'));
const env = { ...process.env, POLYCORE_CACHE_DIR: cacheDir };

describe('polycore info', () => {
  it('info() reports cores, SIMD and the native core', () => {
    const i = info();
    expect(i.logicalCores).toBeGreaterThanOrEqual(1);
    expect(i.physicalCores).toBeGreaterThanOrEqual(1);
    expect(i.physicalCores!).toBeLessThanOrEqual(i.logicalCores);
    expect(i.native.loaded).toBe(true);
    expect(i.native.path).toMatch(/\.node$/);
    expect(i.nativeThreads).toBeGreaterThanOrEqual(1);
  });

  it('the CLI prints the same as JSON', () => {
    const out = JSON.parse(
      execFileSync(process.execPath, [cli, 'info', '--json'], { encoding: 'utf8', env }),
    );
    expect(out.native.loaded).toBe(true);
    expect(out.logicalCores).toBe(info().logicalCores);
  });

  it('the CLI says where the native core loaded from, in words', () => {
    const out = execFileSync(process.execPath, [cli, 'info'], { encoding: 'utf8', env });
    expect(out).toMatch(/physical/);
    expect(out).toMatch(/native core: +loaded from .*\.node/);
  });

  it('without the native core the CLI still answers and says why', () => {
    const out = execFileSync(process.execPath, [cli, 'info'], {
      encoding: 'utf8',
      env: { ...env, POLYCORE_NATIVE: '0' },
    });
    expect(out).toMatch(/not loaded \(disabled by POLYCORE_NATIVE=0\)/);
  });

  it('info prints the calibration and where it is cached', () => {
    const out = JSON.parse(
      execFileSync(process.execPath, [cli, 'info', '--json'], { encoding: 'utf8', env }),
    );
    expect(out.calibration.cacheFile.startsWith(cacheDir)).toBe(true);
    expect(existsSync(out.calibration.cacheFile)).toBe(true);
    expect(out.calibration.cores.physical).toBeGreaterThanOrEqual(1);
  });

  it('calibrate re-measures, saves and exits by itself', () => {
    const r = spawnSync(process.execPath, [cli, 'calibrate', '--json'], {
      encoding: 'utf8',
      env,
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    const cal = JSON.parse(r.stdout);
    expect(cal.tasks.threadStartMs).toBeGreaterThan(0);
    expect(cal.tasks.processStartMs).toBeGreaterThan(0);
  });

  it("demo (the README's main job) runs every use case and exits by itself", () => {
    const r = spawnSync(process.execPath, [cli, 'demo'], { encoding: 'utf8', env, timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('map(cube) = [0, 1, 8, 27, 64, 125, 216, 343, 512, 729]');
    expect(r.stdout).toContain('{ alpha: 5, beta: 4, gamma: 5, delta: 5 }');
    expect(r.stdout).toMatch(/cube\(12\) = 1728 computed .* again = 1728 from the cache/);
    expect(r.stdout).toContain('received 200 messages (sum 109900); counter under the lock = 200');
    expect(r.stdout).toMatch(/dot, n = 2,000,000: .*\(agree: true\)/);
    expect(r.stdout).toMatch(/gemm 384×384: .*\(agree: true\)/);
    expect(r.stdout).toMatch(/dot n=1e\+1 -> /);
    expect(r.stdout).toMatch(/GPU \(WebGPU\)/);
  });

  it('an unknown command exits 2 with the help text', () => {
    const r = spawnSync(process.execPath, [cli, 'frobnicate'], { encoding: 'utf8', env });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
