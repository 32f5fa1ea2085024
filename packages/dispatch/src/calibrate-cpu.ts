/**
 * The synchronous part of calibration: the TypeScript and native kernel curves of every class,
 * copy and clone bandwidth, and the hyperthread gain. About 0.3 s on a 2-core machine.
 */
import { performance } from 'node:perf_hooks';
import { getNumThreads, normalizeGemm, normalizeGemv, setNumThreads } from '@polycore/native';
import { nat, nativeFn, nativeGemm, nativeGemv, nativeLoaded } from './backends/native.js';
import type { Calibration, KernelCurve, WorkerConstants } from './calibration.js';
import { DEFAULT_TASKS, defaultWorkers, VERSION } from './defaults.js';
import { binaryRange, unaryRange } from './fallback/kernels-elementwise.js';
import { axpyRange, dotRange } from './fallback/kernels-level1.js';
import { gemmRows, gemvRows } from './fallback/kernels-level3.js';
import { WorkerSet } from './fallback/workers.js';
import { cpuCount, defaultWorkerCount, machineKey } from './hardware.js';
import { filled, timeNs } from './microbench.js';
import type { OpClass } from './op-catalog.js';

/** A kernel to time at a size: returns the work units and a function running it once. */
type Bench = (size: number) => [work: number, run: () => unknown];

const L1_SIZES = [256, 16384, 1 << 20];
const GEMM_SIZES_JS = [8, 32, 128];
const GEMM_SIZES_NATIVE = [8, 32, 128, 384];
const GEMV_SIZES = [16, 128, 1024];
const PASSES = 3;

let bufs: Float64Array[] = [];
function arrays(n: number): [Float64Array, Float64Array, Float64Array] {
  if (!bufs[0] || bufs[0].length < n) bufs = [filled(n, 1), filled(n, 2), filled(n, 3)];
  const [a, b, c] = bufs as [Float64Array, Float64Array, Float64Array];
  return [a.subarray(0, n), b.subarray(0, n), c.subarray(0, n)];
}

function gemmBench(kernel: 'js' | 'native'): Bench {
  return (s) => {
    const [a, b, c] = arrays(s * s);
    const args = {
      m: s,
      n: s,
      k: s,
      alpha: 1,
      beta: 0,
      a,
      lda: s,
      transA: false,
      b,
      ldb: s,
      transB: false,
      c,
      ldc: s,
    };
    const gemm = nativeGemm;
    const o = { m: s, n: s, k: s, a, b, c };
    const g = normalizeGemm(o);
    const run = kernel === 'js' || !gemm ? () => gemmRows(args, 0, s) : () => gemm(g);
    return [2 * s * s * s, run];
  };
}

function gemvBench(kernel: 'js' | 'native'): Bench {
  return (s) => {
    const [a, x, y0] = arrays(s * s);
    const y = y0.subarray(0, s);
    const xs = x.subarray(0, s);
    const args = { m: s, n: s, alpha: 1, beta: 0, a, lda: s, trans: false, x: xs, incX: 1, y, incY: 1 };
    const gemv = nativeGemv;
    const o = { m: s, n: s, a, x: xs, y };
    const g = normalizeGemv(o);
    const run = kernel === 'js' || !gemv ? () => gemvRows(args, 0, s) : () => gemv(g);
    return [s * s, run];
  };
}

type Fn = (...a: unknown[]) => unknown;

/** The JS benchmark kernel of each class, and the native one (undefined when missing). */
function benches(): Record<
  OpClass,
  { js: Bench; native: Bench | undefined; sizes: number[]; nativeSizes?: number[] }
