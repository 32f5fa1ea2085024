import {
  type GemvOptions,
  type GerOptions,
  gemv,
  gemvAsync,
  ger,
  gerAsync,
  normalizeGemv,
  normalizeGer,
} from '@polycore/native';
import { describe, expect, it } from 'vitest';
import { below, gemvExpected, gerExpected, minLen, mismatch, pick, randArray, rng } from './gemm-helpers.js';

type Ctor = Float64ArrayConstructor | Float32ArrayConstructor;

function randomGemv(r: () => number, Ctor: Ctor, dims?: [number, number]): GemvOptions {
  const [m, n] = dims ?? [below(r, 20), below(r, 20)];
  const colMajor = r() < 0.5;
  const trans = r() < 0.5;
  const [rows, cols] = colMajor ? [n, m] : [m, n];
  const lda = Math.max(1, cols) + (r() < 0.3 ? 1 + below(r, 3) : 0);
  const incX = 1 + (r() < 0.3 ? below(r, 3) : 0);
  const incY = 1 + (r() < 0.3 ? below(r, 3) : 0);
  const [nx, ny] = trans ? [m, n] : [n, m];
  return {
    m,
    n,
    trans,
    lda,
    incX,
    incY,
    layout: colMajor ? 'column-major' : 'row-major',
    a: randArray(r, Ctor, minLen(rows, cols, lda)),
    x: randArray(r, Ctor, minLen(nx, 1, incX)),
    y: randArray(r, Ctor, minLen(ny, 1, incY) + below(r, 3)),
    alpha: pick(r, [0, 1, -1, 0.5, 3]),
    beta: pick(r, [0, 1, -1, 0.5, 3]),
  };
}

function randomGer(r: () => number, Ctor: Ctor, dims?: [number, number]): GerOptions {
  const [m, n] = dims ?? [below(r, 20), below(r, 20)];
  const colMajor = r() < 0.5;
  const [rows, cols] = colMajor ? [n, m] : [m, n];
  const lda = Math.max(1, cols) + (r() < 0.3 ? 1 + below(r, 3) : 0);
  const incX = 1 + below(r, 2);
  const incY = 1 + below(r, 2);
  return {
    m,
    n,
    lda,
    incX,
    incY,
    layout: colMajor ? 'column-major' : 'row-major',
    x: randArray(r, Ctor, minLen(m, 1, incX)),
    y: randArray(r, Ctor, minLen(n, 1, incY)),
    a: randArray(r, Ctor, minLen(rows, cols, lda) + below(r, 3)),
    alpha: pick(r, [0, 1, -2, 0.5]),
  };
}

function checkGemv(o: GemvOptions): void {
  const expected = gemvExpected(normalizeGemv(o));
  const before = o.y.slice();
  expect(gemv(o)).toBe(o.y);
  expect(mismatch(o.y, before, expected)).toBeNull();
}

function checkGer(o: GerOptions): void {
  const expected = gerExpected(normalizeGer(o));
  const before = o.a.slice();
  expect(ger(o)).toBe(o.a);
  expect(mismatch(o.a, before, expected)).toBeNull();
}

describe('gemv', () => {
  it('computes a small example, plain and transposed', () => {
    const a = new Float64Array([1, 2, 3, 4, 5, 6]);
    expect([...gemv({ m: 2, n: 3, a, x: new Float64Array([1, 1, 1]), y: new Float64Array(2) })]).toEqual([
      6, 15,
    ]);
    expect([
      ...gemv({ m: 2, n: 3, a, x: new Float64Array([1, 1]), y: new Float64Array(3), trans: true }),
    ]).toEqual([5, 7, 9]);
    expect([
      ...gemv({
        m: 2,
        n: 3,
        a,
        x: new Float64Array([1, 1, 1]),
        y: new Float64Array(2),
        layout: 'column-major',
        lda: 2,
      }),
    ]).toEqual([9, 12]);
  });

  for (const Ctor of [Float64Array, Float32Array] as const) {
    it(`matches the reference on 800 random ${Ctor.name} cases (layouts, trans, strides, lda, alpha/beta)`, () => {
      const r = rng(Ctor === Float64Array ? 11 : 12);
      for (let i = 0; i < 800; i++) checkGemv(randomGemv(r, Ctor));
    });

    it(`matches the reference at larger odd ${Ctor.name} sizes and on the threaded path`, () => {
      const r = rng(13);
      for (const dims of [
        [257, 129],
        [3, 301],
        [300, 7],
        [1500, 1501],
      ] as [number, number][]) {
        for (let i = 0; i < 2; i++) checkGemv(randomGemv(r, Ctor, dims));
      }
    });
  }

  it('beta = 0 ignores NaN in the old y; alpha = 0 ignores a and x', () => {
    const y = gemv({
      m: 2,
      n: 2,
      a: new Float64Array(4).fill(1),
      x: new Float64Array(2).fill(1),
      y: new Float64Array(2).fill(Number.NaN),
    });
    expect([...y]).toEqual([2, 2]);
    const z = gemv({
      m: 2,
      n: 2,
      a: new Float64Array(4).fill(Number.NaN),
      x: new Float64Array(2),
      y: new Float64Array([1, 2]),
      alpha: 0,
      beta: 2,
    });
    expect([...z]).toEqual([2, 4]);
  });

  it('gemvAsync resolves to y with the same result', async () => {
    const r = rng(14);
    for (const Ctor of [Float64Array, Float32Array] as const) {
      for (let i = 0; i < 20; i++) {
        const o = randomGemv(r, Ctor);
        const expected = gemvExpected(normalizeGemv(o));
        const before = o.y.slice();
        expect(await gemvAsync(o)).toBe(o.y);
        expect(mismatch(o.y, before, expected)).toBeNull();
      }
    }
  });
});

describe('ger', () => {
  it('computes a small rank-1 update in both layouts', () => {
    const x = new Float64Array([1, 2]);
    const y = new Float64Array([3, 4, 5]);
    expect([...ger({ m: 2, n: 3, x, y, a: new Float64Array(6) })]).toEqual([3, 4, 5, 6, 8, 10]);
    expect([...ger({ m: 2, n: 3, x, y, a: new Float64Array(6), layout: 'column-major', alpha: 2 })]).toEqual([
      6, 12, 8, 16, 10, 20,
    ]);
  });

  for (const Ctor of [Float64Array, Float32Array] as const) {
    it(`matches the reference on 600 random ${Ctor.name} cases and on the threaded path`, () => {
      const r = rng(Ctor === Float64Array ? 21 : 22);
      for (let i = 0; i < 600; i++) checkGer(randomGer(r, Ctor));
      checkGer(randomGer(r, Ctor, [1501, 1499]));
    });
  }

  it('gerAsync resolves to a with the same result', async () => {
    const r = rng(23);
    for (let i = 0; i < 20; i++) {
      const o = randomGer(r, i % 2 ? Float32Array : Float64Array);
      const expected = gerExpected(normalizeGer(o));
      const before = o.a.slice();
      expect(await gerAsync(o)).toBe(o.a);
      expect(mismatch(o.a, before, expected)).toBeNull();
    }
  });
});
