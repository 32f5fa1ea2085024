// bench/pool: @polycore/pool against piscina, tinypool, workerpool, Python multiprocessing.Pool and
// joblib.Parallel, and a sequential loop; 2 workers; all measured in this one run.
// Usage: node bench/pool/run.mjs [--quick]. Each number is the best of a few interleaved runs
// (the least disturbed by other load on a shared machine).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Pool, SharedMemory } from '@polycore/pool';
import { Piscina } from 'piscina';
import { Tinypool } from 'tinypool';
import workerpool from 'workerpool';
import { chart } from './svg.mjs';

const quick = process.argv.includes('--quick');
const LOAD_AT_START = loadavg()[0].toFixed(1);
const NOTES = `### Notes

- Every number is the best of a few interleaved runs (the order of contenders rotates between
  runs), on a 2-core VM (1-minute load average ${LOAD_AT_START} when the run started): absolute times are
  noisy; compare within a table.
- *map over 1e6 items*: \`backend: 'auto'\` times the first items in the calling thread and, since
  start-up and copying would cost more than the work, finishes there (calling the function directly
  over array slices). \`backend: 'threads'\` must copy the numbers to and from the workers.
- *CPU-bound tasks*: each \`spin(20)\` busy-waits 20 ms of wall time; under this machine's load a
  preempted worker (or a main thread woken late to dispatch the next task) costs every pool alike.
- *8 MB arrays*: zero-copy on threads (SharedArrayBuffer) and on processes when the array lives in
  shared memory (\`SharedMemory\` / \`RawArray\`). A plain array sent to a process is copied once into a
  fresh shared segment, which costs about what copying it through the pipe does (page faults).
- *Cold start*: \`new Pool\` + the first task after \`import\`, in a fresh process with
  \`NODE_EXTRA_CA_CERTS\` unset. The first worker starts while the task function is being checked.
`;
const here = new URL('.', import.meta.url);
const tasks = new URL('./peers/tasks.mjs', here).href;
const N_TINY = quick ? 5000 : 20000;
const REPS = quick ? 2 : 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const best = (xs) => Math.min(...xs);
const log = (...a) => console.error(...a);

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS; // adds ~47 ms to every node start (see ANCHORS)

// ---- pools (2 workers each), warmed up
const pis = new Piscina({ filename: tasks, minThreads: 2, maxThreads: 2 });
const tiny = new Tinypool({ filename: tasks, minThreads: 2, maxThreads: 2 });
const wp = workerpool.pool(new URL('./peers/workerpool-worker.mjs', here).pathname, {
  minWorkers: 2,
  maxWorkers: 2,
  workerType: 'thread',
});
const pt = new Pool({ workers: 2, backend: 'threads' });
const pp = new Pool({ workers: 2, backend: 'processes', env });
const pa = new Pool({ workers: 2, backend: 'auto' });
const inc = (x) => x + 1;
const spin = (ms) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
  return ms;
};
const len = (a) => a.length;
await Promise.all([
  pis.run(1, { name: 'spin' }),
  pis.run(1, { name: 'spin' }),
  tiny.run(1, { name: 'spin' }),
  tiny.run(1, { name: 'spin' }),
  wp.exec('inc', [1]),
]);
await Promise.all([pt.map(spin, [1, 1], { chunksize: 1 }), pp.map(spin, [1, 1], { chunksize: 1 })]);

const results = {};
const time = async (f) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

// ---- 1. tiny tasks submitted one by one
log('tiny tasks...');
const tinyRuns = {
  'polycore threads': () => Promise.all(Array.from({ length: N_TINY }, (_, i) => pt.submit(inc, [i]))),
  'polycore processes': () => Promise.all(Array.from({ length: N_TINY }, (_, i) => pp.submit(inc, [i]))),
  piscina: () => Promise.all(Array.from({ length: N_TINY }, (_, i) => pis.run(i, { name: 'inc' }))),
  tinypool: () => Promise.all(Array.from({ length: N_TINY }, (_, i) => tiny.run(i, { name: 'inc' }))),
  workerpool: () => Promise.all(Array.from({ length: N_TINY }, (_, i) => wp.exec('inc', [i]))),
};
const tinyUs = {};
for (const f of Object.values(tinyRuns)) await f(); // warm-up round (JIT) for everyone
/** The entries of `o`, rotated by `r` (each contender runs at a different position in each rep). */
const rotated = (o, r) => {
  const e = Object.entries(o);
  return [...e.slice(r % e.length), ...e.slice(0, r % e.length)];
};
for (let r = 0; r < REPS; r++)
  for (const [k, f] of rotated(tinyRuns, r)) {
    tinyUs[k] ??= [];
    tinyUs[k].push(((await time(f)) * 1000) / N_TINY);
  }
