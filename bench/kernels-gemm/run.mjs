#!/usr/bin/env node
// bench/kernels-gemm: gemm and gemv, f64 and f32, 1 and 2 threads, n = 64 … 2048, measured in
// one run against numpy/OpenBLAS (OPENBLAS_NUM_THREADS=1 and 2, in child processes),
// @stdlib/blas (JavaScript), and a plain JS loop (small sizes). Prints a markdown table and
// writes bench/results/kernels-gemm.json, RESULTS.md and chart.svg. Whole run < 3 minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuInfo, gemm, gemv, getNumThreads, nativeStatus, setNumThreads } from '@polycore/native';
import { lineChartSvg } from '../lib/line-chart.mjs';

const require = createRequire(import.meta.url);
const dgemm = require('@stdlib/blas/base/dgemm');
const dgemv = require('@stdlib/blas/base/dgemv');
const sgemm = require('@stdlib/blas/base/sgemm');
const sgemv = require('@stdlib/blas/base/sgemv');

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [64, 128, 256, 512, 1024, 2048];
const BUDGET = Number(process.env.BENCH_BUDGET_S ?? 0.2); // seconds of timing per cell (at least 3 reps)
const STDLIB_GEMM_MAX = 512; // @stdlib's JS dgemm runs at ≈ 0.3–1 GFLOP/s: 1024 would take ~20 s
const LOOP_MAX = 256; // plain JS triple loop: small sizes only
const PEAK = { f64: 50, f32: 100 }; // GFLOP/s per core (AVX2 FMA, Zen 3 class)
const THREADS = [1, 2];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2); // whole rounds; each cell keeps its best

if (!nativeStatus().loaded) throw new Error(`native core not loaded: ${nativeStatus().error}`);

/**
 * GFLOP/s of the fastest rep of `fn` (one warm-up call, then ≥ 3 reps or `budget` seconds, ≤ maxReps).
 * Fastest, not median: on a shared machine the least-disturbed rep is the kernel's speed; every
 * implementation is measured the same way.
 */
function measure(fn, flops, maxReps = 200) {
  fn();
  // Small calls are timed in batches of ≥ 0.1 ms so the timer's own cost does not count.
  let t = performance.now();
  fn();
  const inner = Math.min(10000, Math.max(1, Math.ceil(0.1 / Math.max(performance.now() - t, 1e-4))));
  const times = [];
  const start = performance.now();
  while (times.length < maxReps && (times.length < 3 || performance.now() - start < BUDGET * 1e3)) {
    t = performance.now();
    for (let i = 0; i < inner; i++) fn();
    times.push((performance.now() - t) / inner);
  }
  return flops / (Math.min(...times) / 1e3) / 1e9;
}

function rand(Ctor, len, seed) {
  const out = new Ctor(len);
  let s = seed >>> 0;
  for (let i = 0; i < len; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** The C-style i-k-j triple loop a JS developer would write (row-major). */
function jsGemm(n, a, b, c) {
  c.fill(0);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      const bo = k * n;
      const co = i * n;
      for (let j = 0; j < n; j++) c[co + j] += aik * b[bo + j];
    }
  }
}

const dtypes = [
  ['f64', Float64Array, dgemm, dgemv],
  ['f32', Float32Array, sgemm, sgemv],
];

