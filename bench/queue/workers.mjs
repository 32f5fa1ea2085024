// Producer/consumer tasks of the queue benchmark (run in polycore Process workers). Each reports
// the CPU time it spent in the measured phase on `stats` (process-wide, so meaningful for the
// 'processes' backend only).

const make = (kind, i) => (kind === 'int' ? i : { id: i, name: 'item', tags: [1, 2, 3] });
const cpuMs = (c) => (c.user + c.system) / 1000;

/** Waits for `go`, then puts n messages. */
export async function producer(q, go, n, kind, stats) {
  go.waitSync();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) q.putSync(make(kind, i));
  stats.putSync(cpuMs(process.cpuUsage(c0)));
}

/** Gets n messages, then reports the count on `done`. */
export async function consumer(q, done, n, stats) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) q.getSync();
  stats.putSync(cpuMs(process.cpuUsage(c0)));
  done.putSync(n);
}

/** Like `producer`, with async puts: awaits every 256th (backpressure), so puts go in batches. */
export async function producerAsync(q, go, n, kind, stats) {
  go.waitSync();
  const c0 = process.cpuUsage();
  let last;
  for (let i = 0; i < n; i++) {
    last = q.put(make(kind, i));
    if ((i & 255) === 255) await last;
  }
  await last;
  stats.putSync(cpuMs(process.cpuUsage(c0)));
}
