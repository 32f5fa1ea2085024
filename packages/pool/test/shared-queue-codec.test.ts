import { spawnSync } from 'node:child_process';
import { Queue } from '@polycore/pool';
import { describe, expect, it } from 'vitest';

/** Sends `v` through a fresh queue (both sync and async paths) and returns what arrives. */
async function roundTrip<T>(v: T): Promise<T> {
  const q = new Queue<T>();
  q.putSync(v);
  const a = q.getSync();
  await q.put(v);
  const b = await q.get();
  expect(b).toStrictEqual(a);
  return a;
}

const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic.self = cyclic;
const shared = { s: 1 };
const withProps = Object.assign([1, 2], { extra: 'kept' });
const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, b: [2] });
const protoKey = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Record<string, unknown>;
const sparse = [1, 2, 3];
delete sparse[1];
let deep: unknown = 'bottom';
for (let i = 0; i < 40; i++) deep = { d: deep };

const CASES: [string, unknown][] = [
  [
    'integers at the i8/i32 edges',
    [0, 127, 128, -128, -129, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1],
  ],
  ['-0, NaN, ±Infinity, fractions, huge', [-0, Number.NaN, Infinity, -Infinity, 0.1, 1e300, 5e-324]],
  [
    'strings: empty, ASCII, latin1, BMP, astral, long',
    ['', 'item', 'héllo', 'Ωμέγα', '😀 ok', 'x'.repeat(300), 'é'.repeat(200)],
  ],
  [
    'booleans, null, undefined in arrays and objects',
    { t: true, f: false, n: null, u: undefined, a: [undefined, null] },
  ],
  ['an object with a 2 MB string, then a small one (the scratch shrinks back)', { big: 'é'.repeat(1 << 20) }],
  ['the benchmark message', { id: 7, name: 'item', tags: [1, 2, 3] }],
  [
    'one key list as data and as accessor properties',
    [
      { id: 1, name: 'a' },
      {
        get id() {
          return 2;
        },
        name: 'b',
      },
    ],
  ],
  ['lone surrogates in strings and keys', ['\uD800', 'a\uDC00b'.repeat(40), { '\uD83D': '\uDE00x' }]],
  ['a lone surrogate string at the top level', 'x\uD800'],
  ['unicode and empty keys', { '': 1, ключ: 2, '😀': [3], 'k\u0000': 4 }],
  ['integer-like keys keep structured-clone order', { b: 1, 2: 'two', a: 3, 1: 'one' }],
  ['nested plain trees', { a: [{ b: [{ c: 'deep' }] }, [], {}], z: { y: { x: [[1], [2, [3]]] } } }],
  ['a null-prototype object becomes a plain one', nullProto],
  ['an own __proto__ key stays an own key', protoKey],
  ['an array with named properties keeps them', withProps],
  ['a sparse array keeps its holes', sparse],
  ['a long array', Array.from({ length: 1000 }, (_, i) => i * 1.5)],
  ['a tree deeper than the compact limit', deep],
  ['many objects', Array.from({ length: 300 }, (_, i) => ({ i }))],
  [
    'non-plain values',
    [new Date(0), new Map([[1, { a: 2 }]]), new Set(['s']), 10n, /re/g, new Uint8Array([1, 2])],
  ],
];

describe('Queue values round-trip exactly like structuredClone', () => {
  it.each(CASES)('%s', async (_name, v) => {
    const got = await roundTrip(v);
    expect(got).toStrictEqual(structuredClone(v));
    expect(Object.keys(got as object)).toEqual(Object.keys(structuredClone(v) as object));
  });

  it('keeps -0 and NaN as such (toStrictEqual uses Object.is)', async () => {
    const [z, n] = await roundTrip([-0, Number.NaN]);
    expect(Object.is(z, -0)).toBe(true);
    expect(Number.isNaN(n)).toBe(true);
  });

  it('keeps shared references shared and cycles cyclic', async () => {
    const pair = await roundTrip([shared, shared]);
    expect(pair[0]).toBe(pair[1]);
    const c = await roundTrip(cyclic);
    expect(c.self).toBe(c);
  });

  it('own __proto__ key does not change the prototype', async () => {
    const got = await roundTrip(protoKey);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.hasOwn(got, '__proto__')).toBe(true);
  });

  it('many different shapes and key orders, mixed kinds, in one queue', async () => {
    const q = new Queue<unknown>();
    const sent: unknown[] = [];
    for (let i = 0; i < 3000; i++) {
      const v =
        i % 5 === 0
          ? { [`k${i % 40}`]: i, x: [i, `s${i}`] }
          : i % 5 === 1
            ? { x: i, y: { z: i } }
            : i % 5 === 2
              ? { y: { z: i }, x: i }
              : i % 5 === 3
                ? [i, -i, i / 3]
                : `m${i}`;
      sent.push(v);
      q.putSync(v);
      if (i % 3 === 2) for (let k = 0; k < 3; k++) expect(q.getSync()).toStrictEqual(sent[i - 2 + k]);
    }
  });

  it('messages that wait for room keep their own bytes', async () => {
    const q = new Queue<unknown>({ maxsize: 1 });
    q.putSync({ first: 1 });
    const waiting = [q.put({ second: [2] }), q.put({ third: 'three' })]; // both wait: the queue is full
    for (let i = 0; i < 5; i++) expect(() => q.putNowait({ other: i })).toThrow();
    expect(await q.get()).toEqual({ first: 1 });
    expect(await q.get({ timeout: 5000 })).toEqual({ second: [2] });
    expect(await q.get({ timeout: 5000 })).toEqual({ third: 'three' });
    await Promise.all(waiting);
  });

  it('functions, symbols and proxies are still refused with a TypeError', () => {
    const q = new Queue();
    expect(() => q.putSync({ f: () => 1 })).toThrow(TypeError);
    expect(() => q.putSync(new Proxy({ a: 1 }, {}))).toThrow(TypeError);
    expect(() => q.putSync([new Proxy([1], {})])).toThrow(TypeError);
    expect(() => q.putSync([Symbol('s')])).toThrow(TypeError);
    expect(q.empty()).toBe(true);
  });

  it('works where code generation from strings is disallowed (no literal factories)', () => {
    const code = `import('@polycore/pool').then(({ Queue }) => {
      const q = new Queue();
      q.putSync({ a: 1, b: [2, { c: 'x' }] });
      console.log(JSON.stringify(q.getSync()));
    });`;
    const r = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '-e', code], {
      cwd: new URL('.', import.meta.url),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ a: 1, b: [2, { c: 'x' }] });
  });
});
