/**
 * Fuzz: thousands of random, mostly bad calls to gemm/gemv/ger (sync and async) and to the raw
 * native bindings. Every call must either give the reference answer or throw (reject with) a
 * TypeError/RangeError with a message; nothing may crash the process.
 */
import {
  type FloatArray,
  gemm,
  gemmAsync,
  gemv,
  gemvAsync,
  ger,
  gerAsync,
  isDetached,
  native,
  normalizeGemm,
  normalizeGemv,
  normalizeGer,
} from '@polycore/native';
import { describe, expect, it } from 'vitest';
import {
  below,
  type Expected,
  gemmExpected,
  gemvExpected,
  gerExpected,
  minLen,
  mismatch,
  pick,
  randArray,
  rng,
} from './gemm-helpers.js';

type Opts = Record<string, unknown>;
type Ctor = Float64ArrayConstructor | Float32ArrayConstructor;

interface Kernel {
  name: string;
  /** A random valid options object (small). */
  valid(r: () => number, Ctor: Ctor): Opts;
  dims: string[];
  arrays: string[];
  lds: string[];
  scalars: string[];
  flags: string[];
  /** The array written in place and the one it must not overlap. */
  out: string;
  inputs: string[];
  expected(o: Opts): Expected[];
  sync(o: Opts): unknown;
  async(o: Opts): Promise<unknown>;
}

const layoutOf = (r: () => number) => (r() < 0.5 ? 'row-major' : 'column-major');
const stored = (layout: string, rows: number, cols: number) =>
  (layout === 'column-major' ? [cols, rows] : [rows, cols]) as [number, number];

const kernels: Kernel[] = [
  {
    name: 'gemm',
    valid(r, Ctor) {
      const [m, n, k] = [below(r, 7), below(r, 7), below(r, 7)];
      const layout = layoutOf(r);
      const [transA, transB] = [r() < 0.5, r() < 0.5];
      const [ar, ac] = stored(layout, transA ? k : m, transA ? m : k);
      const [br, bc] = stored(layout, transB ? n : k, transB ? k : n);
      const [cr, cc] = stored(layout, m, n);
      const [lda, ldb, ldc] = [
        Math.max(1, ac) + below(r, 2),
        Math.max(1, bc) + below(r, 2),
        Math.max(1, cc) + below(r, 2),
      ];
      return {
        m,
        n,
        k,
        layout,
        transA,
        transB,
        lda,
        ldb,
        ldc,
        alpha: pick(r, [1, 0, -2]),
        beta: pick(r, [0, 1, 0.5]),
        a: randArray(r, Ctor, minLen(ar, ac, lda)),
        b: randArray(r, Ctor, minLen(br, bc, ldb)),
        c: randArray(r, Ctor, minLen(cr, cc, ldc)),
      };
    },
    dims: ['m', 'n', 'k'],
    arrays: ['a', 'b', 'c'],
    lds: ['lda', 'ldb', 'ldc'],
    scalars: ['alpha', 'beta'],
    flags: ['transA', 'transB'],
    out: 'c',
    inputs: ['a', 'b'],
    expected: (o) => gemmExpected(normalizeGemm(o as never)),
    sync: (o) => gemm(o as never),
    async: (o) => gemmAsync(o as never),
  },
  {
    name: 'gemv',
    valid(r, Ctor) {
      const [m, n] = [below(r, 7), below(r, 7)];
      const layout = layoutOf(r);
      const trans = r() < 0.5;
      const [rows, cols] = stored(layout, m, n);
      const [lda, incX, incY] = [Math.max(1, cols) + below(r, 2), 1 + below(r, 2), 1 + below(r, 2)];
      const [nx, ny] = trans ? [m, n] : [n, m];
      return {
        m,
        n,
        layout,
        trans,
        lda,
        incX,
        incY,
        alpha: pick(r, [1, 0, -2]),
        beta: pick(r, [0, 1, 0.5]),
        a: randArray(r, Ctor, minLen(rows, cols, lda)),
        x: randArray(r, Ctor, minLen(nx, 1, incX)),
        y: randArray(r, Ctor, minLen(ny, 1, incY)),
      };
    },
    dims: ['m', 'n'],
    arrays: ['a', 'x', 'y'],
    lds: ['lda', 'incX', 'incY'],
    scalars: ['alpha', 'beta'],
    flags: ['trans'],
    out: 'y',
    inputs: ['a', 'x'],
    expected: (o) => gemvExpected(normalizeGemv(o as never)),
    sync: (o) => gemv(o as never),
    async: (o) => gemvAsync(o as never),
  },
  {
    name: 'ger',
    valid(r, Ctor) {
      const [m, n] = [below(r, 7), below(r, 7)];
      const layout = layoutOf(r);
      const [rows, cols] = stored(layout, m, n);
      const [lda, incX, incY] = [Math.max(1, cols) + below(r, 2), 1 + below(r, 2), 1 + below(r, 2)];
      return {
        m,
        n,
        layout,
        lda,
        incX,
        incY,
        alpha: pick(r, [1, 0, -2]),
        x: randArray(r, Ctor, minLen(m, 1, incX)),
        y: randArray(r, Ctor, minLen(n, 1, incY)),
        a: randArray(r, Ctor, minLen(rows, cols, lda)),
      };
    },
    dims: ['m', 'n'],
    arrays: ['x', 'y', 'a'],
    lds: ['lda', 'incX', 'incY'],
    scalars: ['alpha'],
    flags: [],
    out: 'a',
    inputs: ['x', 'y'],
    expected: (o) => gerExpected(normalizeGer(o as never)),
    sync: (o) => ger(o as never),
    async: (o) => gerAsync(o as never),
  },
];

