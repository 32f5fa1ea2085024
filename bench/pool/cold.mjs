// One cold start: `node cold.mjs <lib>` prints { ms, idleMiB } as JSON. ms: create a 2-worker pool
// and get the first task's result (after the library is imported). idleMiB: resident memory added
// by the 2 started, idle workers (this process + child processes).
import { readFileSync } from 'node:fs';

const lib = process.argv[2];
const tasks = new URL('./peers/tasks.mjs', import.meta.url).href;
const rssOf = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};
const childPids = () => {
  try {
    return readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
  } catch {
    return [];
  }
};
const total = () => process.memoryUsage.rss() / 2 ** 20 + childPids().reduce((s, p) => s + rssOf(p), 0);

const makers = {
  async raw() {
    const { Worker } = await import('node:worker_threads');
    return async () => {
      const ws = [0, 1].map(
        () =>
          new Worker(
            'require("node:worker_threads").parentPort.on("message", (x) => require("node:worker_threads").parentPort.postMessage(x + 1))',
            { eval: true },
          ),
      );
      const run = (w, x) =>
        new Promise((r) => {
          w.once('message', r);
          w.postMessage(x);
        });
      await run(ws[0], 1);
      return {
        both: () => Promise.all(ws.map((w, i) => run(w, i))),
        close: () => Promise.all(ws.map((w) => w.terminate())),
      };
    };
  },
  async piscina() {
    const { Piscina } = await import('piscina');
    return async () => {
      const p = new Piscina({ filename: tasks, minThreads: 2, maxThreads: 2 });
      await p.run(1, { name: 'inc' });
      return {
        both: () => Promise.all([p.run(1, { name: 'spin' }), p.run(1, { name: 'spin' })]),
        close: () => p.destroy(),
      };
    };
  },
  async tinypool() {
    const { Tinypool } = await import('tinypool');
    return async () => {
      const p = new Tinypool({ filename: tasks, minThreads: 2, maxThreads: 2 });
      await p.run(1, { name: 'inc' });
      return {
        both: () => Promise.all([p.run(1, { name: 'spin' }), p.run(1, { name: 'spin' })]),
        close: () => p.destroy(),
      };
    };
  },
  async 'tinypool-processes'() {
    const { Tinypool } = await import('tinypool');
    return async () => {
      const p = new Tinypool({ filename: tasks, minThreads: 2, maxThreads: 2, runtime: 'child_process' });
      await p.run(1, { name: 'inc' });
      return {
        both: () => Promise.all([p.run(30, { name: 'spin' }), p.run(30, { name: 'spin' })]),
        close: () => p.destroy(),
      };
    };
  },
  async workerpool() {
    const { default: workerpool } = await import('workerpool');
    return async () => {
      const p = workerpool.pool(new URL('./peers/workerpool-worker.mjs', import.meta.url).pathname, {
        minWorkers: 2,
        maxWorkers: 2,
        workerType: 'thread',
      });
      await p.exec('inc', [1]);
      return {
        both: () => Promise.all([p.exec('spin', [1]), p.exec('spin', [1])]),
        close: () => p.terminate(),
      };
    };
  },
  async 'polycore-threads'() {
    const { Pool } = await import('@polycore/pool');
    return async () => {
      const p = new Pool({ workers: 2, backend: 'threads' });
      await p.apply((x) => x + 1, [1]);
      return {
        both: () => Promise.all([p.apply((ms) => ms, [1]), p.apply((ms) => ms, [1])].map((f) => f)),
        close: () => p.close(),
        pool: p,
      };
    };
  },
  async 'polycore-processes'() {
    const { Pool } = await import('@polycore/pool');
    return async () => {
      const p = new Pool({ workers: 2, backend: 'processes' });
      await p.apply((x) => x + 1, [1]);
      return {
        both: () =>
          p.map(
            (ms) => {
              const e = performance.now() + ms;
              while (performance.now() < e);
              return ms;
            },
            [30, 30],
            { chunksize: 1 },
          ),
        close: () => p.close(),
      };
    };
  },
};

const make = await makers[lib]();
const before = total();
const t0 = performance.now();
const h = await make();
const ms = performance.now() - t0;
await h.both();
await new Promise((r) => setTimeout(r, 300));
globalThis.gc?.();
const idleMiB = total() - before;
await h.close();
console.log(JSON.stringify({ ms, idleMiB }));
process.exit(0);
