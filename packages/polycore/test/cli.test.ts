import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { info } from 'polycore';

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('polycore')), 'cli.js');

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
    const out = JSON.parse(execFileSync(process.execPath, [cli, 'info', '--json'], { encoding: 'utf8' }));
    expect(out.native.loaded).toBe(true);
    expect(out.logicalCores).toBe(info().logicalCores);
  });

  it('the CLI says where the native core loaded from, in words', () => {
    const out = execFileSync(process.execPath, [cli, 'info'], { encoding: 'utf8' });
    expect(out).toMatch(/physical/);
    expect(out).toMatch(/native core: +loaded from .*\.node/);
  });

  it('without the native core the CLI still answers and says why', () => {
    const out = execFileSync(process.execPath, [cli, 'info'], {
      encoding: 'utf8',
      env: { ...process.env, POLYCORE_NATIVE: '0' },
    });
    expect(out).toMatch(/not loaded \(disabled by POLYCORE_NATIVE=0\)/);
  });

  it('an unknown command exits 2 with the help text', () => {
    const r = spawnSync(process.execPath, [cli, 'frobnicate'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
