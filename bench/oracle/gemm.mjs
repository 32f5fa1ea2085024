#!/usr/bin/env node
// Oracle check: polycore's gemm/gemv against numpy (float64 and float32) on random shapes,
// transposes, layouts, padded leading dimensions and alpha/beta. Writes the operands to a temp
// folder, lets numpy compute the same products, and reports the worst error relative to the
// bound (k+2)·eps·(|alpha|·Σ|a||b| + |beta·c|). Exit code 1 if any case breaks its bound.
// Usage: node bench/oracle/gemm.mjs [cases=200]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gemm, gemv, normalizeGemm, normalizeGemv } from '@polycore/native';

const CASES = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'polycore-oracle-gemm-'));
let seed = 12345;
const rnd = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const int = (n) => Math.floor(rnd() * n);
const randArr = (Ctor, len) => Ctor.from({ length: len }, () => rnd() * 2 - 1);

const cases = [];
for (let i = 0; i < CASES; i++) {
  const Ctor = i % 2 ? Float32Array : Float64Array;
  const big = i % 10 === 0;
  const colMajor = rnd() < 0.5;
  const st = (r, c) => (colMajor ? [c, r] : [r, c]);
  const kind = i % 4 === 3 ? 'gemv' : 'gemm';
  const m = big ? 150 + int(150) : int(40);
  const n = big ? 150 + int(150) : int(40);
  const k = big ? 150 + int(150) : int(40);
  const alpha = [1, -0.5, 2][int(3)];
  const beta = [0, 1, 0.25][int(3)];
  if (kind === 'gemm') {
    const [transA, transB] = [rnd() < 0.5, rnd() < 0.5];
    const [ar, ac] = st(transA ? k : m, transA ? m : k);
    const [br, bc] = st(transB ? n : k, transB ? k : n);
    const [cr, cc] = st(m, n);
    const [lda, ldb, ldc] = [Math.max(1, ac) + int(3), Math.max(1, bc) + int(3), Math.max(1, cc) + int(3)];
    const o = {
      m,
      n,
      k,
      transA,
      transB,
      lda,
      ldb,
      ldc,
      alpha,
      beta,
      layout: colMajor ? 'column-major' : 'row-major',
      a: randArr(Ctor, Math.max(1, ar) * lda),
      b: randArr(Ctor, Math.max(1, br) * ldb),
      c: randArr(Ctor, Math.max(1, cr) * ldc),
    };
    normalizeGemm(o);
    cases.push({ kind, o, c0: o.c.slice() });
  } else {
    const trans = rnd() < 0.5;
    const [rows, cols] = st(m, n);
    const lda = Math.max(1, cols) + int(3);
    const [nx, ny] = trans ? [m, n] : [n, m];
    const o = {
      m,
      n,
      trans,
      lda,
      alpha,
      beta,
      layout: colMajor ? 'column-major' : 'row-major',
      a: randArr(Ctor, Math.max(1, rows) * lda),
      x: randArr(Ctor, nx),
      y: randArr(Ctor, ny),
    };
    normalizeGemv(o);
    cases.push({ kind, o, c0: o.y.slice() });
  }
}

// Operands + metadata for numpy, then polycore computes in place.
const meta = cases.map(({ kind, o, c0 }, i) => {
  const dtype = o.a instanceof Float64Array ? 'f8' : 'f4';
  const files = kind === 'gemm' ? { a: o.a, b: o.b, c: c0 } : { a: o.a, x: o.x, y: c0 };
  for (const [name, arr] of Object.entries(files))
    writeFileSync(join(dir, `${i}-${name}.bin`), Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength));
  const { a, b, c, x, y, ...shape } = o;
  return { i, kind, dtype, ...shape, len: kind === 'gemm' ? o.c.length : o.y.length };
});
writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
for (const { kind, o } of cases) (kind === 'gemm' ? gemm : gemv)(o);

