/** Process-level behaviour in child processes: lazy loading of Dawn, clean exit without closeGpu(). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasGpu } from './helpers.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));

function node(code: string, flags: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], {
    cwd: pkg,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dawnLoaded = "(await import('node:fs')).readFileSync('/proc/self/maps', 'utf8').includes('dawn.node')";

describe.runIf(process.platform === 'linux')('process behaviour', () => {
  it('importing @polycore/gpu does not load Dawn', () => {
    const r = node(`await import('@polycore/gpu'); console.log(${dawnLoaded});`);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.stdout.trim()).toBe('false');
  });

  it.runIf(hasGpu)('a process that used the GPU exits by itself, without closeGpu()', () => {
    const r = node(`
      const G = await import('@polycore/gpu');
      await G.gpu();
      const x = G.GpuArray.from([1, 2, 3]);
      console.log(${dawnLoaded}, await G.sum(G.mul(x, 2)));`);
    expect(r.status).toBe(0); // a hang would be killed by the timeout (status null)
    expect(r.stdout.trim()).toBe('true 12');
  });

  it.runIf(hasGpu)('garbage-collected arrays free their GPU memory (FinalizationRegistry)', () => {
    const r = node(
      `
      const G = await import('@polycore/gpu');
      const g = await G.gpu();
      const before = g.memory.bytes;
      (() => { for (let i = 0; i < 20; i++) G.GpuArray.empty(1 << 16).subarray(1); })();
      const peak = g.memory.bytes;
      for (let i = 0; i < 50 && g.memory.bytes > before; i++) {
        globalThis.gc();
        await new Promise((r) => setTimeout(r, 10));
      }
      console.log(peak - before >= 20 * 4 * (1 << 16), g.memory.bytes === before);`,
      ['--expose-gc'],
    );
    expect(r.stdout.trim()).toBe('true true');
  });

  it.runIf(hasGpu)('dispose() frees at once; views keep the buffer until they go too', () => {
    const r = node(`
      const G = await import('@polycore/gpu');
      const g = await G.gpu();
      const x = G.GpuArray.empty(1024);
      const v = x.subarray(1, 2);
      const used = g.memory.buffers;
      x.dispose();
      const afterParent = g.memory.buffers;
      v.dispose();
      console.log(used - afterParent, used - g.memory.buffers);`);
    expect(r.stdout.trim()).toBe('0 1');
  });
});