> {
  const ndot = nat.dot;
  const naxpy = nat.axpy;
  const nadd = nativeFn<Fn>('add');
  const nexp = nativeFn<Fn>('exp');
  return {
    reduce: {
      sizes: L1_SIZES,
      js: (n) => {
        const [x, y] = arrays(n);
        return [n, () => dotRange(x, y, 0, n)];
      },
      native: ndot
        ? (n) => {
            const [x, y] = arrays(n);
            return [n, () => ndot(x, y)];
          }
        : undefined,
    },
    update: {
      sizes: L1_SIZES,
      js: (n) => {
        const [x, , y] = arrays(n);
        return [n, () => axpyRange(1e-9, x, y, 0, n)];
      },
      native: naxpy
        ? (n) => {
            const [x, , y] = arrays(n);
            return [n, () => naxpy(1e-9, x, y)];
          }
        : undefined,
    },
    map: {
      sizes: L1_SIZES,
      js: (n) => {
        const [a, b, c] = arrays(n);
        return [n, () => binaryRange('add', a, b, c, 0, n)];
      },
      native: nadd
        ? (n) => {
            const [a, b, c] = arrays(n);
            return [n, () => nadd(a, b, c)];
          }
        : undefined,
    },
    mapHeavy: {
      sizes: [256, 16384, 1 << 17],
      js: (n) => {
        const [x, , out] = arrays(n);
        return [n, () => unaryRange('exp', x, out, 0, n)];
      },
      native: nexp
        ? (n) => {
            const [x, , out] = arrays(n);
            return [n, () => nexp(x, out)];
          }
        : undefined,
    },
    gemm: {
      sizes: GEMM_SIZES_JS,
      nativeSizes: GEMM_SIZES_NATIVE,
      js: gemmBench('js'),
      native: nativeGemm ? gemmBench('native') : undefined,
    },
    gemv: { sizes: GEMV_SIZES, js: gemvBench('js'), native: nativeGemv ? gemvBench('native') : undefined },
  };
}

/**
 * Runs `fn` until its time per call stops improving (the optimizing JIT compiles in the
 * background, later on a busy machine), at most `maxMs`.
 */
function warm(fn: () => unknown, maxMs = 30): void {
  const end = performance.now() + maxMs;
  let best = Number.POSITIVE_INFINITY;
  let flat = 0;
  while (performance.now() < end && flat < 3) {
    const t = timeNs(fn, 100_000, 1);
    if (t < best * 0.95) flat = 0;
    else flat++;
    best = Math.min(best, t);
  }
}

/** One curve being measured: its runs and the best time seen so far at each point. */
interface Pending {
  tiny: () => unknown;
  runs: Array<[number, () => unknown]>;
  best: number[];
}

function prepare(bench: Bench, sizes: number[], warmMs: number): Pending {
  const [, tiny] = bench(1);
  const runs = sizes.map((s) => bench(s));
  warm(tiny, warmMs);
  warm((runs[0] as [number, () => unknown])[1], warmMs);
  return { tiny, runs, best: new Array<number>(sizes.length + 1).fill(Number.POSITIVE_INFINITY) };
}

/** One measuring pass over a curve, keeping the best time of each point. */
function pass(p: Pending, batchNs: number): void {
  p.best[0] = Math.min(p.best[0] as number, timeNs(p.tiny, batchNs, 4));
  p.runs.forEach(([work, run], i) => {
    p.best[i + 1] = Math.min(p.best[i + 1] as number, timeNs(run, batchNs, work > 1e6 ? 1 : 3));
  });
}

/** The curve: overhead at size 1, then totals made non-decreasing. */
function finish(p: Pending): KernelCurve {
  const overheadNs = p.best[0] as number;
  let prev = overheadNs;
  const points = p.runs.map(([work], i): [number, number] => {
    prev = Math.max(prev, p.best[i + 1] as number);
    return [work, prev];
  });
  return { overheadNs, points };
}

/** Bytes per ns (GB/s) of `TypedArray.set` and of structured clone. */
function bandwidths(): { copyGBs: number; cloneGBs: number } {
  const n = 1 << 20;
  const [src, dst] = arrays(n);
  const sab = new Float64Array(new SharedArrayBuffer(n * 8));
  const copyNs = timeNs(() => sab.set(src), 200_000, 3);
  const small = dst.slice(0, n >> 2);
  const cloneNs = timeNs(() => structuredClone(small), 200_000, 2);
  return { copyGBs: (n * 8) / copyNs, cloneGBs: small.byteLength / cloneNs };
}

let stopping: Promise<void> = Promise.resolve();

/**
 * Resolves once the workers the last CPU calibration started (without a native core) have
 * stopped; `calibrate()` awaits it so that it leaves no thread behind.
 */
export function workersStopped(): Promise<void> {
  return stopping;
}

/**
 * Without a native core the worker fallback is the only parallel backend: measure its job round
 * trip and the Amdahl serial fraction of a memory-bound (dot) and a compute-bound (gemm) job on
 * SharedArrayBuffers. Starts the workers (≈ 50 ms) and stops them again.
 */
