import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { nativeStatus } from '@polycore/native';
import { Memory } from '@polycore/pool';
import { afterAll, describe, expect, it } from 'vitest';

// Entries are checked with the native CRC-32 when the addon loads, else with node:zlib's: both must read
// each other's entries, and both must catch a damaged one.
const run = promisify(execFile);
const CLI = fileURLToPath(new URL('./fixtures/joblib/memory-cli.mjs', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'polycore-joblib-checksum-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SOURCE = '(n) => { globalThis.computed++; return new Float64Array(n).fill(n); }';

/** One cached call in a node process without the native addon (zlib's CRC-32). */
async function withoutNative(
  location: string,
  n: number,
): Promise<{ computed: number; value: { last: number } }> {
  const { stdout } = await run(
    process.execPath,
    [CLI, JSON.stringify({ location, name: 'big', source: SOURCE, args: [n] })],
    {
      cwd: root,
      env: { ...process.env, POLYCORE_NATIVE: '0' },
    },
  );
  return JSON.parse(stdout);
}

/** The cached function in this process (same source text as the child's, so the same entries). */
function here(location: string) {
  const fn = new Function(`return (${SOURCE});`)() as (n: number) => Float64Array;
  return new Memory(location).cache(fn, { name: 'big' });
}

describe('Memory checksums with and without the native core', () => {
  it('this process has the native core (else the cross-check below proves nothing)', () => {
    expect(nativeStatus()).toMatchObject({ loaded: true });
  });

  it('entries written by either implementation are hits for the other; damage is caught by both', async () => {
    const n = 300_000; // 2.4 MB: raw blocks, checked byte by byte
    (globalThis as { computed?: number }).computed = 0;
    const a = join(root, 'a');
    // zlib writes, native reads
    expect(await withoutNative(a, n)).toMatchObject({ computed: 1, value: { last: n } });
    const cached = here(a);
    expect(await cached.checkCallInCache(n)).toBe(true);
    expect((await cached(n))[n - 1]).toBe(n);
    expect((globalThis as { computed?: number }).computed).toBe(0);
    // native writes, zlib reads
    const b = join(root, 'b');
    const nb = here(b);
    expect((await nb(n))[n - 1]).toBe(n);
    expect((globalThis as { computed?: number }).computed).toBe(1);
    expect(await withoutNative(b, n)).toMatchObject({ computed: 0, value: { last: n } });
    // one flipped byte in the raw data: both recompute
    const dir = join(b, readdirSync(b)[0]!);
    const version = join(dir, readdirSync(dir)[0]!);
    const entry = join(version, readdirSync(version).find((f) => f.endsWith('.pcj'))!);
    const damage = () => {
      const bytes = readFileSync(entry);
      bytes[bytes.length - 1000] = (bytes[bytes.length - 1000] as number) ^ 0x55;
      writeFileSync(entry, bytes);
    };
    damage();
    expect(await withoutNative(b, n)).toMatchObject({ computed: 1, value: { last: n } });
    damage();
    expect(await nb.explainMiss(n)).toMatchObject({ reason: 'corrupt' });
    expect((await nb(n))[n - 1]).toBe(n);
    expect((globalThis as { computed?: number }).computed).toBe(2);
  });
});
