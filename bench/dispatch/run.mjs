#!/usr/bin/env node
// Sweep of the automatic routing of @polycore/dispatch against each single backend, for dot,
// axpy (f64, n = 1e1 … 3e7) and gemm (f64, n×n×n, n = 2 … 1024), all measured in one run.
// Backends: a plain JS loop, the native core called directly, the TypeScript worker fallback
// (forced), and `auto` (the routed function). Writes RESULTS.md, chart.svg and
// ../results/dispatch-sweep.json. Stops at 3e7 (two f64 arrays = 480 MB, plus the worker
// fallback's shared copies) to stay friendly to a shared 24 GiB machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as d from '@polycore/dispatch';
import * as native from '@polycore/native';
import { lineChartSvg } from '../lib/line-chart.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const QUICK = process.argv.includes('--quick');
const L1 = QUICK ? [10, 1e3, 1e5, 1e6] : [10, 30, 100, 300, 1e3, 3e3, 1e4, 3e4, 1e5, 3e5, 1e6, 3e6, 1e7, 3e7];
const GEMM = QUICK ? [4, 32, 128] : [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

const loadStart = os.loadavg()[0];
const cal = await d.calibrate();
console.log(
  `calibrated in ${cal.durationMs} ms; native kernels: ${Object.keys(cal.native).join(', ') || 'none'}`,
);

function filled(n, seed) {
  const a = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    a[i] = s / 2 ** 32 - 0.5;
  }
  return a;
}

