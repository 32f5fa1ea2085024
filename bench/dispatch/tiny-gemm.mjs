#!/usr/bin/env node
// Micro-benchmark of the small-size path of the routed gemm: a plain JS triple loop against
// @polycore/dispatch's gemm (auto routing) on n×n×n f64 products, n = 2, 4, 8. Prints ns per call
// (best of interleaved batches) and the ratio. `node bench/dispatch/tiny-gemm.mjs` (≈ 10 s).
import { performance } from 'node:perf_hooks';
import * as d from '@polycore/dispatch';

function plainGemm(n, a, b, c) {
  c.fill(0);
  for (let i = 0; i < n; i++)
    for (let p = 0; p < n; p++) {
      const aip = a[i * n + p];
      for (let j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
    }
}

function filled(len, seed) {
  const a = new Float64Array(len);
  let s = seed;
  for (let i = 0; i < len; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    a[i] = s / 2 ** 32 - 0.5;
  }
  return a;
}

d.currentCalibration(); // load or measure the calibration before timing
const rows = [];
for (const n of [2, 4, 8]) {
  const a = filled(n * n, 1);
  const b = filled(n * n, 2);
  const c = new Float64Array(n * n);
  const o = { m: n, n, k: n, a, b, c };
  const cands = {
    plain: (r) => {
      for (let i = 0; i < r; i++) plainGemm(n, a, b, c);
    },
    routed: (r) => {
      for (let i = 0; i < r; i++) d.gemm(o);
    },
  };
  const reps = Math.max(1000, Math.round(2e6 / (n * n * n)));
  const best = { plain: Infinity, routed: Infinity };
  for (let batch = 0; batch < 40; batch++) {
    for (const [name, run] of Object.entries(cands)) {
      const t0 = performance.now();
      run(reps);
      best[name] = Math.min(best[name], ((performance.now() - t0) * 1e6) / reps);
    }
  }
  rows.push({
    n,
    plain: best.plain,
    routed: best.routed,
    chose: d.explain('gemm', n, n, n, { sync: true }).choice,
  });
}
console.log('| n | plain JS loop | routed gemm | routed / plain | routed chose |');
console.log('| - | ------------- | ----------- | -------------- | ------------ |');
for (const r of rows)
  console.log(
    `| ${r.n} | ${r.plain.toFixed(1)} ns | ${r.routed.toFixed(1)} ns | ${(r.routed / r.plain).toFixed(2)} | ${r.chose} |`,
  );
