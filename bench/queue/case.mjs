// One measurement: N messages from P producers to C consumers through one polycore Queue, the
// workers being polycore Process workers on `backend`. Start-up is excluded (producers wait on an
// Event). Also reports CPU µs per message over all workers (processes backend). Producers use
// putSync, or with `async` fire async puts (awaiting every 256th), which the queue batches.
// Usage: node case.mjs N P C kind backend [sync|async]  ->  prints JSON { msgs, seconds, msgs_per_s }
import { Event, Process, Queue, task } from '@polycore/pool';

const [N, P, C] = process.argv.slice(2, 5).map(Number);
const [kind, backend, put = 'sync'] = process.argv.slice(5, 8);
const url = new URL('./workers.mjs', import.meta.url);
const q = new Queue();
const done = new Queue();
const go = new Event();
const stats = new Queue();
const ps = Array.from(
  { length: P },
  () =>
    new Process({
      target: task(url, put === 'async' ? 'producerAsync' : 'producer'),
      args: [q, go, N / P, kind, stats],
      backend,
    }),
);
const cs = Array.from(
  { length: C },
  () => new Process({ target: task(url, 'consumer'), args: [q, done, N / C, stats], backend }),
);
for (const p of [...ps, ...cs]) p.start();
await new Promise((r) => setTimeout(r, 300));
const t = performance.now();
go.set();
let total = 0;
for (let i = 0; i < C; i++) total += await done.get();
const seconds = (performance.now() - t) / 1000;
await Promise.all([...ps, ...cs].map((p) => p.join()));
let cpu = 0;
for (let i = 0; i < P + C; i++) cpu += await stats.get();
// CPU µs per message summed over producers and consumers (consumers' clock starts before `go`, idle waiting is ~free)
const cpu_us_per_msg = backend === 'processes' ? (cpu * 1000) / total : null;
console.log(JSON.stringify({ msgs: total, seconds, msgs_per_s: total / seconds, cpu_us_per_msg }));