results.tiny = Object.fromEntries(Object.entries(tinyUs).map(([k, v]) => [k, best(v)]));

// ---- 2. map over 1e6 trivial items
log('map 1e6...');
const xs = Array.from({ length: 1_000_000 }, (_, i) => i);
const double = (x) => x * 2;
const mapRuns = {
  'sequential loop': async () => {
    const out = new Array(xs.length);
    for (let i = 0; i < xs.length; i++) out[i] = double(xs[i]);
    return out;
  },
  'polycore auto': () => pa.map(double, xs),
  'polycore threads': () => pt.map(double, xs),
  'piscina (2 manual chunks)': () =>
    Promise.all([
      pis.run(xs.slice(0, 5e5), { name: 'double' }),
      pis.run(xs.slice(5e5), { name: 'double' }),
    ]).then((r) => r.flat()),
};
const mapMs = {};
for (const f of Object.values(mapRuns)) await f();
for (let r = 0; r < REPS + 2; r++)
  for (const [k, f] of rotated(mapRuns, r)) {
    mapMs[k] ??= [];
    mapMs[k].push(await time(f));
  }
results.map1e6 = Object.fromEntries(Object.entries(mapMs).map(([k, v]) => [k, best(v)]));

// ---- 3. 64 CPU-bound 20 ms tasks: speedup over sequential on 2 workers
log('cpu-bound...');
const ideal = 64 * 20;
const cpuRuns = {
  'polycore threads': () => pt.map(spin, Array(64).fill(20)),
  'polycore processes': () => pp.map(spin, Array(64).fill(20)),
  piscina: () => Promise.all(Array.from({ length: 64 }, () => pis.run(20, { name: 'spin' }))),
  tinypool: () => Promise.all(Array.from({ length: 64 }, () => tiny.run(20, { name: 'spin' }))),
  workerpool: () => Promise.all(Array.from({ length: 64 }, () => wp.exec('spin', [20]))),
};
const cpu = {};
for (let r = 0; r < 3; r++)
  for (const [k, f] of rotated(cpuRuns, r)) cpu[k] = Math.max(cpu[k] ?? 0, ideal / (await time(f)));
results.cpu64 = cpu;

// ---- 4. 8 MB Float64Array per task vs 8 bytes (round trip, one task at a time)
log('arrays...');
/** Best of `n` sequential round trips (the least disturbed by other load on a shared machine). */
const perTask = async (f, n = 21) => {
  await f();
  const ts = [];
  for (let i = 0; i < n; i++) ts.push(await time(f));
  return best(ts);
};
const big = 1 << 20;
const sab = (n) => new Float64Array(new SharedArrayBuffer(8 * n));
const shm = new SharedMemory({ size: 8 * big });
const shmBig = new Float64Array(shm.buffer);
const shmSmallSeg = new SharedMemory({ size: 8 });
const shmSmall = new Float64Array(shmSmallSeg.buffer);
const arr = {};
// Arrays are allocated once, outside the timing: the cost measured is passing them to a task.
const sabSmall = sab(1);
const sabBig = sab(big);
const plainSmall = new Float64Array(1);
const plainBig = new Float64Array(big);
const arrCases = {
  'polycore threads (SharedArrayBuffer)': [() => pt.apply(len, [sabSmall]), () => pt.apply(len, [sabBig])],
  'polycore processes (SharedMemory)': [() => pp.apply(len, [shmSmall]), () => pp.apply(len, [shmBig])],
  'polycore processes (plain array)': [() => pp.apply(len, [plainSmall]), () => pp.apply(len, [plainBig])],
  'piscina (copy)': [() => pis.run(plainSmall, { name: 'len' }), () => pis.run(plainBig, { name: 'len' })],
  'workerpool (copy)': [() => wp.exec('len', [plainSmall]), () => wp.exec('len', [plainBig])],
};
for (const [k, [small, large]] of Object.entries(arrCases)) {
  const s = await perTask(small);
  const b = await perTask(large);
  arr[k] = { smallMs: s, bigMs: b, ratio: b / s };
}
results.arrays = arr;

await Promise.all([pis.destroy(), tiny.destroy(), wp.terminate(), pt.close(), pp.close(), pa.close()]);
shm.close();
shm.unlink();
shmSmallSeg.close();
shmSmallSeg.unlink();