function detached(x: FloatArray): FloatArray {
  const copy = x.slice();
  structuredClone(copy.buffer, { transfer: [copy.buffer] });
  return copy;
}

/** A view that shares memory with `x` (same element type), or x itself. */
function overlapping(r: () => number, x: FloatArray, len: number): FloatArray {
  if (x.length === 0 || r() < 0.3) return x;
  const Ctor = x.constructor as Ctor;
  const start = below(r, x.length);
  return new Ctor(x.buffer, x.byteOffset + start * x.BYTES_PER_ELEMENT, Math.min(len, x.length - start));
}

const badNumbers = [
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '3',
  null,
  2 ** 31,
  2 ** 40,
  -0.5,
  {},
  10n,
];

const live = (v: unknown): v is FloatArray =>
  (v instanceof Float64Array || v instanceof Float32Array) && !isDetached(v);

/** Applies one random mutation; most make the call invalid, a few keep it valid. */
function mutate(r: () => number, k: Kernel, o: Opts): Opts {
  const c = { ...o };
  switch (below(r, 9)) {
    case 0:
      c[pick(r, k.dims)] = pick(r, [...badNumbers, undefined, 1000]);
      break;
    case 1: {
      const name = pick(r, k.arrays);
      const x = c[name];
      if (!live(x)) break;
      const other = x instanceof Float64Array ? Float32Array : Float64Array;
      c[name] = pick(r, [
        new Int32Array(x.length),
        Array.from(x),
        null,
        undefined,
        new other(x.length),
        x.subarray(0, Math.max(0, x.length - 1)),
        detached(x),
        new DataView(new ArrayBuffer(8)),
        'abc',
      ]);
      break;
    }
    case 2:
      c[pick(r, k.lds)] = pick(r, [0, -1, 1.5, 1, Number.NaN, '2', null, 2 ** 31]);
      break;
    case 3:
      c[pick(r, k.scalars)] = pick(r, ['1', null, {}, Number.NaN, true, 1n]);
      break;
    case 4:
      if (k.flags.length) c[pick(r, k.flags)] = pick(r, [1, 'true', null, 0]);
      break;
    case 5:
      c.layout = pick(r, ['row', 1, 'COLUMN-MAJOR', null, 'column-major']);
      break;
    case 6: {
      const input = c[pick(r, k.inputs)];
      if (live(input)) c[k.out] = overlapping(r, input, live(c[k.out]) ? c[k.out].length : input.length);
      break;
    }
    case 7: {
      // Same memory again, in a SharedArrayBuffer (valid).
      const name = pick(r, k.arrays);
      const x = c[name];
      if (!live(x)) break;
      const Ctor = x.constructor as Ctor;
      const s = new Ctor(new SharedArrayBuffer(Math.max(1, x.length) * x.BYTES_PER_ELEMENT), 0, x.length);
      s.set(x);
      c[name] = s;
      break;
    }
    default: {
      const key = pick(r, [...k.dims, ...k.lds]);
      if (typeof c[key] === 'number') c[key] = (c[key] as number) + pick(r, [1, -1, 2]);
    }
  }
  return c;
}

