/**
 * The array test suite, run once per backend (automatic routing, inline JS, the worker fallback,
 * the native core when present). array.test.ts runs it normally; array-fallback.test.ts runs it
 * with POLYCORE_NATIVE=0, i.e. on the TypeScript fallback alone.
 */
import { afterAll, describe, expect, it } from 'vitest';

type D = typeof import('@polycore/dispatch');
type FA = Float64Array | Float32Array;
type Ctor = Float64ArrayConstructor | Float32ArrayConstructor;

const DTYPES: Array<[string, Ctor]> = [
  ['f64', Float64Array],
  ['f32', Float32Array],
];
const SIZES = [0, 1, 7, 100, 4099];

function rand(F: Ctor, n: number, seed: number, lo = -1, hi = 1): FA {
  const a = new F(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    a[i] = lo + ((hi - lo) * s) / 2147483648;
  }
  return a;
}

function shared(x: FA): FA {
  const F = x.constructor as Ctor;
  const y = new F(new SharedArrayBuffer(x.byteLength));
  y.set(x);
  return y;
}

const tol = (F: Ctor): number => (F === Float32Array ? 2e-4 : 1e-11);

function close(got: number, want: number, F: Ctor, scale = 1): void {
  if (Number.isNaN(want)) {
    expect(got).toBeNaN();
    return;
  }
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tol(F) * Math.max(1, Math.abs(want), scale));
}

/** One assertion per array (per-element `expect` calls would dominate the suite's time). */
function allClose(got: ArrayLike<number>, want: ArrayLike<number>, F: Ctor, scale = 1): void {
  expect(got.length).toBe(want.length);
  let bad = -1;
  for (let i = 0; i < want.length && bad < 0; i++) {
    const g = got[i]!;
    const w = want[i]!;
    const ok = Number.isNaN(w)
      ? Number.isNaN(g)
      : Math.abs(g - w) <= tol(F) * Math.max(1, Math.abs(w), scale);
    if (!ok) bad = i;
  }
  if (bad >= 0) close(got[bad]!, want[bad]!, F, scale); // fails with the first mismatch's values
}

/** Reference row-major gemm in plain f64 loops. */
function refGemm(
  m: number,
  n: number,
  k: number,
  A: (i: number, p: number) => number,
  B: (p: number, j: number) => number,
): number[] {
  const c: number[] = [];
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A(i, p) * B(p, j);
      c.push(s);
    }
  return c;
}