const py = `
import json, sys, numpy as np
d = sys.argv[1]
meta = json.load(open(d + '/meta.json'))
def mat(arr, rows, cols, ld, col_major):
    # logical rows x cols matrix stored with leading dimension ld
    if rows == 0 or cols == 0: return np.zeros((rows, cols), arr.dtype)
    if col_major: return np.lib.stride_tricks.as_strided(arr, (rows, cols), (arr.itemsize, ld * arr.itemsize))
    return np.lib.stride_tricks.as_strided(arr, (rows, cols), (ld * arr.itemsize, arr.itemsize))
for c in meta:
    i, cm, dt = c['i'], c['layout'] == 'column-major', np.dtype(c['dtype'])
    f = lambda n: np.fromfile(f"{d}/{i}-{n}.bin", dtype=dt)
    if c['kind'] == 'gemm':
        m, n, k = c['m'], c['n'], c['k']
        A = mat(f('a'), k if c['transA'] else m, m if c['transA'] else k, c['lda'], cm)
        B = mat(f('b'), n if c['transB'] else k, k if c['transB'] else n, c['ldb'], cm)
        A = A.T if c['transA'] else A; B = B.T if c['transB'] else B
        cbuf = f('c').copy(); C = mat(cbuf, m, n, c['ldc'], cm)
        mag = np.abs(A).astype(np.float64) @ np.abs(B).astype(np.float64) if k else np.zeros((m, n))
        old = (c['beta'] * C.astype(np.float64)) if c['beta'] != 0 else np.zeros((m, n))
        prod = (A @ B).astype(np.float64) if k else np.zeros((m, n))
        want = c['alpha'] * prod + old
        bound = (k + 2) * np.finfo(dt).eps * (abs(c['alpha']) * mag + np.abs(old)) + 1e-300
        C[...] = want.astype(dt)
        out = cbuf
    else:
        m, n = c['m'], c['n']
        A = mat(f('a'), m, n, c['lda'], cm); A = A.T if c['trans'] else A
        x = f('x'); y0 = f('y').astype(np.float64)
        old = c['beta'] * y0 if c['beta'] != 0 else np.zeros_like(y0)
        want = c['alpha'] * (A.astype(np.float64) @ x.astype(np.float64)) + old
        bound = (A.shape[1] + 2) * np.finfo(dt).eps * (abs(c['alpha']) * (np.abs(A).astype(np.float64) @ np.abs(x).astype(np.float64)) + np.abs(old)) + 1e-300
        out = want.astype(dt)
    want.astype(np.float64).tofile(f"{d}/{i}-want.bin"); np.broadcast_to(bound, want.shape).astype(np.float64).tofile(f"{d}/{i}-bound.bin")
print('ok')
`;
const r = spawnSync('python3', ['-c', py, dir], { encoding: 'utf8' });
if (r.status !== 0) throw new Error(`numpy side failed: ${r.stderr}`);

// Compare polycore's output (logical m×n / vector) with numpy's reference.
let worst = 0;
let failures = 0;
cases.forEach(({ kind, o }, i) => {
  const f64 = (name) => new Float64Array(new Uint8Array(readFileSync(join(dir, `${i}-${name}.bin`))).buffer);
  const want = f64('want');
  const bound = f64('bound');
  const cm = o.layout === 'column-major';
  const at = (p, q) => (kind === 'gemm' ? (cm ? p + q * o.ldc : p * o.ldc + q) : p);
  const [rows, cols] = kind === 'gemm' ? [o.m, o.n] : [want.length, 1];
  const got = kind === 'gemm' ? o.c : o.y;
  for (let p = 0; p < rows; p++) {
    for (let q = 0; q < cols; q++) {
      const e = Math.abs(got[at(p, q)] - want[p * cols + q]) / bound[p * cols + q];
      if (!(e <= 1) && failures++ < 3)
        console.log(
          `case ${i} (${kind}) element (${p}, ${q}): got ${got[at(p, q)]}, numpy ${want[p * cols + q]}`,
        );
      if (e > worst) worst = e;
    }
  }
});
rmSync(dir, { recursive: true, force: true });
console.log(
  `${cases.length} cases (gemm + gemv, f64 + f32, both layouts, transposes, padded ld): worst error = ${worst.toFixed(3)} of the bound; ${failures} elements over it`,
);
process.exit(failures ? 1 : 0);