// ---- 5. cold create + first task, idle memory (fresh processes, NODE_EXTRA_CA_CERTS unset)
log('cold starts...');
const cold = {};
for (const lib of [
  'raw',
  'piscina',
  'tinypool',
  'workerpool',
  'polycore-threads',
  'tinypool-processes',
  'polycore-processes',
]) {
  const runs = [];
  for (let r = 0; r < REPS; r++)
    runs.push(
      JSON.parse(
        execFileSync(process.execPath, [new URL('./cold.mjs', here).pathname, lib], {
          env,
          encoding: 'utf8',
        }),
      ),
    );
  cold[lib] = { ms: best(runs.map((x) => x.ms)), idleMiB: median(runs.map((x) => x.idleMiB)) };
}
results.cold = cold;

// ---- Python peers
log('python...');
let py = {};
try {
  py = JSON.parse(
    execFileSync('python3', [new URL('./peers/python_peers.py', here).pathname, String(N_TINY)], {
      env,
      encoding: 'utf8',
      timeout: 170_000,
    }),
  );
} catch (e) {
  log('python peers failed:', e.message);
}
results.python = py;

// ---- report
const f = (v, d = 1) => (v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(d));
const rows = [];
const T = results.tiny;
rows.push(
  '### Tiny tasks submitted one by one (µs/task, lower is better)\n',
  '| pool | µs/task | piscina ÷ this |',
  '|---|---|---|',
);
for (const [k, v] of Object.entries(T)) rows.push(`| ${k} | ${f(v, 2)} | ${f(T.piscina / v, 2)}× |`);
rows.push(
  `| Python mp.Pool apply_async | ${f(py.tiny_us, 2)} | ${f(T.piscina / py.tiny_us, 2)}× |`,
  `| joblib.Parallel (auto batching) | ${f(py.joblib_tiny_us, 2)} | ${f(T.piscina / py.joblib_tiny_us, 2)}× |`,
);
rows.push(
  '',
  `polycore processes vs Python apply_async: **${f(py.tiny_us / T['polycore processes'], 2)}×** faster.`,
);
const M = results.map1e6;
rows.push(
  '',
  '### map over 1e6 trivial items (ms, lower is better)\n',
  '| runner | ms | ÷ sequential loop |',
  '|---|---|---|',
);
for (const [k, v] of Object.entries(M)) rows.push(`| ${k} | ${f(v)} | ${f(v / M['sequential loop'], 2)} |`);
rows.push(
  `| Python mp.Pool.map | ${f(py.map1e6_ms)} | ${f(py.map1e6_ms / py.map1e6_seq_ms, 2)} (÷ Python loop) |`,
);
rows.push(
  '',
  '### 64 CPU-bound 20 ms tasks on 2 workers (speedup, higher is better; 2.0 is ideal)\n',
  '| pool | speedup | efficiency |',
  '|---|---|---|',
);
for (const [k, v] of Object.entries(results.cpu64)) rows.push(`| ${k} | ${f(v, 2)}× | ${f(v * 50, 0)}% |`);
rows.push(
  `| Python mp.Pool | ${f(py.cpu64_speedup, 2)}× | ${f(py.cpu64_speedup * 50, 0)}% |`,
  `| joblib.Parallel | ${f(py.joblib_cpu64_speedup, 2)}× | ${f(py.joblib_cpu64_speedup * 50, 0)}% |`,
);
rows.push(
  '',
  '### 8 MB Float64Array per task vs 8 bytes (ms per round trip, lower is better)\n',
  '| pool | 8 B | 8 MB | 8 MB ÷ 8 B |',
  '|---|---|---|---|',
);
for (const [k, v] of Object.entries(results.arrays))
  rows.push(`| ${k} | ${f(v.smallMs, 3)} | ${f(v.bigMs, 3)} | ${f(v.ratio, 2)} |`);