function isClearError(e: unknown): boolean {
  // A TypeError/RangeError whose message names an argument (not an accident inside the library).
  const names =
    /^(gemm options|gemv options|ger options|m|n|k|a|b|c|x|y|lda|ldb|ldc|incX|incY|alpha|beta|trans|transA|transB|layout) /;
  return (e instanceof TypeError || e instanceof RangeError) && names.test(e.message);
}

function verify(k: Kernel, o: Opts, expected: Expected[] | null, before: FloatArray | null): void {
  if (expected === null || before === null)
    throw new Error(`${k.name} accepted options its validation rejects`);
  const bad = mismatch(o[k.out] as FloatArray, before, expected);
  expect(bad).toBeNull();
}

function prepare(k: Kernel, o: Opts): { expected: Expected[] | null; before: FloatArray | null } {
  try {
    const expected = k.expected(o);
    return { expected, before: (o[k.out] as FloatArray).slice() };
  } catch {
    return { expected: null, before: null };
  }
}

function call(r: () => number, k: Kernel): Opts | unknown {
  const Ctor = r() < 0.5 ? Float64Array : Float32Array;
  let o: Opts = k.valid(r, Ctor);
  const mutations = below(r, 3);
  for (let i = 0; i < mutations; i++) o = mutate(r, k, o);
  return r() < 0.05 ? pick(r, [null, 1, [], 'x', new Float64Array(2), undefined]) : o;
}

describe('fuzzing gemm, gemv, ger with bad calls', () => {
  for (const k of kernels) {
    it(`${k.name}: 1500 random sync calls are correct or throw TypeError/RangeError`, () => {
      const r = rng(100 + k.name.length);
      let ok = 0;
      let errors = 0;
      for (let i = 0; i < 1500; i++) {
        const o = call(r, k) as Opts;
        const { expected, before } =
          typeof o === 'object' && o !== null ? prepare(k, o) : { expected: null, before: null };
        try {
          k.sync(o);
        } catch (e) {
          expect(isClearError(e), String(e)).toBe(true);
          errors++;
          continue;
        }
        verify(k, o, expected, before);
        ok++;
      }
      expect(ok).toBeGreaterThan(100);
      expect(errors).toBeGreaterThan(300);
    });

    it(`${k.name}Async: 500 random calls resolve correctly or reject with TypeError/RangeError`, async () => {
      const r = rng(200 + k.name.length);
      let ok = 0;
      for (let i = 0; i < 500; i++) {
        const o = call(r, k) as Opts;
        const { expected, before } =
          typeof o === 'object' && o !== null ? prepare(k, o) : { expected: null, before: null };
        let p: Promise<unknown>;
        try {
          p = k.async(o);
        } catch (e) {
          throw new Error(`${k.name}Async threw synchronously instead of rejecting: ${String(e)}`);
        }
        try {
          await p;
        } catch (e) {
          expect(isClearError(e), String(e)).toBe(true);
          continue;
        }
        verify(k, o, expected, before);
        ok++;
      }
      expect(ok).toBeGreaterThan(30);
    });
  }

  it('raw native bindings survive 3000 random argument lists (errors, never crashes)', async () => {
    const b = native() as unknown as Record<string, (...args: unknown[]) => unknown>;
    const r = rng(300);
    const arity: Record<string, number> = { gemm: 14, gemv: 12, ger: 10 };
    const value = (): unknown => {
      const len = below(r, 12);
      return pick(r, [
        () => below(r, 6),
        () => pick(r, badNumbers),
        () => r() < 0.5,
        () => new Float64Array(len),
        () => new Float32Array(len),
        () => new Float64Array(new SharedArrayBuffer(8 * len)),
        () => undefined,
        () => 2 ** 32 - 1,
        () => r() * 3,
      ])();
    };
    let threw = 0;
    for (let i = 0; i < 3000; i++) {
      const base = pick(r, ['gemm', 'gemv', 'ger']);
      const fn = `${pick(r, ['d', 's'])}${base}${r() < 0.3 ? 'Async' : ''}`;
      const args = Array.from({ length: arity[base]! }, value);
      // Shared arrays often: the output aliases an input.
      if (r() < 0.2) args[args.length - 2] = args.find((v) => ArrayBuffer.isView(v)) ?? args[args.length - 2];
      try {
        await b[fn]!(...args);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        threw++;
      }
    }
    expect(threw).toBeGreaterThan(1000);
  });
});
