#!/usr/bin/env node
// Oracle check: polycore's level-1, elementwise and reduction kernels against numpy/OpenBLAS on
// random sizes (0 … 1e5), strides (incl. negative, BLAS semantics), f64 and f32, and data that is
// ordinary, huge (1e150…), tiny (1e-160…) or holds NaN/Inf. Writes operands and polycore's
// results to a temp folder; level1.py recomputes them with OpenBLAS's CBLAS (ctypes into numpy's
// bundled scipy_openblas64) and numpy, and reports the worst error relative to each op's bound.
// Exit code 1 if any case breaks its bound.  Usage: node bench/oracle/level1.mjs [cases=300]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as native from '@polycore/native';

/** The kernels by name (an explicit table rather than dynamic namespace access). */
const P = { ...native };

const here = dirname(fileURLToPath(import.meta.url));
const CASES = Number(process.argv[2] ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'polycore-oracle-level1-'));
let seed = 777;
const rnd = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const int = (n) => Math.floor(rnd() * n);
const pick = (xs) => xs[int(xs.length)];

function data(Ctor, len, kind) {
  const scale = {
    normal: 1,
    huge: Ctor === Float64Array ? 1e150 : 1e18,
    tiny: Ctor === Float64Array ? 1e-160 : 1e-20,
    special: 1,
  }[kind];
  const a = Ctor.from({ length: len }, () => (rnd() * 2 - 1) * scale);
  if (kind === 'special' && len > 2) {
    a[int(len)] = pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  }
  return a;
}

const L1 = ['dot', 'axpy', 'scal', 'copy', 'swap', 'rot', 'nrm2', 'asum', 'iamax'];
const EW = ['add', 'sub', 'mul', 'div', 'minimum', 'maximum', 'fma', 'sqrt', 'exp', 'log', 'abs', 'clamp'];
const RED = ['sum', 'kahan', 'min', 'max', 'mean', 'variance'];
const cases = [];
let file = 0;
const save = (arr) => {
  const name = `${file++}.bin`;
  writeFileSync(join(dir, name), new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
  return name;
};

for (let i = 0; i < CASES; i++) {
  const Ctor = i % 2 ? Float32Array : Float64Array;
  const dtype = i % 2 ? 'f32' : 'f64';
  const n = pick([0, 1, 2, 7, 33, 100, 1000, 4097, 100_003]);
  const family = pick(['l1', 'l1', 'ew', 'red']);
  if (family === 'l1') {
    const op = pick(L1);
    // NaN/Inf cases only where every BLAS agrees on the result (sums propagate them)
    const kind = pick([
      'normal',
      'normal',
      'huge',
      'tiny',
      ...(['dot', 'nrm2', 'asum'].includes(op) ? ['special'] : []),
    ]);
    // Reference BLAS ignores one-vector calls with inc <= 0; polycore walks backwards, so those
    // are compared with |inc| (same elements) and iamax (whose index depends on order) with inc > 0.
    const incX = op === 'iamax' ? pick([1, 2, 3]) : pick([1, 1, 2, -1, -3]);
    const incY = pick([1, 1, 3, -1, -2]);
    const span = (inc) => (n === 0 ? 0 : (n - 1) * Math.abs(inc) + 1);
    const x = data(Ctor, span(incX), kind);
    const y = data(Ctor, span(incY), kind === 'special' ? 'normal' : kind);
    const [alpha, c, s] = [pick([0.5, -2, 0]), 0.6, 0.8];
    const ins = { x: save(x), y: save(y) };
    const xo = x.slice();
    const yo = y.slice();
    const opts = { n, incX, incY };
    let result = null;
    if (op === 'dot') result = P.dot(xo, yo, opts);
    else if (op === 'axpy') P.axpy(alpha, xo, yo, opts);
    else if (op === 'scal') P.scal(alpha, xo, { n, incX });
    else if (op === 'copy') P.copy(xo, yo, opts);
    else if (op === 'swap') P.swap(xo, yo, opts);
    else if (op === 'rot') P.rot(xo, yo, c, s, opts);
    else result = P[op](xo, { n, incX });
    cases.push({
      family,
      op,
      dtype,
      n,
      incX,
      incY,
      alpha,
      c,
      s,
      kind,
      ins,
      result: String(result),
      outs: { x: save(xo), y: save(yo) },
    });
  } else if (family === 'ew') {
    const op = pick(EW);
    const [a, b, cc] = [data(Ctor, n, 'normal'), data(Ctor, n, 'normal'), data(Ctor, n, 'normal')];
    if (['sqrt', 'log'].includes(op)) for (let k = 0; k < n; k++) a[k] = Math.abs(a[k]);
    const out =
      op === 'fma'
        ? P.fma(a, b, cc)
        : op === 'clamp'
          ? P.clamp(a, -0.5, 0.25)
          : ['sqrt', 'exp', 'log', 'abs'].includes(op)
            ? P[op](a)
            : P[op](a, b);
    cases.push({
      family,
      op,
      dtype,
      n,
      ins: { a: save(a), b: save(b), c: save(cc) },
      outs: { out: save(out) },
    });
  } else {
    const op = pick(RED);
    const x = data(Ctor, Math.max(n, 1), pick(['normal', 'normal', 'special']));
    const ddof = pick([0, 1]);
    const result =
      op === 'kahan' ? P.sum(x, { method: 'kahan' }) : op === 'variance' ? P.variance(x, { ddof }) : P[op](x);
    cases.push({ family, op, dtype, n: x.length, ddof, ins: { x: save(x) }, result: String(result) });
  }
}
writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
const r = spawnSync('python3', [join(here, 'level1.py'), dir], { stdio: 'inherit' });
rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
