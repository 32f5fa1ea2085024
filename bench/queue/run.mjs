// Queue throughput (messages/s): polycore Queue (workers as child processes, and as threads)
// against Python's multiprocessing.Queue (fork), same producers/consumers/messages, one run.
// Writes bench/results/queue.json, bench/queue/RESULTS.md and bench/queue/chart.svg.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os, { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { barChart } from './chart.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.QUEUE_BENCH_N ?? 300_000);
const REPS = Number(process.env.QUEUE_BENCH_REPS ?? 7);
const CASES = [
  { P: 1, C: 1, kind: 'int' },
  { P: 1, C: 1, kind: 'obj' },
  { P: 2, C: 2, kind: 'int' },
  { P: 2, C: 2, kind: 'obj' },
];
const IMPLS = [
  {
    name: 'polycore Queue (processes)',
    cmd: (c) => [process.execPath, ['case.mjs', N, c.P, c.C, c.kind, 'processes']],
  },
  {
    name: 'polycore Queue (threads)',
    cmd: (c) => [process.execPath, ['case.mjs', N, c.P, c.C, c.kind, 'threads']],
  },
  {
    name: 'polycore Queue (processes, async put)',
    cmd: (c) => [process.execPath, ['case.mjs', N, c.P, c.C, c.kind, 'processes', 'async']],
  },
  { name: 'Python mp.Queue', cmd: (c) => ['python3', ['mp_queue.py', N, c.P, c.C, c.kind]] },
];
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

const load = os.loadavg()[0];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const c of CASES) {
  const row = { ...c, results: {}, cpu: {} };
  for (let r = 0; r < REPS; r++) {
    for (const impl of IMPLS) {
      const [cmd, args] = impl.cmd(c);
      const out = spawnSync(cmd, args.map(String), { cwd: here, env, encoding: 'utf8', timeout: 120_000 });
      if (out.status !== 0) throw new Error(`${impl.name} failed: ${out.stderr}`);
      const res = JSON.parse(out.stdout.trim().split('\n').pop());
      row.results[impl.name] ??= [];
      row.results[impl.name].push(res.msgs_per_s);
      if (res.cpu_us_per_msg != null) {
        row.cpu[impl.name] ??= [];
        row.cpu[impl.name].push(res.cpu_us_per_msg);
      }
    }
  }
  row.median = Object.fromEntries(Object.entries(row.results).map(([k, v]) => [k, median(v)]));
  row.cpuMedian = Object.fromEntries(Object.entries(row.cpu).map(([k, v]) => [k, median(v)]));
  rows.push(row);
  console.log(
    `${c.P}P/${c.C}C ${c.kind}:`,
    Object.entries(row.median)
      .map(([k, v]) => `${k} ${Math.round(v / 1000)}k`)
      .join(', '),
  );
}

const py = 'Python mp.Queue';
const rate = (x) => `${Math.round(x).toLocaleString('en-US')}/s`;
const label = (r) =>
  `${r.P} producer${r.P > 1 ? 's' : ''} / ${r.C} consumer${r.C > 1 ? 's' : ''}, ${r.kind === 'int' ? 'integers' : 'small objects'}`;
const lines = [
  '## Queue throughput (bench/queue)',
  '',
  `${N.toLocaleString('en-US')} messages through one queue, producers and consumers in separate workers; messages/s from`,
  'the start signal until every message was received (worker start-up excluded); median of',
  `${REPS} runs, each implementation measured in the same run. "small objects" are \`{ id, name: 'item', tags: [1, 2, 3] }\`.`,
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; shared with other jobs (load average`,
  `${load.toFixed(1)} at the start), so throughput is noisy. The CPU columns (µs of CPU per message, summed over the producer and`,
  'consumer processes during the measured phase, Python counting its feeder threads) depend much less on the load.',
  'Producers call `putSync` and consumers `getSync` (the blocking calls, like Python\'s `put`/`get`); the "async put" column',
  'has producers fire `put()` promises instead (awaiting every 256th for backpressure), which the queue writes in batches,',
  'one lock acquisition per batch (its CPU column is not shown).',
  '',
  '| case | polycore (processes) | polycore (threads) | polycore (processes, async put) | Python mp.Queue | processes vs Python | threads vs Python | async put vs Python | CPU/msg polycore | CPU/msg Python | CPU ratio |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
for (const r of rows) {
  const p = r.median['polycore Queue (processes)'];
  const t = r.median['polycore Queue (threads)'];
  const a = r.median['polycore Queue (processes, async put)'];
  const m = r.median[py];
  const cp = r.cpuMedian['polycore Queue (processes)'];
  const cm = r.cpuMedian[py];
  lines.push(
    `| ${label(r)} | ${rate(p)} | ${rate(t)} | ${rate(a)} | ${rate(m)} | **${(p / m).toFixed(1)}×** | ${(t / m).toFixed(1)}× | ${(a / m).toFixed(1)}× | ${cp.toFixed(2)} µs | ${cm.toFixed(2)} µs | ${(cm / cp).toFixed(1)}× |`,
  );
}
lines.push(
  '',
  'Run: `node bench/queue/run.mjs` (env `QUEUE_BENCH_N`, `QUEUE_BENCH_REPS`). Raw numbers: `bench/results/queue.json`.',
  '',
  '![queue throughput](chart.svg)',
  '',
);
writeFileSync(join(here, 'RESULTS.md'), lines.join('\n'));
const svg = barChart({
  title: 'Queue throughput (higher is better)',
  unit: 'thousand messages/s',
  colors: ['#2b6cb0', '#63b3ed', '#2c7a7b', '#dd6b20'],
  groups: rows.map((r) => ({
    label: `${r.P}P/${r.C}C ${r.kind}`,
    bars: IMPLS.map((i) => ({ name: i.name, value: r.median[i.name] / 1000 })),
  })),
});
writeFileSync(join(here, 'chart.svg'), svg);
mkdirSync(join(here, '..', 'results'), { recursive: true });
writeFileSync(
  join(here, '..', 'results', 'queue.json'),
  JSON.stringify({ N, REPS, rows, date: new Date().toISOString() }, null, 2),
);
console.log(lines.join('\n'));