rows.push(
  `| Python mp.Pool (numpy, pickled) | ${f(py.array_small_ms, 3)} | ${f(py.array_big_ms, 3)} | ${f(py.array_big_ms / py.array_small_ms, 2)} |`,
);
rows.push(
  '',
  '### Cold create + first task, idle memory of 2 workers (fresh process each)\n',
  '| pool | create + first task (ms) | idle memory (MiB) |',
  '|---|---|---|',
);
for (const [k, v] of Object.entries(results.cold)) rows.push(`| ${k} | ${f(v.ms)} | ${f(v.idleMiB)} |`);
rows.push(`| Python mp.Pool (fork) | ${f(py.cold_ms)} | |`);
const C = results.cold;
const A = results.arrays;
const peerIdle = Math.min(C.piscina.idleMiB, C.tinypool.idleMiB, C.workerpool.idleMiB);
const yes = (ok) => (ok ? '✅' : '❌');
rows.push(
  '',
  '### Targets (issue 4)\n',
  '| target | measured | met |',
  '|---|---|---|',
  `| tiny tasks on threads ≥ 5× piscina | ${f(T.piscina / T['polycore threads'], 2)}× | ${yes(T.piscina / T['polycore threads'] >= 5)} |`,
  `| tiny tasks on processes ≥ 3× Python apply_async | ${f(py.tiny_us / T['polycore processes'], 2)}× | ${yes(py.tiny_us / T['polycore processes'] >= 3)} |`,
  `| map over 1e6 items ≤ 1.2× a sequential loop | ${f(M['polycore auto'] / M['sequential loop'], 2)}× (auto) | ${yes(M['polycore auto'] / M['sequential loop'] <= 1.2)} |`,
  `| 20 ms CPU tasks ≥ 90 % parallel efficiency | threads ${f(results.cpu64['polycore threads'] * 50, 0)} %, processes ${f(results.cpu64['polycore processes'] * 50, 0)} % | ${yes(results.cpu64['polycore threads'] >= 1.8)} |`,
  `| 8 MB array costs what 8 bytes do | threads ${f(A['polycore threads (SharedArrayBuffer)'].ratio, 2)}×, processes ${f(A['polycore processes (SharedMemory)'].ratio, 2)}× | ${yes(A['polycore threads (SharedArrayBuffer)'].ratio < 2 && A['polycore processes (SharedMemory)'].ratio < 2)} |`,
  `| cold create + first task ≤ 50 ms | threads ${f(C['polycore-threads'].ms)} ms (raw worker ${f(C.raw.ms)} ms) | ${yes(C['polycore-threads'].ms <= 50)} |`,
  `| idle memory ≤ peers' | threads ${f(C['polycore-threads'].idleMiB)} MiB (best peer ${f(peerIdle)}), processes ${f(C['polycore-processes'].idleMiB)} (tinypool ${f(C['tinypool-processes'].idleMiB)}) | ${yes(C['polycore-threads'].idleMiB <= peerIdle + 1)} |`,
);
const table = rows.join('\n');
console.log(table);

mkdirSync(new URL('../results/', here), { recursive: true });
writeFileSync(
  new URL('../results/pool.json', here),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2),
);
if (!quick) {
  writeFileSync(
    new URL('./RESULTS.md', here),
    `# @polycore/pool benchmarks\n\nMeasured by \`node bench/pool/run.mjs\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, 2 workers, a shared 2-core VM (expect noise; ratios come from one run). Raw numbers: \`bench/results/pool.json\`.\n\n${table}\n\n![chart](chart.svg)\n\n${NOTES}`,
  );
  try {
    // keep the generated markdown in the repository's format (biome aligns tables)
    execFileSync(
      new URL('../../node_modules/.bin/biome', here).pathname,
      ['format', '--write', new URL('./RESULTS.md', here).pathname],
      { stdio: 'ignore' },
    );
  } catch {}
  const ours = (k) => k.startsWith('polycore');
  writeFileSync(
    new URL('./chart.svg', here),
    chart([
      {
        title: 'Tiny tasks one by one',
        unit: 'µs/task',
        lowerIsBetter: true,
        bars: [
          ...Object.entries(T).map(([k, v]) => ({ label: k, value: v, ours: ours(k) })),
          { label: 'mp apply_async', value: py.tiny_us },
        ],
      },
      {
        title: 'map over 1e6 items',
        unit: 'ms',
        lowerIsBetter: true,
        bars: [
          ...Object.entries(M).map(([k, v]) => ({ label: k, value: v, ours: ours(k) })),
          { label: 'mp.Pool.map', value: py.map1e6_ms },
        ],
      },
      {
        title: '64 × 20 ms CPU tasks',
        unit: 'speedup',
        lowerIsBetter: false,
        bars: [
          ...Object.entries(results.cpu64).map(([k, v]) => ({ label: k, value: v, ours: ours(k) })),
          { label: 'mp.Pool', value: py.cpu64_speedup },
          { label: 'joblib', value: py.joblib_cpu64_speedup },
        ],
      },
      {
        title: '8 MB array per task',
        unit: 'ms',
        lowerIsBetter: true,
        bars: Object.entries(results.arrays).map(([k, v]) => ({
          label: k.replace('polycore ', '').replace('SharedArrayBuffer', 'SAB'),
          value: v.bigMs,
          ours: ours(k),
        })),
      },
      {
        title: 'Cold create + first task',
        unit: 'ms',
        lowerIsBetter: true,
        bars: [
          ...Object.entries(results.cold).map(([k, v]) => ({ label: k, value: v.ms, ours: ours(k) })),
          { label: 'mp.Pool (fork)', value: py.cold_ms },
        ],
      },
    ]),
  );
}
process.exit(0);