// ---- OpenBLAS through numpy, one child process per thread count (read at load time) ----
function openblas(threads) {
  const env = { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) };
  const cfg = JSON.stringify({ gemm: SIZES, gemv: SIZES, budget: BUDGET });
  const r = spawnSync('python3', [join(here, 'openblas_peer.py'), cfg], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openblas peer failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const results = {
  machine: cpuInfo(),
  sizes: SIZES,
  polycore: {},
  openblas: {},
  stdlib: { gemm: {}, gemv: {} },
  jsloop: { gemm: {} },
};
const t0 = performance.now();
const originalThreads = getNumThreads();

/** Keeps the better (higher GFLOP/s) value of each cell across rounds. */
function merge(into, from) {
  for (const op of ['gemm', 'gemv']) {
    into[op] ??= {};
    for (const [key, v] of Object.entries(from[op])) into[op][key] = Math.max(into[op][key] ?? 0, v);
  }
}

// Whole rounds, alternating OpenBLAS and polycore, so a noisy minute on the shared machine hits
// both; each cell keeps its best round.
for (let round = 0; round < ROUNDS; round++) {
  for (const threads of THREADS) {
    const ob = openblas(threads);
    results.openblas[threads] ??= {};
    merge(results.openblas[threads], ob);
    results.numpy = ob.numpy;
    results.openblasVersion = ob.openblas;
    setNumThreads(threads);
    const pc = { gemm: {}, gemv: {} };
    for (const [dt, Ctor] of dtypes) {
      for (const n of SIZES) {
        const a = rand(Ctor, n * n, 1);
        const b = rand(Ctor, n * n, 2);
        const c = new Ctor(n * n);
        pc.gemm[`${dt}:${n}`] = measure(
          () => gemm({ m: n, n, k: n, a, b, c }),
          2 * n ** 3,
          n >= 2048 ? 3 : 200,
        );
        const x = rand(Ctor, n, 3);
        const y = new Ctor(n);
        pc.gemv[`${dt}:${n}`] = measure(() => gemv({ m: n, n, a, x, y }), 2 * n * n, 500);
      }
    }
    results.polycore[threads] ??= {};
    merge(results.polycore[threads], pc);
    console.error(
      `round ${round + 1}, threads=${threads} done at ${((performance.now() - t0) / 1e3).toFixed(1)} s`,
    );
  }
}
setNumThreads(originalThreads);

// ---- single-threaded JavaScript peers ----
for (const [dt, Ctor, xgemm, xgemv] of dtypes) {
  for (const n of SIZES) {
    const a = rand(Ctor, n * n, 1);
    const b = rand(Ctor, n * n, 2);
    const c = new Ctor(n * n);
    if (n <= STDLIB_GEMM_MAX) {
      const reps = n >= 1024 ? 1 : 200;
      results.stdlib.gemm[`${dt}:${n}`] = measure(
        () => xgemm('row-major', 'no-transpose', 'no-transpose', n, n, n, 1, a, n, b, n, 0, c, n),
        2 * n ** 3,
        reps,
      );
    }
    if (n <= LOOP_MAX) results.jsloop.gemm[`${dt}:${n}`] = measure(() => jsGemm(n, a, b, c), 2 * n ** 3, 50);
    const x = rand(Ctor, n, 3);
    const y = new Ctor(n);
    results.stdlib.gemv[`${dt}:${n}`] = measure(
      () => xgemv('row-major', 'no-transpose', n, n, 1, a, n, x, 1, 0, y, 1),
      2 * n * n,
      200,
    );
  }
}
// ---- Rust crates without N-API: the gemm crate (what polycore builds on) vs matrixmultiply, and
// the two ways of threading it. Built by `cargo build --release -p polycore-kernels --example gemm_crates`.
const exe = join(here, '..', '..', 'target', 'release', 'examples', 'gemm_crates');
let thresholdTable = '(not measured)';
let crateTable =
  '(not measured: build it with `cargo build --release -p polycore-kernels --example gemm_crates`)';
if (existsSync(exe)) {
  const r = spawnSync(exe, ['256', '1024', '2048'], { encoding: 'utf8' });
  if (r.status === 0) crateTable = r.stdout.trim();
  const t = spawnSync(exe, ['threshold'], { encoding: 'utf8' });
  if (t.status === 0) thresholdTable = t.stdout.trim();
}
results.crates = crateTable;
results.threshold = thresholdTable;
results.seconds = (performance.now() - t0) / 1e3;

// ---- report ----
const f = (v) => (v === undefined ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a, b) => (a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`);
function table(op) {
  const lines = [
    `| ${op} | n | threads | polycore GFLOP/s | % of peak | OpenBLAS | polycore / OpenBLAS | @stdlib/blas | JS loop |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [dt] of dtypes) {
    for (const n of SIZES) {
      for (const t of THREADS) {
        const key = `${dt}:${n}`;
        const pc = results.polycore[t][op][key];
        const ob = results.openblas[t][op][key];
        const peak = op === 'gemm' ? `${((100 * pc) / (PEAK[dt] * t)).toFixed(0)}%` : '(memory-bound)';
        const js = t === 1 ? results.stdlib[op][key] : undefined;
        const loop = t === 1 && op === 'gemm' ? results.jsloop.gemm[key] : undefined;
        lines.push(
          `| ${dt === 'f64' ? 'd' : 's'}${op} | ${n} | ${t} | ${f(pc)} | ${peak} | ${f(ob)} | ${ratio(pc, ob)} | ${f(js)} | ${f(loop)} |`,
        );
      }
    }
  }
  return lines.join('\n');
}

const gemmTable = table('gemm');
const gemvTable = table('gemv');
console.log(`${gemmTable}\n\n${gemvTable}`);

mkdirSync(join(here, '..', 'results'), { recursive: true });
writeFileSync(join(here, '..', 'results', 'kernels-gemm.json'), JSON.stringify(results, null, 2));