function measureWorkers(base: WorkerConstants): WorkerConstants {
  const count = Math.max(2, base.count);
  const ws = new WorkerSet(count);
  try {
    const tiny = new Float64Array(new SharedArrayBuffer(64));
    const roundTripNs = timeNs(() => ws.runSync(() => ({ kind: 'dot', x: tiny, y: tiny })), 2e6, 3);
    const serial = (job: () => unknown, inline: () => unknown): number => {
      const tw = timeNs(job, 4e6, 3) - roundTripNs;
      const t1 = timeNs(inline, 4e6, 3);
      const speedup = t1 / Math.max(1, tw);
      return Math.min(1, Math.max(0.02, (count / speedup - 1) / (count - 1)));
    };
    const n = 1 << 20;
    const x = new Float64Array(new SharedArrayBuffer(n * 8)).fill(1);
    const y = new Float64Array(new SharedArrayBuffer(n * 8)).fill(2);
    const serialStream = serial(
      () => ws.runSync(() => ({ kind: 'dot', x, y })),
      () => dotRange(x, y, 0, n),
    );
    const s = 128;
    const [a, b, c] = [
      x.subarray(0, s * s),
      y.subarray(0, s * s),
      new Float64Array(new SharedArrayBuffer(s * s * 8)),
    ];
    const g = {
      m: s,
      n: s,
      k: s,
      alpha: 1,
      beta: 0,
      a,
      lda: s,
      transA: false,
      b,
      ldb: s,
      transB: false,
      c,
      ldc: s,
    };
    const serialCompute = serial(
      () => ws.runSync(() => ({ kind: 'gemm', ...g })),
      () => gemmRows(g, 0, s),
    );
    return { ...base, count, roundTripNs, serialStream, serialCompute };
  } catch {
    return base;
  } finally {
    stopping = ws.close();
  }
}

/** Gain of running native gemm on the hyperthreads too (0 when there are none). */
function hyperthreadGain(): number {
  const physical = cpuCount();
  const logical = cpuCount({ logical: true });
  const gemm = nat.gemm;
  if (logical <= physical || !gemm) return 0;
  const before = getNumThreads();
  try {
    const s = 256;
    const [a, b, c] = arrays(s * s);
    const run = () => gemm({ m: s, n: s, k: s, a, b, c });
    setNumThreads(physical);
    const tp = timeNs(run, 2e6, 2);
    setNumThreads(logical);
    const tl = timeNs(run, 2e6, 2);
    return Math.max(0, tp / tl - 1) / ((logical - physical) / physical);
  } catch {
    return 0;
  } finally {
    setNumThreads(before);
  }
}

/**
 * Measures the CPU constants synchronously (what first use runs when nothing is cached).
 * `quick` halves the batch lengths.
 */
export function calibrateCpu(quick = false): Calibration {
  const t0 = performance.now();
  const batchNs = quick ? 60_000 : 150_000;
  const b = benches();
  const js = {} as Record<OpClass, KernelCurve>;
  const native: Partial<Record<OpClass, KernelCurve>> = {};
  const pending: Array<[OpClass, Pending, Pending | undefined]> = [];
  for (const cls of Object.keys(b) as OpClass[]) {
    const entry = b[cls];
    // JS kernels need the optimizing JIT to settle; native ones only their thin JS wrapper.
    const pj = prepare(entry.js, entry.sizes, quick ? 12 : 25);
    const pn = entry.native ? prepare(entry.native, entry.nativeSizes ?? entry.sizes, 3) : undefined;
    pending.push([cls, pj, pn]);
  }
  // Passes interleave the backends, and the best of each point is kept: a noisy neighbour during
  // one pass does not decide a crossover.
  for (let round = 0; round < PASSES; round++) {
    for (const [, pj, pn] of pending) {
      pass(pj, batchNs);
      if (pn) pass(pn, batchNs);
    }
  }
  for (const [cls, pj, pn] of pending) {
    js[cls] = finish(pj);
    if (pn) native[cls] = finish(pn);
  }
  const { copyGBs, cloneGBs } = bandwidths();
  const gain = hyperthreadGain();
  bufs = [];
  return {
    format: 1,
    version: VERSION,
    machine: machineKey(),
    measuredAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - t0),
    cores: { physical: cpuCount(), logical: cpuCount({ logical: true }), hyperthreadGain: gain },
    js,
    native,
    workers: nativeLoaded
      ? { ...defaultWorkers(), count: defaultWorkerCount(gain), copyGBs }
      : measureWorkers({ ...defaultWorkers(), count: defaultWorkerCount(gain), copyGBs }),
    gpu: null,
    tasks: { ...DEFAULT_TASKS, cloneGBs },
  };
}
