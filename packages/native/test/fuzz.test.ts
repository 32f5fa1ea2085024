/**
 * Fuzz: thousands of seeded random calls (mostly bad: wrong types, mixed dtypes, detached
 * buffers, bad strides/offsets/lengths, overlapping views of one buffer) into every level-1,
 * elementwise and reduction binding, sync and async. Every call must either throw/reject a
 * TypeError or RangeError with a message, or succeed with the result a plain-JS model computes
 * on a mirrored copy of the same memory.
 */
import * as P from '@polycore/native';
import { describe, expect, it } from 'vitest';
import { prng } from './level1.helpers.js';

type FA = Float64Array | Float32Array;
const isFA = (v: unknown): v is FA => v instanceof Float64Array || v instanceof Float32Array;

const rnd = prng(20261121);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

// Shared pools, so random views often alias each other.
const pools = [
  new Float64Array(32),
  new Float32Array(32),
  new Float64Array(new SharedArrayBuffer(8 * 32)),
  new Float32Array(new SharedArrayBuffer(4 * 32)),
];

function value(): number {
  const k = rnd();
  if (k < 0.03) return Number.NaN;
  if (k < 0.05) return pick([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  return rnd() * 2 - 1;
}

function refill(a: FA): FA {
  for (let i = 0; i < a.length; i++) a[i] = value();
  return a;
}

function array(dtypeHint?: 'f64' | 'f32'): unknown {
  const k = rnd();
  const dtype = dtypeHint && rnd() < 0.9 ? dtypeHint : pick(['f64', 'f32'] as const);
  if (k < 0.5) return refill(dtype === 'f64' ? new Float64Array(int(0, 12)) : new Float32Array(int(0, 12)));
  if (k < 0.8) {
    const pool = pick(pools.filter((p) => p instanceof Float64Array === (dtype === 'f64')));
    const s = int(0, 20);
    return pool.subarray(s, s + int(0, 12));
  }
  if (k < 0.85) {
    const d = new Float64Array(4);
    structuredClone(d.buffer, { transfer: [d.buffer] });
    return d;
  }
  return pick([
    null,
    undefined,
    3,
    'abc',
    [1, 2, 3],
    new Int32Array(4),
    {},
    new Uint8Array(8),
    new DataView(new ArrayBuffer(8)),
  ]);
}

const scalar = (): unknown =>
  pick([0, 1, -1, 2.5, -0.5, 1e30, 1e300, Number.NaN, Number.POSITIVE_INFINITY, '2', null, undefined]);
const intish = (): unknown =>
  pick([
    undefined,
    undefined,
    0,
    1,
    2,
    3,
    -1,
    -2,
    5,
    12,
    40,
    0.5,
    -0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    '1',
    null,
  ]);

function opts(two: boolean): unknown {
  const k = rnd();
  if (k < 0.3) return undefined;
  if (k < 0.35) return pick([null, 5, 'x']);
  const o: Record<string, unknown> = {};
  for (const key of two ? ['n', 'offsetX', 'incX', 'offsetY', 'incY'] : ['n', 'offsetX', 'incX']) {
    if (rnd() < 0.45) o[key] = intish();
  }
  return o;
}

// ---- the model -------------------------------------------------------------------------------

/** BLAS view resolution as documented: `[n, offset, inc]`, or null when it does not fit. */
function view(
  len: number,
  n: number | undefined,
  offset: number | undefined,
  inc: number,
): [number, number, number] | null {
  const step = Math.abs(inc);
  let off: number;
  if (offset === undefined) {
    if (n === undefined) n = Math.ceil(len / step);
    off = inc > 0 || n === 0 ? 0 : (n - 1) * step;
  } else {
    off = offset;
    if (n === undefined)
      n = off >= len ? 0 : inc > 0 ? Math.floor((len - 1 - off) / inc) + 1 : Math.floor(off / step) + 1;
  }
  if (n > 0 && (off >= len || off + (n - 1) * inc < 0 || off + (n - 1) * inc >= len)) return null;
  return [n, off, inc];
}

const f32 = (a: FA): boolean => a instanceof Float32Array;
const store = (a: FA, v: number): number => (f32(a) ? Math.fround(v) : v);

/** Mirrors `args` onto copies of their buffers (views keep their offsets, so aliasing is kept). */
function mirror(args: unknown[]): unknown[] {
  const copies = new Map<ArrayBufferLike, ArrayBuffer>();
  return args.map((a) => {
    if (!isFA(a) || P.isDetached(a)) return a;
    let c = copies.get(a.buffer);
    if (!c) {
      c = new ArrayBuffer(a.buffer.byteLength);
      new Uint8Array(c).set(new Uint8Array(a.buffer));
      copies.set(a.buffer, c);
    }
    return a instanceof Float64Array
      ? new Float64Array(c, a.byteOffset, a.length)
      : new Float32Array(c, a.byteOffset, a.length);
  });
}

/** Resolved level-1 views from an options bag (already validated by a successful call). */
function l1(
  x: FA,
  y: FA | null,
  o: Record<string, number> | undefined,
): { n: number; xs: number[]; ys: number[] } {
  const ix = o?.incX ?? 1;
  const iy = o?.incY ?? 1;
  const vx = view(x.length, o?.n, o?.offsetX, ix);
  const vy = y ? view(y.length, o?.n, o?.offsetY, iy) : null;
  if (!vx) throw new Error('model: x view should have fitted');
  const n = vx[0];
  const idx = (v: [number, number, number]) => Array.from({ length: n }, (_, i) => v[1] + i * v[2]);
  return { n, xs: idx(vx), ys: vy ? idx(vy) : [] };
}

const nanMin = (a: number, b: number): number =>
  Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.min(a, b);
const nanMax = (a: number, b: number): number =>
  Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b);

/** What the model returns (and does to the mirrored arrays) for a successful call. */
type Model = (m: unknown[]) => unknown;

function sumOf(v: number[]): number {
  return v.reduce((s, t) => s + t, 0);
}

const MODELS: Record<string, Model> = {
  dot: ([x, y, o]) => {
    const { xs, ys } = l1(x as FA, y as FA, o as never);
    return sumOf(xs.map((i, k) => (x as FA)[i]! * (y as FA)[ys[k]!]!));
  },
  axpy: ([alpha, x, y, o]) => {
    const a = f32(x as FA) ? Math.fround(alpha as number) : (alpha as number);
    const { xs, ys } = l1(x as FA, y as FA, o as never);
    const Y = y as FA;
    if (a !== 0) {
      xs.forEach((i, k) => {
        Y[ys[k]!] = store(Y, Y[ys[k]!]! + store(Y, a * (x as FA)[i]!));
      });
    }
    return y;
  },
  scal: ([alpha, x, o]) => {
    const a = f32(x as FA) ? Math.fround(alpha as number) : (alpha as number);
    for (const i of l1(x as FA, null, o as never).xs) (x as FA)[i] = store(x as FA, a * (x as FA)[i]!);
    return x;
  },
  copy: ([x, y, o]) => {
    const { xs, ys } = l1(x as FA, y as FA, o as never);
    xs.forEach((i, k) => {
      (y as FA)[ys[k]!] = (x as FA)[i]!;
    });
    return y;
  },
  swap: ([x, y, o]) => {
    const { xs, ys } = l1(x as FA, y as FA, o as never);
    xs.forEach((i, k) => {
      const t = (x as FA)[i]!;
      (x as FA)[i] = (y as FA)[ys[k]!]!;
      (y as FA)[ys[k]!] = t;
    });
    return undefined;
  },
  rot: ([x, y, c0, s0, o]) => {
    const X = x as FA;
    const Y = y as FA;
    const [c, s] = f32(X)
      ? [Math.fround(c0 as number), Math.fround(s0 as number)]
      : [c0 as number, s0 as number];
    const { xs, ys } = l1(X, Y, o as never);
    xs.forEach((i, k) => {
      const [a, b] = [X[i]!, Y[ys[k]!]!];
      Y[ys[k]!] = store(Y, c * b - s * a);
      X[i] = store(X, c * a + s * b);
    });
    return undefined;
  },
  nrm2: ([x, o]) => Math.sqrt(sumOf(l1(x as FA, null, o as never).xs.map((i) => (x as FA)[i]! ** 2))),
  asum: ([x, o]) => sumOf(l1(x as FA, null, o as never).xs.map((i) => Math.abs((x as FA)[i]!))),
  iamax: ([x, o]) => {
    const v = l1(x as FA, null, o as never).xs.map((i) => Math.abs((x as FA)[i]!));
    if (v.length === 0) return -1;
    let best = 0;
    for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
    return best;
  },
  sum: ([x]) => sumOf(Array.from(x as FA)),
  min: ([x]) => Array.from(x as FA).reduce(nanMin),
  max: ([x]) => Array.from(x as FA).reduce(nanMax),
  mean: ([x]) => ((x as FA).length ? sumOf(Array.from(x as FA)) / (x as FA).length : Number.NaN),
  variance: ([x, o]) => {
    const a = Array.from(x as FA);
    const ddof = (o as { ddof?: number } | undefined)?.ddof ?? 0;
    if (a.length <= ddof) return Number.NaN;
    const m = sumOf(a) / a.length;
    return sumOf(a.map((v) => (v - m) ** 2)) / (a.length - ddof);
  },
};

function elementwise(f: (...v: number[]) => number, arity: number): Model {
  return (m) => {
    const ins = m.slice(0, arity) as FA[];
    const first = ins[0]!;
    const out = (
      isFA(m[arity])
        ? m[arity]
        : first instanceof Float64Array
          ? new Float64Array(first.length)
          : new Float32Array(first.length)
    ) as FA;
    for (let i = 0; i < first.length; i++) out[i] = store(out, f(...ins.map((a) => a[i]!)));
    return out;
  };
}
const clampModel: Model = (m) => {
  const [x, lo, hi, out] = m as [FA, number, number, FA | undefined];
  const o = out ?? (x instanceof Float64Array ? new Float64Array(x.length) : new Float32Array(x.length));
  const [l, h] = f32(x) ? [Math.fround(lo), Math.fround(hi)] : [lo, hi];
  for (let i = 0; i < x.length; i++) o[i] = Number.isNaN(x[i]!) ? x[i]! : Math.min(Math.max(x[i]!, l), h);
  return o;
};
Object.assign(MODELS, {
  add: elementwise((a, b) => a! + b!, 2),
  sub: elementwise((a, b) => a! - b!, 2),
  mul: elementwise((a, b) => a! * b!, 2),
  div: elementwise((a, b) => a! / b!, 2),
  minimum: elementwise((a, b) => nanMin(a!, b!), 2),
  maximum: elementwise((a, b) => nanMax(a!, b!), 2),
  fma: elementwise((a, b, c) => a! * b! + c!, 3),
  sqrt: elementwise((a) => Math.sqrt(a!), 1),
  exp: elementwise((a) => Math.exp(a!), 1),
  log: elementwise((a) => Math.log(a!), 1),
  abs: elementwise((a) => Math.abs(a!), 1),
  clamp: clampModel,
});

// ---- argument shapes of every public function --------------------------------------------------

type Gen = (hint: 'f64' | 'f32') => unknown;
const A: Gen = (h) => array(h);
const S: Gen = () => scalar();
const O1: Gen = () => opts(false);
const O2: Gen = () => opts(true);
const OUT: Gen = (h) => (rnd() < 0.3 ? undefined : array(h));
const SUMO: Gen = () =>
  pick([undefined, { method: 'kahan' }, { method: 'pairwise' }, { method: 'x' }, 3, {}]);
const VARO: Gen = () =>
  pick([undefined, { ddof: 0 }, { ddof: 1 }, { ddof: 30 }, { ddof: -1 }, { ddof: 0.5 }, 'x']);

const SHAPES: Record<string, Gen[]> = {
  dot: [A, A, O2],
  axpy: [S, A, A, O2],
  scal: [S, A, O1],
  copy: [A, A, O2],
  swap: [A, A, O2],
  rot: [A, A, S, S, O2],
  nrm2: [A, O1],
  asum: [A, O1],
  iamax: [A, O1],
  add: [A, A, OUT],
  sub: [A, A, OUT],
  mul: [A, A, OUT],
  div: [A, A, OUT],
  minimum: [A, A, OUT],
  maximum: [A, A, OUT],
  fma: [A, A, A, OUT],
  sqrt: [A, OUT],
  exp: [A, OUT],
  log: [A, OUT],
  abs: [A, OUT],
  clamp: [A, S, S, OUT],
  sum: [A, SUMO],
  min: [A],
  max: [A],
  mean: [A],
  variance: [A, VARO],
};

function near(got: unknown, want: unknown, dtype32: boolean, scale: number): boolean {
  if (typeof want === 'number') {
    if (typeof got !== 'number') return false;
    if (Number.isNaN(want)) return Number.isNaN(got);
    if (!Number.isFinite(want)) return got === want;
    return Math.abs(got - want) <= (dtype32 ? 1e-5 : 1e-12) * Math.max(1, scale, Math.abs(want));
  }
  if (isFA(want)) {
    if (!isFA(got) || got.length !== want.length) return false;
    for (let i = 0; i < want.length; i++) if (!near(got[i], want[i], dtype32, 1)) return false;
    return true;
  }
  return got === want;
}

async function one(name: string, useAsync: boolean): Promise<'ok' | 'rejected'> {
  const hint = pick(['f64', 'f32'] as const);
  const args = SHAPES[name]!.map((g) => g(hint));
  const twin = mirror(args);
  const fn = (P as unknown as Record<string, (...a: unknown[]) => unknown>)[
    useAsync ? `${name}Async` : name
  ]!;
  let got: unknown;
  try {
    got = useAsync ? await fn(...args) : fn(...args);
  } catch (e) {
    const clear = (e instanceof TypeError || e instanceof RangeError) && e.message.length > 10;
    if (!clear) throw new Error(`${name}(${useAsync ? 'async' : 'sync'}) threw ${String(e)}`);
    return 'rejected';
  }
  const want = MODELS[name]!(twin);
  const dtype32 = args.some((a) => a instanceof Float32Array);
  const scale = args
    .filter(isFA)
    .reduce((s, a) => s + Array.from(a).reduce((t, v) => t + (Number.isFinite(v) ? Math.abs(v) : 0), 0), 0);
  // returned arrays that are arguments are compared through the arguments below
  const returnedArg = args.some((a) => a === got);
  if (!returnedArg && !near(got, want, dtype32, scale)) {
    throw new Error(`${name}: returned ${String(got)}, model ${String(want)} for ${describeArgs(args)}`);
  }
  args.forEach((a, i) => {
    if (isFA(a) && !P.isDetached(a) && !near(a, twin[i], dtype32, 1)) {
      throw new Error(`${name}: argument ${i} differs from the model for ${describeArgs(args)}`);
    }
  });
  return 'ok';
}

function describeArgs(args: unknown[]): string {
  return args
    .map((a) =>
      isFA(a)
        ? `${a.constructor.name}(${a.length}@${a.byteOffset}${a.buffer instanceof SharedArrayBuffer ? ',shared' : ''})`
        : JSON.stringify(a),
    )
    .join(', ');
}

describe('fuzz: every level-1, elementwise and reduction binding', () => {
  it('4000 random calls: each is correct or a clear TypeError/RangeError', async () => {
    const names = Object.keys(SHAPES);
    const tally = { ok: 0, rejected: 0 };
    for (let k = 0; k < 4000; k++) {
      for (const p of pools) if (rnd() < 0.1) refill(p);
      tally[await one(names[k % names.length]!, rnd() < 0.25)]++;
    }
    // both outcomes must be well represented, or the fuzzer is not exploring
    expect(tally.ok).toBeGreaterThan(300);
    expect(tally.rejected).toBeGreaterThan(1000);
  });
});

describe('fuzz: raw native bindings (memory safety does not depend on the TS wrapper)', () => {
  it('3000 unchecked calls with random sizes, offsets, strides and arrays never crash', async () => {
    const b = P.native() as unknown as Record<string, (...a: unknown[]) => unknown>;
    const num = (): unknown =>
      pick([0, 1, 2, 3, 7, -1, -3, 0.5, 1e9, -1e18, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY]);
    const arr = (): unknown => (rnd() < 0.9 ? array() : pick([null, 'x', 1]));
    const raw: Record<string, (() => unknown)[]> = {
      dot: [num, arr, num, num, arr, num, num],
      axpy: [num, num, arr, num, num, arr, num, num],
      copy: [num, arr, num, num, arr, num, num],
      swap: [num, arr, num, num, arr, num, num],
      rot: [num, arr, num, num, arr, num, num, num, num],
      scal: [num, num, arr, num, num],
      nrm2: [num, arr, num, num],
      asum: [num, arr, num, num],
      iamax: [num, arr, num, num],
      dotContiguous: [arr, arr],
      unary: [() => int(-1, 5), arr, arr],
      binary: [() => int(-1, 7), arr, arr, arr],
      fma: [arr, arr, arr, arr],
      clamp: [arr, num, num, arr],
      reduce: [() => int(-1, 7), arr, num],
    };
    const names = Object.keys(raw);
    let errors = 0;
    for (let k = 0; k < 3000; k++) {
      const name = names[k % names.length]!;
      const args = raw[name]!.map((g) => g());
      const useAsync = rnd() < 0.2 && typeof b[`${name}Async`] === 'function';
      try {
        const r = (useAsync ? b[`${name}Async`] : b[name])!(...args);
        if (useAsync) await r;
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(500);
  });
});
