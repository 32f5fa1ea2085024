import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expiresAfter, Memory, stableHash } from '@polycore/pool';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('./fixtures/joblib/memory-cli.mjs', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'polycore-joblib-memory-'));
let n = 0;
const freshDir = (): string => join(root, `c${n++}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs one cached call in a separate node process. */
async function inProcess(
  location: string,
  source: string,
  args: unknown[],
  name = 'f',
): Promise<{ value: unknown; computed: number }> {
  const { stdout } = await run(process.execPath, [CLI, JSON.stringify({ location, name, source, args })], {
    cwd: root,
  });
  return JSON.parse(stdout) as { value: unknown; computed: number };
}

/** Every file under `dir`, relative. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1));
}
const entries = (dir: string): string[] => files(dir).filter((f) => f.endsWith('.pcj'));

describe('stableHash', () => {
  it('hashes by content, independent of key and Map/Set insertion order', () => {
    expect(stableHash({ a: 1, b: [1, 2] })).toBe(stableHash({ b: [1, 2], a: 1 }));
    expect(
      stableHash(
        new Map([
          [1, 'x'],
          [2, 'y'],
        ]),
      ),
    ).toBe(
      stableHash(
        new Map([
          [2, 'y'],
          [1, 'x'],
        ]),
      ),
    );
    expect(stableHash(new Set([3, 1]))).toBe(stableHash(new Set([1, 3])));
    expect(stableHash(new Float64Array([1, 2]))).toBe(stableHash(new Float64Array([1, 2])));
    expect(stableHash(new Date(5))).toBe(stableHash(new Date(5)));
    expect(stableHash(1)).not.toBe(stableHash('1'));
    expect(stableHash(new Float64Array([1, 2]))).not.toBe(stableHash(new Float32Array([1, 2])));
    expect(stableHash([1, [2]])).not.toBe(stableHash([[1], 2]));
    expect(stableHash(new Date(5))).not.toBe(stableHash(5));
    expect(stableHash({ a: undefined })).not.toBe(stableHash({}));
    expect(stableHash('\uD800')).not.toBe(stableHash('\uD801')); // lone surrogates stay distinct
    expect(stableHash('é')).not.toBe(stableHash('e\u0301'));
  });

  it('handles cycles', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    const b: Record<string, unknown> = { x: 1 };
    b.self = b;
    expect(stableHash(a)).toBe(stableHash(b));
  });

  it('rejects functions, symbols and weak collections with a TypeError naming the path', () => {
    expect(() => stableHash({ opts: { cb: () => 1 } }, 'args')).toThrow(/args\.opts\.cb is a function/);
    expect(() => stableHash([Symbol('s')], 'args')).toThrow(/args\[0\] is a symbol/);
    expect(() => stableHash(new WeakMap())).toThrow(TypeError);
    expect(() => stableHash(new WeakSet())).toThrow(/WeakSet/);
    expect(() => stableHash(Promise.resolve(1))).toThrow(/Promise/);
  });

  it('hashes class instances only through toJSON (private state would be invisible)', () => {
    class Secret {
      #v: number;
      constructor(v: number) {
        this.#v = v;
      }
      get v(): number {
        return this.#v;
      }
    }
    expect(() => stableHash([new Secret(1)], 'args')).toThrow(/args\[0\] is a Secret instance.*toJSON/);
    class Money {
      constructor(readonly cents: number) {}
      toJSON() {
        return { cents: this.cents };
      }
    }
    expect(stableHash(new Money(5))).toBe(stableHash(new Money(5)));
    expect(stableHash(new Money(5))).not.toBe(stableHash(new Money(6)));
    expect(stableHash(new URL('https://a.example/x'))).not.toBe(stableHash(new URL('https://a.example/y')));
  });
});

describe('Memory', () => {
  it('computes once and serves later calls from disk, with typed arrays, Maps and Dates intact', async () => {
    const memory = new Memory(freshDir());
    let calls = 0;
    const f = memory.cache(function make(n: number) {
      calls++;
      return {
        big: new Float64Array(n).fill(1.5),
        small: new Int32Array([1, 2, 3]),
        m: new Map([['k', new Date(7)]]),
      };
    });
    const first = await f(300_000); // 2.4 MB: stored as a raw block
    const again = await f(300_000);
    expect(calls).toBe(1);
    expect(again.big).toBeInstanceOf(Float64Array);
    expect(again.big.length).toBe(300_000);
    expect(again.big[299_999]).toBe(1.5);
    expect(Array.from(again.small)).toEqual([1, 2, 3]);
    expect(again.m.get('k')).toEqual(new Date(7));
    expect(first.big.length).toBe(again.big.length);
    expect(await f.checkCallInCache(300_000)).toBe(true);
    expect(await f.checkCallInCache(3)).toBe(false);
  });

  it('creates the cache directory with owner-only permissions', async () => {
    const dir = freshDir();
    await new Memory(dir).cache((x: number) => x)(1);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('persists across separate node processes', async () => {
    const dir = freshDir();
    const src = '(x) => { globalThis.computed++; return { twice: x * 2 }; }';
    expect(await inProcess(dir, src, [21])).toEqual({ value: { twice: 42 }, computed: 1 });
    expect(await inProcess(dir, src, [21])).toEqual({ value: { twice: 42 }, computed: 0 });
    expect(await inProcess(dir, src, [22])).toEqual({ value: { twice: 44 }, computed: 1 });
  });

  it('invalidates on a source edit, not on reformatting or comments', async () => {
    const dir = freshDir();
    const v1 = '(x) => { globalThis.computed++; return x ** 3; }';
    const v1b = '(x) => {\n  // the cube\n  globalThis.computed++;\n  return x ** 3;\n}';
    const v2 = '(x) => { globalThis.computed++; return x ** 3 + 1; }';
    expect((await inProcess(dir, v1, [2])).computed).toBe(1);
    expect(await inProcess(dir, v1b, [2])).toEqual({ value: 8, computed: 0 });
    expect(await inProcess(dir, v2, [2])).toEqual({ value: 9, computed: 1 });
    const memory = new Memory(dir);
    const why = await memory
      .cache(new Function('return (x) => { globalThis.computed++; return x ** 3 + 2; }')(), { name: 'f' })
      .explainMiss(2);
    expect(why.cached).toBe(false);
    expect(why.reason).toBe('source-changed');
    expect(why.message).toMatch(/\+2/);
  });

  it('explainMiss tells new arguments, expired and cached apart', async () => {
    const memory = new Memory(freshDir());
    const f = memory.cache(
      function sq(x: number) {
        return x * x;
      },
      { validate: (meta) => meta.args !== 'sq(5)' },
    );
    await f(4);
    await f(5);
    expect(await f.explainMiss(4)).toMatchObject({ cached: true, reason: 'cached' });
    expect(await f.explainMiss(6)).toMatchObject({ cached: false, reason: 'new-arguments' });
    expect(await f.explainMiss(5)).toMatchObject({ cached: false, reason: 'expired' });
  });

  it('expiresAfter recomputes old entries', async () => {
    const dir = freshDir();
    let calls = 0;
    const fresh = new Memory(dir).cache(
      function g() {
        calls++;
        return calls;
      },
      { validate: expiresAfter({ hours: 1 }) },
    );
    expect(await fresh()).toBe(1);
    expect(await fresh()).toBe(1);
    const stale = new Memory(dir).cache(
      function g() {
        calls++;
        return calls;
      },
      { validate: expiresAfter(0) },
    );
    expect(await stale()).toBe(2);
    expect(() => expiresAfter({ weeks: 1 } as never)).toThrow(/unknown option 'weeks'/);
  });

  it('dependsOn invalidates when a helper changes', async () => {
    const dir = freshDir();
    const helperV1 = (x: number): number => x + 1;
    const helperV2 = (x: number): number => x + 2;
    let calls = 0;
    const body = (x: number): number => {
      calls++;
      return x;
    };
    const a = new Memory(dir).cache(body, { name: 'uses', dependsOn: [helperV1, 'v1'] });
    await a(1);
    await new Memory(dir).cache(body, { name: 'uses', dependsOn: [helperV1, 'v1'] })(1);
    expect(calls).toBe(1);
    const b = new Memory(dir).cache(body, { name: 'uses', dependsOn: [helperV2, 'v1'] });
    expect(await b.explainMiss(1)).toMatchObject({
      reason: 'dependency-changed',
      message: expect.stringMatching(/helperV/),
    });
    await b(1);
    expect(calls).toBe(2);
  });

  it('dependsOn accepts a file URL and hashes its content', async () => {
    const dir = freshDir();
    const helper = join(root, 'helper.mjs');
    writeFileSync(helper, 'export const k = 1;');
    const mk = () =>
      new Memory(dir).cache((x: number) => x, { name: 'h', dependsOn: [new URL(`file://${helper}`)] });
    await mk()(1);
    expect(await mk().checkCallInCache(1)).toBe(true);
    writeFileSync(helper, 'export const k = 2;');
    expect(await mk().explainMiss(1)).toMatchObject({
      reason: 'dependency-changed',
      message: expect.stringMatching(/helper\.mjs/),
    });
  });

  it('ignore leaves arguments (and keys of an options object) out of the key', async () => {
    const memory = new Memory(freshDir());
    let calls = 0;
    const f = memory.cache(
      function load(path: string, verbose = false, opts: { retries?: number; level?: number } = {}) {
        calls++;
        return `${path}:${verbose}:${opts.level ?? 0}`;
      },
      { ignore: ['verbose', 'opts.retries'] },
    );
    await f('a');
    await f('a', true);
    await f('a', false, { retries: 3 });
    expect(calls).toBe(1);
    await f('a', false, { level: 2 });
    expect(calls).toBe(2);
    expect(() => memory.cache((x: number) => x, { ignore: ['nope'] })).toThrow(/'nope' is not a parameter/);
  });

  it('a corrupt or truncated entry is recomputed, never served', async () => {
    const dir = freshDir();
    const memory = new Memory(dir);
    let calls = 0;
    const f = memory.cache(function big(n: number) {
      calls++;
      return new Float64Array(n).fill(n);
    });
    await f(200_000);
    const [entry] = entries(dir);
    const path = join(dir, entry as string);
    truncateSync(path, Math.floor(statSync(path).size / 2));
    expect(await f.explainMiss(200_000)).toMatchObject({ reason: 'corrupt' });
    const fixed = await f(200_000);
    expect(calls).toBe(2);
    expect(fixed[199_999]).toBe(200_000);
    // Flip one byte in the data: the checksum catches it.
    const bytes = readFileSync(path);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 0xff;
    writeFileSync(path, bytes);
    expect((await f(200_000))[199_999]).toBe(200_000);
    expect(calls).toBe(3);
    writeFileSync(path, 'garbage');
    expect((await f(200_000)).length).toBe(200_000);
    expect(calls).toBe(4);
    expect(await f.checkCallInCache(200_000)).toBe(true);
  });

  it("verify: 'length' still recomputes truncated entries and damaged small values", async () => {
    const dir = freshDir();
    let calls = 0;
    const f = new Memory(dir, { verify: 'length' }).cache(function pair(n: number) {
      calls++;
      return { label: 'x'.repeat(50), data: new Float64Array(n).fill(2) };
    });
    await f(200_000);
    const path = join(dir, entries(dir)[0] as string);
    truncateSync(path, statSync(path).size - 8);
    expect((await f(200_000)).data[199_999]).toBe(2);
    expect(calls).toBe(2);
    // Damage the serialized payload (it holds the label): still caught.
    const bytes = readFileSync(path);
    const at = bytes.indexOf('xxxxxxxxxx');
    bytes[at] = 0x79;
    writeFileSync(path, bytes);
    expect((await f(200_000)).label).toBe('x'.repeat(50));
    expect(calls).toBe(3);
    expect(() => new Memory(dir, { verify: 'none' as never })).toThrow(/verify/);
  });

  it('runs one computation for concurrent identical calls in a process, each caller gets its own copy', async () => {
    const memory = new Memory(freshDir());
    let calls = 0;
    const f = memory.cache(async function slow(x: number) {
      calls++;
      await new Promise((r) => setTimeout(r, 50));
      return [x];
    });
    const [a, b, c] = await Promise.all([f(1), f(1), f(1)]);
    expect(calls).toBe(1);
    expect(a).toEqual([1]);
    expect(b).toEqual([1]);
    expect(b).not.toBe(c);
  });

  it('several writer processes computing the same keys never corrupt an entry', async () => {
    const dir = freshDir();
    const src =
      '(n) => { globalThis.computed++; const a = new Float64Array(n); for (let i = 0; i < n; i++) a[i] = i; return a; }';
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => inProcess(dir, src, [i % 2 === 0 ? 1_000_000 : 500_000])),
    );
    for (const r of runs) {
      const want = (r.value as { length: number }).length;
      expect(r.value).toEqual({ type: 'Float64Array', length: want, first: 0, last: want - 1 });
    }
    expect(entries(dir)).toHaveLength(2);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = await inProcess(dir, src, [1_000_000]);
    expect(again).toEqual({
      value: { type: 'Float64Array', length: 1_000_000, first: 0, last: 999_999 },
      computed: 0,
    });
  });

  it('a writer killed mid-write leaves no entry that is served wrongly', async () => {
    const dir = freshDir();
    const src = '(n) => { globalThis.computed++; return new Float64Array(n).fill(7); }';
    await inProcess(dir, src, [10]); // creates the function's directory
    const versionDir = join(dir, 'f', readdirSync(join(dir, 'f'))[0] as string);
    const args = JSON.stringify({ location: dir, name: 'f', source: src, args: [8_000_000] });
    const child: ChildProcess = spawn(process.execPath, [CLI, args], { cwd: root, stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    let done = false;
    void exited.then(() => {
      done = true;
    });
    // Kill the writer as soon as its temporary file appears, i.e. while it writes 64 MB.
    let partial: string | undefined;
    while (!done && partial === undefined) {
      partial = readdirSync(versionDir).find((n) => n.endsWith('.tmp'));
      if (partial) child.kill('SIGKILL');
      else await new Promise((r) => setImmediate(r));
    }
    await exited;
    // Whatever was left (a partial temporary file, or a whole entry), the next run returns the right value.
    const next = await inProcess(dir, src, [8_000_000]);
    expect(next.value).toEqual({ type: 'Float64Array', length: 8_000_000, first: 7, last: 7 });
    expect(await inProcess(dir, src, [8_000_000])).toMatchObject({ computed: 0 });
    // Leftover temporary files are ignored by readers and removed by reduceSize once stale.
    const leftovers = readdirSync(versionDir).filter((n) => n.endsWith('.tmp'));
    const debris = join(versionDir, 'debris.pcj.999-abc.tmp');
    writeFileSync(debris, 'partial');
    const old = new Date(Date.now() - 3_600_000);
    for (const n of [...leftovers.map((l) => join(versionDir, l)), debris]) utimesSync(n, old, old);
    await new Memory(dir).reduceSize();
    expect(readdirSync(versionDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(entries(dir)).toHaveLength(2);
  });

  it('reduceSize drops least recently used entries first', async () => {
    const dir = freshDir();
    const memory = new Memory(dir);
    const f = memory.cache(function id(x: number) {
      return new Uint8Array(1000).fill(x);
    });
    const pause = () => new Promise((r) => setTimeout(r, 30));
    for (const x of [1, 2, 3, 4]) {
      await f(x);
      await pause();
    }
    await f(1); // 1 is now the most recently used
    await pause();
    const r1 = await memory.reduceSize({ itemsLimit: 3 });
    expect(r1).toMatchObject({ removedItems: 1, keptItems: 3 });
    expect(await f.checkCallInCache(2)).toBe(false);
    expect(await f.checkCallInCache(1)).toBe(true);
    const size = statSync(join(dir, entries(dir)[0] as string)).size;
    const r2 = await memory.reduceSize({ bytesLimit: size * 2 });
    expect(r2.keptItems).toBe(2);
    expect(await f.checkCallInCache(1)).toBe(true);
    // Age: make one entry look unused for two days.
    const path = join(dir, entries(dir).find((e) => e !== undefined) as string);
    const old = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(path, old, old);
    const r3 = await memory.reduceSize({ ageLimit: { days: 1 } });
    expect(r3).toMatchObject({ removedItems: 1, keptItems: 1 });
    await expect(memory.reduceSize({ bytesLimit: 'lots' })).rejects.toThrow(TypeError);
  });

  it('clear removes everything; a cached function clears only its own entries', async () => {
    const dir = freshDir();
    const memory = new Memory(dir);
    const a = memory.cache(function a(x: number) {
      return x;
    });
    const b = memory.cache(function b(x: number) {
      return x;
    });
    await a(1);
    await b(1);
    await a.clear();
    expect(await a.checkCallInCache(1)).toBe(false);
    expect(await b.checkCallInCache(1)).toBe(true);
    await memory.clear();
    expect(entries(dir)).toEqual([]);
    expect(await b(2)).toBe(2); // still works after clear
    expect(await b.checkCallInCache(2)).toBe(true);
  });

  it('recompute runs the function again and stores the new result', async () => {
    const memory = new Memory(freshDir());
    let calls = 0;
    const f = memory.cache(function counter(_k: string) {
      calls++;
      return calls;
    });
    expect(await f('a')).toBe(1);
    expect(await f.recompute('a')).toBe(2);
    expect(await f('a')).toBe(2);
    expect(calls).toBe(2);
  });

  it('Memory(null) turns caching off', async () => {
    let calls = 0;
    const f = new Memory(null).cache((x: number) => ++calls + x);
    expect(await f(1)).toBe(2);
    expect(await f(1)).toBe(3);
    expect(await f.explainMiss(1)).toMatchObject({ reason: 'disabled' });
  });

  it('results that cannot be stored are returned with a warning', async () => {
    const f = new Memory(freshDir()).cache(() => ({ fn: () => 1 }));
    const warn = new Promise<Error>((resolve) => process.once('warning', resolve));
    const v = await f();
    expect(typeof v.fn).toBe('function');
    expect((await warn).message).toMatch(/cannot be stored/);
  });

  it('a cache that cannot be written still returns results, with a warning', async () => {
    const dir = freshDir();
    writeFileSync(dir, 'a file where the cache directory should be');
    const f = new Memory(dir).cache(function unwritable(x: number) {
      return x + 1;
    });
    const warn = new Promise<Error>((resolve) => process.once('warning', resolve));
    expect(await f(1)).toBe(2);
    expect((await warn).message).toMatch(/unwritable cannot be stored/);
  });

  it('rejects bad input with clear errors', async () => {
    expect(() => new Memory('x', { verbse: 1 } as never)).toThrow(
      /unknown option 'verbse' \(did you mean 'verbose'\?\)/,
    );
    expect(() => new Memory(42 as never)).toThrow(TypeError);
    expect(() => new Memory('x', { mmapMode: 'r' as never })).toThrow(/native core/);
    const memory = new Memory(freshDir());
    expect(() => memory.cache(42 as never)).toThrow(/fn must be a function/);
    expect(() => memory.cache((x: number) => x, { ignor: [] } as never)).toThrow(/unknown option 'ignor'/);
    expect(() => memory.cache((x: number) => x, { dependsOn: [Symbol('s')] })).toThrow(
      /dependsOn\[0\] is a symbol/,
    );
    const f = memory.cache((x: unknown) => x);
    await expect(f(() => 1)).rejects.toThrow(/args\[0\] is a function/);
    await expect(f(new WeakMap())).rejects.toThrow(TypeError);
    await expect(f(Symbol('x'))).rejects.toThrow(/symbol/);
    expect(() => memory.cache(f)).toThrow(/already cached/);
  });
});