const series = (dt) => [
  {
    name: 'polycore, 2 threads',
    points: SIZES.map((n) => [n, results.polycore[2].gemm[`${dt}:${n}`]]),
    bold: true,
  },
  {
    name: 'OpenBLAS, 2 threads',
    points: SIZES.map((n) => [n, results.openblas[2].gemm[`${dt}:${n}`]]),
    dashed: true,
  },
  {
    name: 'polycore, 1 thread',
    points: SIZES.map((n) => [n, results.polycore[1].gemm[`${dt}:${n}`]]),
    bold: true,
  },
  {
    name: 'OpenBLAS, 1 thread',
    points: SIZES.map((n) => [n, results.openblas[1].gemm[`${dt}:${n}`]]),
    dashed: true,
  },
  {
    name: '@stdlib/blas (JS)',
    points: SIZES.filter((n) => n <= STDLIB_GEMM_MAX).map((n) => [n, results.stdlib.gemm[`${dt}:${n}`]]),
  },
  {
    name: 'JS triple loop',
    points: SIZES.filter((n) => n <= LOOP_MAX).map((n) => [n, results.jsloop.gemm[`${dt}:${n}`]]),
  },
];
writeFileSync(
  join(here, 'chart.svg'),
  lineChartSvg(
    [
      { title: 'dgemm (f64)', series: series('f64') },
      { title: 'sgemm (f32)', series: series('f32') },
    ],
    {
      title: 'gemm GFLOP/s: polycore vs OpenBLAS vs JavaScript (2-core Zen 3 VM)',
      x: { scale: 'log2', label: 'n (square matrices)' },
      y: { scale: 'linear', label: 'GFLOP/s' },
    },
  ),
);

const at = (t, dt, n) => results.polycore[t].gemm[`${dt}:${n}`] / results.openblas[t].gemm[`${dt}:${n}`];
const summary = THREADS.map((t) =>
  ['f64', 'f32']
    .map(
      (dt) =>
        `${dt === 'f64' ? 'dgemm' : 'sgemm'} ${t}T: ${(100 * at(t, dt, 1024)).toFixed(0)}% / ${(100 * at(t, dt, 2048)).toFixed(0)}%`,
    )
    .join(', '),
).join('; ');
writeFileSync(
  join(here, 'RESULTS.md'),
  `## Native kernels: gemm and gemv (\`bench/kernels-gemm\`)

polycore's \`gemm\`/\`gemv\` (\`@polycore/native\`, called from Node through the public options-object API, validation
included) against numpy ${results.numpy} / OpenBLAS ${results.openblasVersion} (\`OPENBLAS_NUM_THREADS\` = 1 and 2, \`np.matmul(a, b, out=c)\`),
@stdlib/blas 0.4.1 (its JavaScript path: no compiled addon ships) and a plain i-k-j JavaScript loop. Square row-major
matrices, uniform [-1, 1); each cell is the fastest of ≥ 3 repetitions (≈ ${BUDGET} s; calls under 0.1 ms timed in
batches) and the best of ${ROUNDS} rounds that alternate OpenBLAS and polycore — the same rules for every
implementation — all in one run of ${results.seconds.toFixed(0)} s.
Peak = ${PEAK.f64} GFLOP/s f64 / ${PEAK.f32} f32 per core. A shared 2-core VM: read ratios, not absolute numbers.
OpenBLAS's worker threads busy-wait for work, so on this shared VM (other jobs running) its 2-thread cells sometimes
collapse far below its own 1-thread cells: that is contention, not its kernel — compare those rows with care.

**polycore / OpenBLAS at n = 1024 / 2048** (same threads): ${summary}.

${gemmTable}

gemv (\`y ← A·x\`, n×n) streams A once, so it runs at memory speed (GFLOP/s × 4 = GB/s for f64, × 2 for f32):

${gemvTable}

![gemm GFLOP/s](chart.svg)

Which Rust gemm to build on (\`crates/kernels/examples/gemm_crates.rs\`, same run, no N-API; "crate" = the
\`gemm\` crate's own rayon threading on polycore's pool (what polycore uses), "split" = the alternative: C cut into
up to 4 blocks per thread, each a single-threaded product, balanced by work stealing; gemv columns: row-major \`A·x\` and \`Aᵀ·x\`):

${crateTable}

Where a second thread starts to pay (same example, \`threshold\` mode; fastest of 50 reps, so a quiet moment of the
shared VM shows the real scaling): polycore threads gemm from m·n·k ≥ 200³ (pool of 2+ threads), below it the
call stays on the calling thread (waking a parked thread costs ≈ 100 µs).

${thresholdTable}

Reproduce: \`node bench/kernels-gemm/run.mjs\` (after \`pnpm --filter @polycore/native build\` and
\`cargo build --release -p polycore-kernels --example gemm_crates\`; \`BENCH_ROUNDS\`, \`BENCH_BUDGET_S\` tune it).
`,
);
console.error(`wrote RESULTS.md, chart.svg, ../results/kernels-gemm.json in ${results.seconds.toFixed(0)} s`);
