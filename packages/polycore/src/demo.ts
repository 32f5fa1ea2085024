import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as dispatch from '@polycore/dispatch';
import * as gpuPkg from '@polycore/gpu';
import * as native from '@polycore/native';
import { delayed, Lock, Memory, Parallel, Pool, Queue, Value } from '@polycore/pool';

const line = (title: string): void =>
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 66 - title.length))}`);
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(1)} ms`;

/** `with Pool() as p: p.map(cube, range(10))`, starmap and apply, on threads and on processes. */
async function pools(): Promise<void> {
  line('Pool: map / starmap / apply on threads and processes');
  for (const backend of ['threads', 'processes'] as const) {
    const pool = new Pool({ workers: 2, backend });
    const t0 = performance.now();
    const cubes = await pool.map((x: number) => x ** 3, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const products = await pool.starmap(
      (a: number, b: number) => a * b,
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    );
    const power = await pool.apply(Math.pow, [2, 10]);
    console.log(
      `${backend.padEnd(9)} map(cube) = [${cubes.join(', ')}]  starmap = [${products}]  apply(pow) = ${power}  (${ms(t0)})`,
    );
    await pool.close();
  }
}

/** `dict(Parallel(n_jobs=-1)(delayed(f)(x) for x in items))`. */
async function parallel(): Promise<void> {
  line('Parallel(nJobs: -1) over delayed calls, into an object');
  const words = ['alpha', 'beta', 'gamma', 'delta'];
  const parallel = new Parallel({ nJobs: -1 });
  const pairs = await parallel(words.map((w) => delayed((s: string) => [s, s.length] as const)(w)));
  console.log(Object.fromEntries(pairs));
  await parallel.close();
}

/** `memory = Memory('./cache'); cube = memory.cache(cube)`: the second call is read from disk. */
async function memory(): Promise<void> {
  line('Memory: a disk cache for results');
  const dir = mkdtempSync(join(tmpdir(), 'polycore-demo-'));
  try {
    const mem = new Memory(dir);
    const slowCube = mem.cache((x: number) => {
      const end = Date.now() + 50; // pretend this is expensive
      while (Date.now() < end);
      return x ** 3;
    });
    let t0 = performance.now();
    const first = await slowCube(12);
    const miss = ms(t0);
    t0 = performance.now();
    const second = await slowCube(12);
    console.log(`cube(12) = ${first} computed in ${miss}; again = ${second} from the cache in ${ms(t0)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Queue shared by producers and consumers, and a counter under a Lock, across processes. */
async function shared(): Promise<void> {
  line('Shared primitives: a Queue and a Lock-guarded counter across processes');
  const queue = new Queue<number>({ maxsize: 64 });
  const counter = new Value('i32', 0);
  const lock = new Lock();
  const pool = new Pool({ workers: 2, backend: 'processes' });
  const producers = [0, 1].map((id) =>
    pool.apply(
      async (q: Queue<number>, lock: Lock, counter: Value, id: number) => {
        for (let i = 0; i < 100; i++) {
          await q.put(id * 1000 + i);
          lock.acquireSync();
          try {
            counter.value += 1;
          } finally {
            lock.release();
          }
        }
      },
      [queue, lock, counter, id],
    ),
  );
  let received = 0;
  let sum = 0;
  while (received < 200) {
    sum += await queue.get();
    received++;
  }
  await Promise.all(producers);
  await pool.close();
  console.log(`received ${received} messages (sum ${sum}); counter under the lock = ${counter.value}`);
}

/** Runs `f` 3 times; returns its result and the best time (ms). */
function best<T>(f: () => T): [T, number] {
  let out!: T;
  let bestMs = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    out = f();
    bestMs = Math.min(bestMs, performance.now() - t0);
  }
  return [out, bestMs];
}

/** The native core: a dot product and a matrix product against plain JavaScript. */
function kernels(): void {
  line('Native kernels (Rust, SIMD, all cores) vs plain JavaScript');
  if (!native.isNativeAvailable()) {
    console.log(
      `native core not loaded (${native.nativeStatus().error}); the TypeScript fallback serves the array API`,
    );
    return;
  }
  const n = 2_000_000;
  const x = new Float64Array(n).map((_, i) => Math.sin(i));
  const y = new Float64Array(n).map((_, i) => Math.cos(i));
  const jsDot = (): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i]! * y[i]!;
    return s;
  };
  // Best of 3 each: the first native call also loads the binary and starts the thread pool.
  const [js, jsDotMs] = best(jsDot);
  const [nat, dotMs] = best(() => native.dot(x, y));
  console.log(
    `dot, n = ${n.toLocaleString()}: JS loop ${jsDotMs.toFixed(2)} ms, native ${dotMs.toFixed(2)} ms (agree: ${Math.abs(js - nat) < 1e-6 * n})`,
  );
  const m = 384;
  const a = new Float64Array(m * m).map((_, i) => (i % 7) - 3);
  const b = new Float64Array(m * m).map((_, i) => (i % 5) - 2);
  const c = new Float64Array(m * m);
  let t0 = performance.now();
  const cjs = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let p = 0; p < m; p++) {
      const aip = a[i * m + p]!;
      for (let j = 0; j < m; j++) cjs[i * m + j]! += aip * b[p * m + j]!;
    }
  const jsMs = performance.now() - t0;
  native.gemm({ m, n: m, k: m, a, b, c: new Float64Array(m * m) }); // warm-up
  t0 = performance.now();
  native.gemm({ m, n: m, k: m, a, b, c });
  const natMs = performance.now() - t0;
  const gflop = (2 * m * m * m) / 1e9;
  const same = c.every((v, i) => v === cjs[i]);
  console.log(
    `gemm ${m}×${m}: JS ${(gflop / (jsMs / 1e3)).toFixed(1)} GFLOP/s, native ${(gflop / (natMs / 1e3)).toFixed(1)} GFLOP/s (agree: ${same})`,
  );
}

/** The dispatcher: where each size runs, and why. */
function routing(): void {
  line('Dispatch: each call goes to the cheapest place');
  for (const n of [10, 1e4, 1e7]) {
    const e = dispatch.explain('dot', n);
    const est = Object.entries(e.estimates)
      .map(
        ([k, v]) =>
          `${k} ${(v as number) < 1e4 ? `${Math.round(v as number)} ns` : `${((v as number) / 1e6).toFixed(2)} ms`}`,
      )
      .join(', ');
    console.log(`dot n=${n.toExponential(0)} -> ${e.choice.padEnd(7)} (${est})`);
  }
  const { physical, logical } = {
    physical: dispatch.cpuCount({ logical: false }),
    logical: dispatch.cpuCount({ logical: true }),
  };
  console.log(
    `cores: ${physical} physical, ${logical} logical; default workers: ${dispatch.defaultWorkerCount()}`,
  );
}

/** The GPU: data stays on the device across kernels; only the final result is downloaded. */
async function gpu(): Promise<void> {
  line('GPU (WebGPU): device-resident arrays, transfers made explicit');
  let g: gpuPkg.Gpu;
  try {
    g = await gpuPkg.gpu();
  } catch (e) {
    console.log(`no GPU: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const n = 1 << 20;
  const x = gpuPkg.GpuArray.from(new Float32Array(n).fill(1));
  const y = gpuPkg.GpuArray.from(new Float32Array(n).fill(2));
  await gpuPkg.axpy(3, x, y); // y = 3x + y, on the device
  const s = await gpuPkg.sum(y); // reduced on the device; one number comes back
  const info = await gpuPkg.gpuInfo();
  const kind = info.software ? ' (a CPU driver: the "GPU" is the CPU here)' : '';
  console.log(
    `adapter: ${info.description || info.vendor || 'unknown'}${kind}; sum(3x + y) over ${n} elements = ${s}`,
  );
  x.dispose();
  y.dispose();
  await gpuPkg.closeGpu();
  void g;
}

/**
 * A tour of the use cases, printed to stdout (`polycore demo`): pools on threads and processes,
 * joblib's Parallel and Memory, shared primitives across processes, native kernels, the dispatcher
 * and the GPU.
 *
 * @example
 * ```ts
 * import { runDemo } from 'polycore/dist/demo.js';
 * await runDemo();
 * ```
 */
export async function runDemo(): Promise<void> {
  await pools();
  await parallel();
  await memory();
  await shared();
  kernels();
  routing();
  await gpu();
}
