import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as native from '@polycore/native';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const entry = require.resolve('@polycore/native');

/** Runs a snippet in a fresh node process with `env` and returns its JSON output. */
function inChild(code: string, env: Record<string, string>): unknown {
  const script = `import(${JSON.stringify(entry)}).then(async (m) => { ${code} })`;
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('loader', () => {
  it('loads the binary for this platform and says from where', () => {
    const s = native.nativeStatus();
    expect(s.loaded).toBe(true);
    expect(s.path).toMatch(/polycore\.[\w-]+\.node$/);
    expect(s.error).toBeNull();
    expect(native.isNativeAvailable()).toBe(true);
  });

  it('POLYCORE_NATIVE=0 gives a catchable NativeUnavailableError', () => {
    const r = inChild(
      `try { m.dot(new Float64Array(1), new Float64Array(1)); console.log('null') }
       catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, isErr: e instanceof m.NativeUnavailableError, msg: e.message, status: m.nativeStatus() })) }`,
      { POLYCORE_NATIVE: '0' },
    ) as { name: string; code: string; isErr: boolean; msg: string; status: native.NativeStatus };
    expect(r.name).toBe('NativeUnavailableError');
    expect(r.code).toBe('POLYCORE_NATIVE_UNAVAILABLE');
    expect(r.isErr).toBe(true);
    expect(r.msg).toMatch(/POLYCORE_NATIVE=0/);
    expect(r.status.loaded).toBe(false);
  });

  it('a missing binary gives NativeUnavailableError naming the platform', () => {
    const r = inChild(
      `try { m.cpuInfo(); console.log('null') } catch (e) { console.log(JSON.stringify({ name: e.name, msg: e.message })) }`,
      { NAPI_RS_NATIVE_LIBRARY_PATH: '/nonexistent/polycore.node' },
    ) as { name: string; msg: string };
    expect(r.name).toBe('NativeUnavailableError');
    expect(r.msg).toContain(`${process.platform}-${process.arch}`);
  });
});

describe('cpuInfo', () => {
  it('reports physical <= logical cores and SIMD features', () => {
    const info = native.cpuInfo();
    expect(info.logicalCores).toBeGreaterThanOrEqual(1);
    expect(info.physicalCores).toBeGreaterThanOrEqual(1);
    expect(info.physicalCores).toBeLessThanOrEqual(info.logicalCores);
    expect(Array.isArray(info.simd)).toBe(true);
    if (process.arch === 'x64') expect(info.simd).toContain('sse2');
  });

  it('thread count is configurable and validated', () => {
    const before = native.getNumThreads();
    native.setNumThreads(1);
    expect(native.getNumThreads()).toBe(1);
    native.setNumThreads(before);
    expect(native.getNumThreads()).toBe(before);
    expect(() => native.setNumThreads(0)).toThrow(RangeError);
    expect(() => native.setNumThreads(1.5)).toThrow(/threads/);
  });
});

describe('panics', () => {
  it('a Rust panic becomes a JS error and the process lives on', () => {
    expect(() => native.native().__panicForTest('deliberate')).toThrow(/deliberate/);
    expect(native.dot(new Float64Array([2]), new Float64Array([3]))).toBe(6);
  });
});