/** Registers the whole suite for one backend (`auto` = routing by the cost model). */
export function arraySuite(d: D, backend: 'auto' | 'js' | 'native' | 'workers'): void {
  const use = (): void => d.useBackend(backend === 'auto' ? null : backend);
  afterAll(() => d.useBackend(null));

  describe(`array suite on ${backend}`, () => {
    for (const [dt, F] of DTYPES) {
      describe(dt, () => {
        for (const n of SIZES) {
          it(`level 1, n=${n}`, async () => {
            use();
            const x = rand(F, n, 1);
            const y = rand(F, n, 2);
            let ref = 0;
            for (let i = 0; i < n; i++) ref += x[i]! * y[i]!;
            close(d.dot(x, y), ref, F, n);
            close(await d.dotAsync(x, y), ref, F, n);
            close(d.dot(shared(x), shared(y)), ref, F, n);

            const y2 = F.from(y);
            expect(d.axpy(0.5, x, y2)).toBe(y2);
            allClose(
              y2,
              Array.from(y, (v, i) => v + 0.5 * x[i]!),
              F,
            );
            const y3 = F.from(y);
            await d.axpyAsync(-2, x, y3);
            allClose(
              y3,
              Array.from(y, (v, i) => v - 2 * x[i]!),
              F,
            );
            const ys = shared(y);
            d.axpy(1, x, ys);
            allClose(
              ys,
              Array.from(y, (v, i) => v + x[i]!),
              F,
            );

            const x2 = F.from(x);
            expect(d.scal(3, x2)).toBe(x2);
            allClose(
              x2,
              Array.from(x, (v) => 3 * v),
              F,
            );
            await d.scalAsync(0.5, x2);
            allClose(
              x2,
              Array.from(x, (v) => 1.5 * v),
              F,
            );

            const sq = Array.from(x).reduce((s, v) => s + v * v, 0);
            close(d.nrm2(x), Math.sqrt(sq), F);
            close(await d.nrm2Async(x), Math.sqrt(sq), F);
            const ab = Array.from(x).reduce((s, v) => s + Math.abs(v), 0);
            close(d.asum(x), ab, F, n);
            close(await d.asumAsync(x), ab, F, n);
            let best = -1;
            for (let i = 0; i < n; i++) if (best < 0 || Math.abs(x[i]!) > Math.abs(x[best]!)) best = i;
            expect(d.iamax(x)).toBe(best);
            expect(await d.iamaxAsync(x)).toBe(best);
          });

          it(`copy, swap, rot and strided views, n=${n}`, async () => {
            use();
            const x = rand(F, n, 31);
            const y = rand(F, n, 32);
            const y1 = new F(n);
            expect(d.copy(x, y1)).toBe(y1);
            expect(Array.from(y1)).toEqual(Array.from(x));
            const [a, b] = [F.from(x), F.from(y)];
            d.swap(a, b);
            expect(Array.from(a)).toEqual(Array.from(y));
            await d.swapAsync(a, b);
            expect(Array.from(b)).toEqual(Array.from(y));
            const [c, s] = [0.6, 0.8];
            const [rx, ry] = [F.from(x), F.from(y)];
            d.rot(rx, ry, c, s);
            allClose(
              rx,
              Array.from(x, (v, i) => c * v + s * y[i]!),
              F,
            );
            allClose(
              ry,
              Array.from(y, (v, i) => c * v - s * x[i]!),
              F,
            );
            // Strided: every 2nd element of a 2n array against y read backwards.
            const x2 = rand(F, 2 * n, 33);
            let ref = 0;
            for (let i = 0; i < n; i++) ref += x2[2 * i]! * y[n - 1 - i]!;
            close(d.dot(x2, y, { incX: 2, incY: -1 }), ref, F, n);
            close(await d.dotAsync(x2, y, { incX: 2, incY: -1 }), ref, F, n);
            const y3 = F.from(y);
            d.axpy(2, x2, y3, { incX: 2 });
            allClose(
              y3,
              Array.from(y, (v, i) => v + 2 * x2[2 * i]!),
              F,
            );
            const x3 = F.from(x2);
            d.scal(-1, x3, { offsetX: 1, incX: 2 });
            allClose(
              x3,
              Array.from(x2, (v, i) => (i % 2 === 1 ? -v : v)),
              F,
            );
            const odd = Array.from({ length: n }, (_, i) => x2[2 * i + 1]!);
            close(
              d.asum(x2, { offsetX: 1, incX: 2 }),
              odd.reduce((p, v) => p + Math.abs(v), 0),
              F,
              n,
            );
            close(d.nrm2(x2, { offsetX: 1, incX: 2 }), Math.sqrt(odd.reduce((p, v) => p + v * v, 0)), F);
            let best = -1;
            for (let i = 0; i < n; i++) if (best < 0 || Math.abs(odd[i]!) > Math.abs(odd[best]!)) best = i;
            expect(d.iamax(x2, { offsetX: 1, incX: 2 })).toBe(best);
            if (n > 1) expect(() => d.dot(x, y, { n: n + 1 })).toThrow(RangeError);
            expect(() => d.dot(x, y, { incX: 0 })).toThrow(RangeError);
          });

          it(`elementwise, n=${n}`, async () => {
            use();
            const a = rand(F, n, 3);
            const b = rand(F, n, 4, 0.5, 2);
            const c = rand(F, n, 5);
            const pos = rand(F, n, 6, 0.1, 4);
            const cases: Array<[string, FA, number[]]> = [
              ['add', d.add(a, b), Array.from(a, (v, i) => v + b[i]!)],
              ['sub', d.sub(a, b), Array.from(a, (v, i) => v - b[i]!)],
              ['mul', d.mul(a, b), Array.from(a, (v, i) => v * b[i]!)],
              ['div', d.div(a, b), Array.from(a, (v, i) => v / b[i]!)],
              ['minimum', d.minimum(a, c), Array.from(a, (v, i) => Math.min(v, c[i]!))],
              ['maximum', d.maximum(a, c), Array.from(a, (v, i) => Math.max(v, c[i]!))],
              ['fma', d.fma(a, b, c), Array.from(a, (v, i) => v * b[i]! + c[i]!)],
              ['sqrt', d.sqrt(pos), Array.from(pos, Math.sqrt)],
              ['exp', d.exp(a), Array.from(a, Math.exp)],
              ['log', d.log(pos), Array.from(pos, Math.log)],
              ['abs', d.abs(a), Array.from(a, Math.abs)],
              ['clamp', d.clamp(a, -0.5, 0.25), Array.from(a, (v) => Math.min(Math.max(v, -0.5), 0.25))],
              ['addAsync', await d.addAsync(a, b), Array.from(a, (v, i) => v + b[i]!)],
              ['expAsync', await d.expAsync(a), Array.from(a, Math.exp)],
              ['fmaAsync', await d.fmaAsync(a, b, c), Array.from(a, (v, i) => v * b[i]! + c[i]!)],
              ['clampAsync', await d.clampAsync(a, 0, 1), Array.from(a, (v) => Math.min(Math.max(v, 0), 1))],
            ];
            for (const [name, got, want] of cases) {
              expect(got, name).toBeInstanceOf(F);
              allClose(got, want, F);
            }
            // In place (out = an input), and onto a SharedArrayBuffer.
            const a2 = F.from(a);
            expect(d.mul(a2, b, a2)).toBe(a2);
            allClose(
              a2,
              Array.from(a, (v, i) => v * b[i]!),
              F,
            );
            const out = shared(new F(n));
            expect(d.sub(shared(a), shared(b), out)).toBe(out);
            allClose(
              out,
              Array.from(a, (v, i) => v - b[i]!),
              F,
            );
          });

          it(`reductions, n=${n}`, async () => {
            use();
            const x = rand(F, n, 7, -3, 5);
            const xs = Array.from(x);
            const s = xs.reduce((p, v) => p + v, 0);
            close(d.sum(x), s, F, n);
            close(d.sum(x, { method: 'kahan' }), s, F, n);
            close(await d.sumAsync(x), s, F, n);
            if (n === 0) {
              expect(() => d.min(x)).toThrow(RangeError);
              expect(d.mean(x)).toBeNaN();
              expect(d.variance(x)).toBeNaN();
              return;
            }
            expect(d.min(x)).toBe(Math.min(...xs));
            expect(d.max(x)).toBe(Math.max(...xs));
            expect(await d.maxAsync(x)).toBe(Math.max(...xs));
            const m = s / n;
            close(d.mean(x), m, F);
            close(await d.meanAsync(x), m, F);
            const v = xs.reduce((p, e) => p + (e - m) ** 2, 0);
            close(d.variance(x), v / n, F);
            if (n > 1) close(await d.varianceAsync(x, { ddof: 1 }), v / (n - 1), F);
            else expect(d.variance(x, { ddof: 1 })).toBeNaN();
          });
        }

        const shapes: Array<[number, number, number]> = [
          [0, 3, 2],
          [1, 1, 1],
          [3, 5, 4],
          [17, 9, 33],
          [64, 70, 65],
        ];
        for (const [m, n, k] of shapes) {
          it(`gemm ${m}×${n}×${k}, transposes, layouts, padding`, async () => {
            use();
            for (const layout of ['row-major', 'column-major'] as const) {
              for (const transA of [false, true]) {
                for (const transB of [false, true]) {
                  const col = layout === 'column-major';
                  // Stored dims of op(a) = m×k: a is m×k or k×m; pad leading dims by 2.
                  const [ar, ac] = transA ? [k, m] : [m, k];
                  const [br, bc] = transB ? [n, k] : [k, n];
                  const lda = (col ? ar : ac) + 2;
                  const ldb = (col ? br : bc) + 2;
                  const ldc = (col ? m : n) + 1;
                  const a = rand(F, lda * (col ? ac : ar), 11);
                  const b = rand(F, ldb * (col ? bc : br), 12);
                  const c0 = rand(F, ldc * (col ? n : m), 13);
                  const at = (r: number, q: number): number => (col ? a[q * lda + r]! : a[r * lda + q]!);
                  const bt = (r: number, q: number): number => (col ? b[q * ldb + r]! : b[r * ldb + q]!);
                  const A = (i: number, p: number): number => (transA ? at(p, i) : at(i, p));
                  const B = (p: number, j: number): number => (transB ? bt(j, p) : bt(p, j));
                  const prod = refGemm(m, n, k, A, B);
                  const ci = (i: number, j: number): number => (col ? j * ldc + i : i * ldc + j);
                  const want = Array.from(c0);
                  for (let i = 0; i < m; i++)
                    for (let j = 0; j < n; j++) want[ci(i, j)] = 1.5 * prod[i * n + j]! - 0.5 * c0[ci(i, j)]!;
                  const c = F.from(c0);
                  const opts = {
                    m,
                    n,
                    k,
                    a,
                    b,
                    c,
                    alpha: 1.5,
                    beta: -0.5,
                    transA,
                    transB,
                    lda,
                    ldb,
                    ldc,
                    layout,
                  };
                  expect(d.gemm(opts)).toBe(c);
                  allClose(c, want, F, k);
                  const c2 = F.from(c0);
                  await d.gemmAsync({ ...opts, c: c2 });
                  allClose(c2, want, F, k);
                }
              }
            }
          });
        }

        it('gemm with beta 0 ignores NaN in c', () => {
          use();
          const c = new F([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
          d.gemm({ m: 2, n: 2, k: 2, a: new F([1, 2, 3, 4]), b: new F([5, 6, 7, 8]), c });
          expect(Array.from(c)).toEqual([19, 22, 43, 50]);
        });

        it('small gemm: repeated operands never skip the overlap, type and detach checks', () => {
          use();
          const E = F.BYTES_PER_ELEMENT;
          const buf = new ArrayBuffer(12 * E);
          const a = new F(buf, 0, 4);
          a.set([1, 2, 3, 4]);
          const b = new F([5, 6, 7, 8]);
          const c = new F(4);
          const want = [19, 22, 43, 50];
          const g = (o: Record<string, unknown>) => d.gemm({ m: 2, n: 2, k: 2, a, b, c, ...o } as never);
          for (let i = 0; i < 3; i++) expect(Array.from(g({}))).toEqual(want);
          // c on a's buffer but past it: allowed.
          expect(Array.from(g({ c: new F(buf, 4 * E, 4) }))).toEqual(want);
          expect(() => g({ c: a })).toThrow(/c must not overlap a/);
          expect(() => g({ c: new F(buf, 2 * E, 4) })).toThrow(/c must not overlap a/);
          expect(() => g({ b: c })).toThrow(/c must not overlap b/);
          expect(Array.from(g({}))).toEqual(want);
          expect(() => g({ alpha: '1' })).toThrow(/alpha must be a number/);
          expect(() => g({ beta: null })).toThrow(/beta must be a number/);
          expect(() => g({ m: 2.5 })).toThrow(RangeError);
          expect(() => g({ k: '2' })).toThrow(/k must be a number/);
          expect(() => g({ transA: 1 })).toThrow(/transA must be a boolean/);
          expect(() => g({ layout: 'diagonal' })).toThrow(/layout must be/);
          expect(() => g({ ldc: 1 })).toThrow(/ldc must be at least/);
          expect(() => g({ c: new F(3) })).toThrow(/c is too short/);
          const other = F === Float64Array ? Float32Array : Float64Array;
          expect(() => g({ c: new other(4) })).toThrow(/c must have the same element type as a/);
          expect(() => g({ b: Array.from(b) })).toThrow(/b must be a Float64Array or Float32Array/);
          expect(Array.from(g({}))).toEqual(want);
          // Remembered operands whose buffer was detached since: still a TypeError naming it.
          const bb = b.buffer;
          structuredClone(bb, { transfer: [bb] });
          expect(() => g({})).toThrow(/b is backed by a detached ArrayBuffer/);
        });

        for (const [m, n] of [
          [1, 1],
          [5, 3],
          [33, 70],
        ] as Array<[number, number]>) {
          it(`gemv/ger ${m}×${n}, trans, strides, layouts`, async () => {
            use();
            for (const layout of ['row-major', 'column-major'] as const) {
              const col = layout === 'column-major';
              const lda = (col ? m : n) + 1;
              const a = rand(F, lda * (col ? n : m), 21);
              const A = (i: number, j: number): number => (col ? a[j * lda + i]! : a[i * lda + j]!);
              for (const trans of [false, true]) {
                const [xl, yl] = trans ? [m, n] : [n, m];
                const x = rand(F, xl * 2, 22);
                const y0 = rand(F, yl * 3, 23);
                const want = Array.from(y0);
                for (let r = 0; r < yl; r++) {
                  let s = 0;
                  for (let q = 0; q < xl; q++) s += (trans ? A(q, r) : A(r, q)) * x[q * 2]!;
                  want[r * 3] = 2 * s + 0.5 * y0[r * 3]!;
                }
                const y = F.from(y0);
                const opts = { m, n, a, x, y, alpha: 2, beta: 0.5, trans, lda, incX: 2, incY: 3, layout };
                expect(d.gemv(opts)).toBe(y);
                allClose(y, want, F, xl);
                const y2 = F.from(y0);
                await d.gemvAsync({ ...opts, y: y2 });
                allClose(y2, want, F, xl);
              }
              const x = rand(F, m, 24);
              const y = rand(F, n * 2, 25);
              const a2 = F.from(a);
              const want = Array.from(a);
              for (let i = 0; i < m; i++)
                for (let j = 0; j < n; j++) want[col ? j * lda + i : i * lda + j]! += -1 * x[i]! * y[j * 2]!;
              expect(d.ger({ m, n, x, y, a: a2, alpha: -1, lda, incY: 2, layout })).toBe(a2);
              allClose(a2, want, F);
              const a3 = F.from(a);
              await d.gerAsync({ m, n, x, y, a: a3, alpha: -1, lda, incY: 2, layout });
              allClose(a3, want, F);
            }
          });
        }
      });
    }

    it('NaN and extreme values', () => {
      use();
      const x = new Float64Array([1, Number.NaN, -5, 7]);
      expect(d.min(x)).toBeNaN();
      expect(d.max(x)).toBeNaN();
      expect(d.iamax(x)).toBe(3);
      expect(d.iamax(new Float64Array([Number.NaN, 9, 1]))).toBe(0);
      expect(d.iamax(new Float64Array([1, -7, 7]))).toBe(1);
      const nans = new Float64Array(5000).fill(Number.NaN);
      nans[4000] = -2;
      nans[0] = 1;
      expect(d.iamax(nans)).toBe(4000);
      expect(d.nrm2(new Float64Array([3e200, 4e200]))).toBeCloseTo(5e200, -190);
      expect(d.nrm2(new Float64Array([3e-200, 4e-200])) / 5e-200).toBeCloseTo(1, 12);
      expect(d.nrm2(new Float64Array([Number.POSITIVE_INFINITY, 1]))).toBe(Number.POSITIVE_INFINITY);
      expect(d.sum(new Float64Array([1e16, 1, -1e16]), { method: 'kahan' })).toBe(1);
      expect(d.variance(new Float64Array(100).fill(1e9 + 0.5))).toBe(0);
    });

    it('rejects bad input with errors naming the argument', async () => {
      use();
      const x = new Float64Array(4);
      const f32 = new Float32Array(4);
      const bad = [1, 2, 3, 4] as unknown as Float64Array;
      expect(() => d.dot(bad, x)).toThrow(/x must be a Float64Array or Float32Array/);
      expect(() => d.dot(x, f32 as unknown as Float64Array)).toThrow(TypeError);
      expect(() => d.dot(x, new Float64Array(3))).toThrow(RangeError);
      expect(() => d.axpy('2' as unknown as number, x, x)).toThrow(/alpha must be a number/);
      expect(() => d.add(x, new Float64Array(5))).toThrow(/b must have the same length/);
      expect(() => d.add(x, x, new Float64Array(3))).toThrow(/out must have the same length/);
      expect(() => d.clamp(x, 1, 0)).toThrow(RangeError);
      expect(() => d.sum(x, { method: 'fast' as 'kahan' })).toThrow(/method must be/);
      expect(() => d.variance(x, { ddof: -1 })).toThrow(/ddof/);
      expect(() => d.gemm({ m: 2, n: 2, k: 2, a: x, b: x, c: new Float64Array(3) })).toThrow(RangeError);
      expect(() => d.gemm({ m: -1, n: 2, k: 2, a: x, b: x, c: x })).toThrow(/m/);
      await expect(d.dotAsync(bad, x)).rejects.toThrow(TypeError);
      const buf = new ArrayBuffer(32);
      const det = new Float64Array(buf);
      structuredClone(buf, { transfer: [buf] });
      expect(() => d.dot(det, det)).toThrow(/detached/);
      expect(() => d.nrm2(det)).toThrow(/detached/);
    });
  });
}