// Each candidate is its own closure with its own loop, so every call site stays monomorphic.
function plainDot(x, y) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}
function plainAxpy(a, x, y) {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}
function plainGemm(n, a, b, c) {
  c.fill(0);
  for (let i = 0; i < n; i++)
    for (let p = 0; p < n; p++) {
      const aip = a[i * n + p];
      for (let j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
    }
}

// Candidates predicted to take over MAX_CALL_NS per call (plain JS gemm at n = 1024 ≈ 5 s) are
// skipped to keep the run under 3 minutes; the table shows them as "—".
const MAX_CALL_NS = 2e8;
const last = new Map();
function predictable(op, name, work) {
  const prev = last.get(`${op}:${name}`);
  return !prev || (prev.ns * work) / prev.work <= MAX_CALL_NS;
}

/** Best ns per call of each candidate, batches interleaved so machine noise hits all alike. */
function measure(cands, approxNs) {
  const batchNs = Math.max(3e6, approxNs);
  const batches = approxNs > 5e7 ? 5 : approxNs > 5e6 ? 7 : 11;
  const reps = {};
  for (const [name, c] of Object.entries(cands)) {
    c.mode();
    let r = 1;
    for (;;) {
      const t0 = performance.now();
      c.run(r);
      const ns = (performance.now() - t0) * 1e6;
      if (ns >= batchNs / 4 || r >= 1 << 24) break;
      r *= ns < batchNs / 64 ? 8 : 2;
    }
    reps[name] = r;
  }
  const best = Object.fromEntries(Object.keys(cands).map((k) => [k, Number.POSITIVE_INFINITY]));
  // The order rotates every batch: a candidate that evicts the cache (the worker fallback copies
  // its operands) must not always run just before the same other one.
  const order = Object.entries(cands);
  for (let b = 0; b < Math.max(batches, order.length); b++) {
    for (let i = 0; i < order.length; i++) {
      const [name, c] = order[(i + b) % order.length];
      c.mode();
      c.run(1); // untimed: switching modes recomputes thresholds; let its garbage and caches settle
      const t0 = performance.now();
      c.run(reps[name]);
      best[name] = Math.min(best[name], ((performance.now() - t0) * 1e6) / reps[name]);
    }
  }
  d.useBackend(null);
  return best;
}

const auto = () => d.useBackend(null);
const workers = () => d.useBackend('workers');
const none = () => {};
const nativeFns = { dot: native.dot, axpy: native.axpy, gemm: native.gemm };
const has = (name) => {
  try {
    const f = nativeFns[name];
    if (typeof f !== 'function') return false;
    if (name === 'gemm')
      f({ m: 1, n: 1, k: 1, a: new Float64Array(1), b: new Float64Array(1), c: new Float64Array(1) });
    else if (name === 'axpy') f(1, new Float64Array(2), new Float64Array(2));
    else f(new Float64Array(2), new Float64Array(2));
    return true;
  } catch {
    return false;
  }
};

const rows = [];
function skipSlow(op, cands, work) {
  // Only the slow TypeScript candidates are ever skipped; native and auto always run.
  for (const name of ['js', 'workers']) if (!predictable(op, name, work)) delete cands[name];
  return cands;
}
function record(op, size, t, approxWork) {
  for (const [name, ns] of Object.entries(t)) last.set(`${op}:${name}`, { ns, work: approxWork });
  const singles = Object.entries(t).filter(([k]) => k !== 'auto');
  // A skipped candidate was predicted slower than 1 s: never the best.
  const [bestName, bestT] = singles.reduce((a, b) => (b[1] < a[1] ? b : a));
  const sizes = op === 'gemm' ? [size, size, size] : [size];
  const choice = d.explain(op, ...sizes, { sync: true }).choice;
  const row = {
    op,
    size,
    ns: t,
    best: bestName,
    choice,
    autoVsBest: t.auto / bestT,
    autoVsJs: t.auto / t.js,
    work: approxWork,
  };
  rows.push(row);
  console.log(
    `${op} ${size}: ${Object.entries(t)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(
        ', ',
      )} | auto→${choice}, auto/best ${row.autoVsBest.toFixed(2)}, auto/js ${row.autoVsJs.toFixed(2)}`,
  );
}

for (const n of L1) {
  const x = filled(n, 1);
  const y = filled(n, 2);
  const approx = 2 * n;
  const cands = {
    js: {
      mode: none,
      run: (r) => {
        let s = 0;
        for (let i = 0; i < r; i++) s += plainDot(x, y);
        return s;
      },
    },
    ...(has('dot')
      ? {
          native: {
            mode: none,
            run: (r) => {
              let s = 0;
              for (let i = 0; i < r; i++) s += native.dot(x, y);
              return s;
            },
          },
        }
      : {}),
    workers: {
      mode: workers,
      run: (r) => {
        let s = 0;
        for (let i = 0; i < r; i++) s += d.dot(x, y);
        return s;
      },
    },
    auto: {
      mode: auto,
      run: (r) => {
        let s = 0;
        for (let i = 0; i < r; i++) s += d.dot(x, y);
        return s;
      },
    },
  };
  record('dot', n, measure(skipSlow('dot', cands, 2 * n), approx), 2 * n);
}

for (const n of L1) {
  const x = filled(n, 3);
  const y = filled(n, 4);
  const a = 1e-12;
  const cands = {
    js: {
      mode: none,
      run: (r) => {
        for (let i = 0; i < r; i++) plainAxpy(a, x, y);
      },
    },
    ...(has('axpy')
      ? {
          native: {
            mode: none,
            run: (r) => {
              for (let i = 0; i < r; i++) native.axpy(a, x, y);
            },
          },
        }
      : {}),
    workers: {
      mode: workers,
      run: (r) => {
        for (let i = 0; i < r; i++) d.axpy(a, x, y);
      },
    },
    auto: {
      mode: auto,
      run: (r) => {
        for (let i = 0; i < r; i++) d.axpy(a, x, y);
      },
    },
  };
  record('axpy', n, measure(skipSlow('axpy', cands, 2 * n), 3 * n), 2 * n);
}

// Let the collector reclaim the big level-1 arrays before timing tiny products.
await new Promise((r) => setTimeout(r, 200));

for (const n of GEMM) {
  const a = filled(n * n, 5);
  const b = filled(n * n, 6);
  const c = new Float64Array(n * n);
  const o = { m: n, n, k: n, a, b, c };
  const cands = {
    js: {
      mode: none,
      run: (r) => {
        for (let i = 0; i < r; i++) plainGemm(n, a, b, c);
      },
    },
    ...(has('gemm')
      ? {
          native: {
            mode: none,
            run: (r) => {
              for (let i = 0; i < r; i++) native.gemm(o);
            },
          },
        }
      : {}),
    workers: {
      mode: workers,
      run: (r) => {
        for (let i = 0; i < r; i++) d.gemm(o);
      },
    },
    auto: {
      mode: auto,
      run: (r) => {
        for (let i = 0; i < r; i++) d.gemm(o);
      },
    },
  };
  record('gemm', n, measure(skipSlow('gemm', cands, 2 * n ** 3), 2 * n ** 3), 2 * n ** 3);
}
await d.releaseWorkers();

function fmt(ns) {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(1)} ns`;
}

/** 1e6 ns → '1ms', for the chart's time axis. */
function nsLabel(v) {
  if (v >= 1e9) return `${v / 1e9}s`;
  if (v >= 1e6) return `${v / 1e6}ms`;
  if (v >= 1e3) return `${v / 1e3}µs`;
  return `${v}ns`;
}

// Raw JSON, markdown, chart.
const resultsDir = join(here, '..', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'dispatch-sweep.json'),
  `${JSON.stringify({ date: new Date().toISOString(), calibration: cal, rows }, null, 1)}\n`,
);

const backends = ['js', 'native', 'workers', 'auto'];
/** A markdown table with padded columns (the layout the repository's formatter writes). */
function mdTable(head, body) {
  const all = [head, ...body];
  const width = head.map((_, c) => Math.max(3, ...all.map((r) => [...String(r[c])].length)));
  const line = (r) =>
    `| ${r.map((v, c) => String(v) + ' '.repeat(width[c] - [...String(v)].length)).join(' | ')} |`;
  return [line(head), `| ${width.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}
const table = (op) =>
  mdTable(
    [
      op === 'gemm' ? 'n (n×n×n)' : 'n',
      'plain JS',
      'native',
      'workers (TS fallback)',
      'auto',
      'auto chose',
      'best single',
      'auto / best',
      'auto / plain JS',
    ],
    rows
      .filter((r) => r.op === op)
      .map((r) => [
        r.size,
        ...backends.map((b) => (r.ns[b] === undefined ? '—' : fmt(r.ns[b]))),
        r.choice,
        r.best,
        ratio(r.autoVsBest),
        ratio(r.autoVsJs),
      ]),
  );
const worst = (op) => Math.max(...rows.filter((r) => r.op === op).map((r) => r.autoVsBest));
const ratio = (v) => (Number.isNaN(v) ? '—' : v.toFixed(2));
const worstUpTo = (op, n) =>
  Math.max(...rows.filter((r) => r.op === op && r.size <= n).map((r) => r.autoVsBest));
const worstFrom = (op, n) =>
  Math.max(...rows.filter((r) => r.op === op && r.size >= n).map((r) => r.autoVsBest));
const smallWorst = Math.max(...rows.filter((r) => r.op !== 'gemm' && r.size <= 1000).map((r) => r.autoVsJs));
const md = `## Dispatch: automatic routing vs each single backend

\`node bench/dispatch/run.mjs\` — dot and axpy over Float64Array n = 1e1 … 3e7 (the sweep stops at 3e7:
two f64 arrays are 480 MB, and the worker fallback makes shared copies; the cost model extrapolates the
same per-element cost beyond), gemm over n×n×n f64 matrices n = 2 … 1024. Columns: a plain JS loop, the
native core called directly, the TypeScript worker fallback forced with \`useBackend('workers')\`, and
\`auto\` (the routed @polycore/dispatch function, which also pays for its size check and argument
validation). Each cell is the best of several interleaved batches on this shared 2-core VM; the
calibration used was measured at the start of the run (${cal.durationMs} ms). "—": not run (a single-backend
candidate predicted to take over 0.2 s per call, e.g. plain JS gemm at n ≥ 512, is skipped to keep the run
under 3 minutes; it cannot be the best). No GPU column: this machine has no hardware adapter (lavapipe, the software
one, measures ≈ 0.6 GB/s and 2.5 GFLOP/s and never wins; see the routing tests).

Worst auto / best single backend: dot ${worst('dot').toFixed(2)}×, axpy ${worst('axpy').toFixed(2)}×, gemm ${worst('gemm').toFixed(2)}×
(n ≤ 1e5: dot ${worstUpTo('dot', 1e5).toFixed(2)}×, axpy ${worstUpTo('axpy', 1e5).toFixed(2)}×; gemm n ≥ 8: ${worstFrom('gemm', 8).toFixed(2)}×).
Worst auto / plain JS loop at n ≤ 1000 (dot, axpy): ${smallWorst.toFixed(2)}×.

How to read it: below the calibrated inline threshold (a few hundred elements here) the routed
function runs its own 4-accumulator loop, so it matches or beats the plain loop; above it, and for
every size up to 3e7, it calls the very same native function as the "native" column after one more
length comparison. Differences between "auto" and "native" at n ≥ 1e6 are therefore noise of this
shared VM (1-minute load average ${loadStart.toFixed(0)} at the start and ${os.loadavg()[0].toFixed(0)} at the end of the run, on 2 cores: a 2-thread native kernel waits for
whichever thread was descheduled), in both directions. gemm at n ≤ 4: the routed call checks its
options object inline (a few ns; operands identical to the previous call's skip the buffer-overlap
lookup, ≈ 30 ns otherwise) and runs its own loop; \`node bench/dispatch/tiny-gemm.mjs\` times just
these sizes against the plain loop.

### dot (f64)

${table('dot')}

### axpy (f64)

${table('axpy')}

### gemm (f64)

${table('gemm')}

![sweep](chart.svg)
`;
writeFileSync(join(here, 'RESULTS.md'), md);
const series = (op) =>
  backends
    .filter((b) => rows.some((r) => r.op === op && r.ns[b] !== undefined))
    .map((b) => ({
      name:
        b === 'auto'
          ? 'auto (routed)'
          : b === 'js'
            ? 'plain JS loop'
            : b === 'workers'
              ? 'TS workers'
              : 'native',
      bold: b === 'auto',
      points: rows.filter((r) => r.op === op && r.ns[b] !== undefined).map((r) => [r.size, r.ns[b]]),
    }));
writeFileSync(
  join(here, 'chart.svg'),
  lineChartSvg(
    [
      { title: 'dot (f64)', xLabel: 'n', series: series('dot') },
      { title: 'axpy (f64)', xLabel: 'n', series: series('axpy') },
      { title: 'gemm (f64)', xLabel: 'n (n×n×n)', series: series('gemm') },
    ],
    {
      title: 'Time per call (log-log): automatic routing vs single backends',
      x: { scale: 'log10', format: (v) => (v >= 1e3 ? `1e${Math.round(Math.log10(v))}` : String(v)) },
      y: { scale: 'log10', format: nsLabel },
    },
  ),
);
console.log(md);
