/**
 * `calibrate()` (what `polycore calibrate` runs) and `calibrationInfo()` (what `polycore info`
 * prints). CPU constants are measured synchronously; task start-up costs (`tasks: true`) and the
 * GPU (`gpu: true`) only when asked, so a plain calibration never opens a GPU device.
 */
import { spawn } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { nativeStatus } from '@polycore/native';
import { gpuModule } from './backends/gpu.js';
import { calibrateCpu, workersStopped } from './calibrate-cpu.js';
import type { Calibration, GpuConstants, TaskConstants } from './calibration.js';
import { cacheFile, saveCalibration } from './calibration-cache.js';
import { currentCalibration, setCalibration } from './state.js';
import { thresholds } from './thresholds.js';
import { workerExecArgv } from './worker-argv.js';

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** Also measure the GPU (opens a WebGPU device). Default false. */
  gpu?: boolean;
  /** Also measure thread and process start-up and message costs (≈ 0.3 s more). Default false. */
  tasks?: boolean;
  /** Write the result to the on-disk cache (default true). */
  save?: boolean;
}

const WORKER_SRC = `const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m)); parentPort.postMessage('up');`;
const CHILD_SRC = `process.on('message', (m) => process.send(m)); process.send('up');`;

/** Resolves on the first `event` of `em`; rejects on its 'error' or an early 'exit' (never hangs). */
function first(em: EventEmitter, event: string, what: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      em.off(event, onEvent);
      em.off('error', onError);
      em.off('exit', onExit);
    };
    const onEvent = (v: unknown): void => {
      done();
      resolve(v);
    };
    const onError = (e: unknown): void => {
      done();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const onExit = (code: unknown): void => {
      done();
      reject(new Error(`${what} exited (code ${String(code)}) during calibration`));
    };
    em.on(event, onEvent);
    em.once('error', onError);
    em.once('exit', onExit);
  });
}

async function measureThreads(): Promise<Pick<TaskConstants, 'threadStartMs' | 'threadMessageUs'>> {
  const t0 = performance.now();
  const w = new Worker(WORKER_SRC, { eval: true, execArgv: workerExecArgv() });
  try {
    await first(w, 'message', 'the calibration thread');
    const threadStartMs = performance.now() - t0;
    const rounds = 200;
    const t1 = performance.now();
    for (let i = 0; i < rounds; i++) {
      w.postMessage(i);
      await first(w, 'message', 'the calibration thread');
    }
    const threadMessageUs = ((performance.now() - t1) * 1000) / rounds;
    return { threadStartMs, threadMessageUs };
  } finally {
    await w.terminate();
  }
}

async function measureProcesses(): Promise<Pick<TaskConstants, 'processStartMs' | 'processMessageUs'>> {
  const t0 = performance.now();
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const child = spawn(process.execPath, ['-e', CHILD_SRC], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    env,
    serialization: 'advanced',
  });
  // Registered before anything can fail, so the child is always reaped before we return.
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  try {
    await first(child, 'message', 'the calibration process');
    const processStartMs = performance.now() - t0;
    const rounds = 100;
    const t1 = performance.now();
    for (let i = 0; i < rounds; i++) {
      child.send(i);
      await first(child, 'message', 'the calibration process');
    }
    const processMessageUs = ((performance.now() - t1) * 1000) / rounds;
    return { processStartMs, processMessageUs };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  }
}

interface GpuLike {
  info?: { description?: string; software?: boolean };
}
type Kernel = (...a: unknown[]) => unknown;
interface GpuArrayCtor {
  from(x: Float32Array): { toArray(): Promise<Float32Array>; dispose(): void };
  empty(n: number): { toArray(): Promise<Float32Array>; dispose(): void };
}

async function timeAsync(fn: () => Promise<unknown>, reps: number): Promise<number> {
  await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, (performance.now() - t0) * 1e6);
  }
  return best;
}

/**
 * Measures the GPU: submit latency, upload/download bandwidth, stream and gemm throughput (opens
 * a WebGPU device; `available: false` with the reason in `adapter` when there is none).
 *
 * @example
 * ```ts
 * import { calibrateGpu } from '@polycore/dispatch';
 * const g = await calibrateGpu(); // { available: true, adapter: 'llvmpipe … (software)', gemmGflops: 2.5, … }
 * ```
 */
export async function calibrateGpu(): Promise<GpuConstants> {
  const none = (adapter: string): GpuConstants => ({
    available: false,
    adapter,
    submitNs: Number.POSITIVE_INFINITY,
    uploadGBs: 0,
    downloadGBs: 0,
    streamGBs: 0,
    gemmGflops: 0,
  });
  let m: Record<string, unknown>;
  let g: GpuLike;
  try {
    m = await gpuModule();
    g = (await (m.gpu as () => Promise<GpuLike>)()) ?? {};
  } catch (e) {
    return none(`unavailable: ${e instanceof Error ? e.message : String(e)}`);
  }
  const adapter = `${g.info?.description ?? 'gpu'}${g.info?.software ? ' (software)' : ''}`;
  const GpuArray = m.GpuArray as GpuArrayCtor;
  const dot = m.dot as Kernel | undefined;
  const gemm = m.gemm as Kernel | undefined;
  if (!GpuArray || typeof dot !== 'function') return none(`${adapter}: no kernels`);
  const n = 1 << 22;
  const host = new Float32Array(n).fill(1);
  const small = GpuArray.from(new Float32Array(16).fill(1));
  const x = GpuArray.from(host);
  try {
    const submitNs = await timeAsync(async () => dot(small, small), 5);
    const uploadNs = await timeAsync(async () => {
      const t = GpuArray.from(host);
      await dot(t, small === t ? t : t);
      t.dispose();
    }, 3);
    const downloadNs = await timeAsync(() => x.toArray(), 3);
    const streamNs = await timeAsync(async () => dot(x, x), 3);
    let gemmGflops = 0;
    if (typeof gemm === 'function') {
      const s = 512;
      const a = GpuArray.from(new Float32Array(s * s).fill(1));
      const c = GpuArray.empty(s * s);
      const ns = await timeAsync(async () => {
        await gemm({ m: s, n: s, k: s, a, b: a, c });
        await dot(small, small);
      }, 3);
      gemmGflops = (2 * s * s * s) / Math.max(1, ns - submitNs);
      a.dispose();
      c.dispose();
    }
    const bytes = n * 4;
    return {
      available: true,
      adapter,
      submitNs,
      uploadGBs: bytes / Math.max(1, uploadNs - streamNs / 2),
      downloadGBs: bytes / Math.max(1, downloadNs - submitNs / 2),
      streamGBs: (2 * bytes) / Math.max(1, streamNs - submitNs),
      gemmGflops,
    };
  } catch (e) {
    return none(`${adapter}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    x.dispose();
    small.dispose();
  }
}

/**
 * Measures this machine (≈ 0.3 s; `tasks` and `gpu` add their parts), installs the result for
 * routing and caches it on disk. Routing calibrates by itself on first use; call this to
 * re-measure (e.g. after a hardware change) or to include the GPU.
 *
 * @example
 * ```ts
 * import { calibrate } from '@polycore/dispatch';
 * const cal = await calibrate({ tasks: true });
 * console.log(cal.durationMs, cal.workers.copyGBs);
 * ```
 */
export async function calibrate(options: CalibrateOptions = {}): Promise<Calibration> {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const t0 = performance.now();
  const cal = calibrateCpu(false);
  // Leave nothing behind: the fallback's measuring workers are fully stopped before we return.
  await workersStopped();
  if (options.tasks) cal.tasks = { ...cal.tasks, ...(await measureThreads()), ...(await measureProcesses()) };
  cal.gpu = options.gpu ? await calibrateGpu() : null;
  cal.durationMs = Math.round(performance.now() - t0);
  setCalibration(cal);
  if (options.save !== false) saveCalibration(cal);
  return cal;
}

/**
 * Measures the GPU and adds it to the calibration in use (and the cache), unless it already has
 * a GPU part. Runs by itself, in the background, the first time a GpuArray reaches a routed
 * function.
 *
 * @example
 * ```ts
 * import { attachGpuCalibration, explain } from '@polycore/dispatch';
 * await attachGpuCalibration();
 * explain('gemm', 4096, 4096, 4096, { dtype: 'f32' }).estimates.gpu;
 * ```
 */
export async function attachGpuCalibration(): Promise<Calibration> {
  const cal = currentCalibration();
  if (cal.gpu !== null) return cal;
  const gpu = await calibrateGpu();
  const next = { ...currentCalibration(), gpu };
  setCalibration(next);
  saveCalibration(next);
  return next;
}

/** What {@link calibrationInfo} reports. */
export interface CalibrationInfo {
  /** Where the calibration is cached. */
  cacheFile: string;
  measuredAt: string;
  durationMs: number;
  native: { loaded: boolean; path: string | null; error: string | null; kernels: string[] };
  cores: Calibration['cores'];
  /** Largest length each level-1 operation runs inline in JavaScript. */
  inlineUpTo: Record<string, number>;
  workers: Calibration['workers'];
  tasks: Calibration['tasks'];
  gpu: Calibration['gpu'];
}

/**
 * A summary of the calibration in use, for `polycore info`.
 *
 * @example
 * ```ts
 * import { calibrationInfo } from '@polycore/dispatch';
 * console.log(JSON.stringify(calibrationInfo(), null, 2));
 * ```
 */
export function calibrationInfo(): CalibrationInfo {
  const cal = currentCalibration();
  const inlineUpTo: Record<string, number> = {};
  for (const [op, t] of Object.entries(thresholds)) if (t >= 0) inlineUpTo[op] = t;
  return {
    cacheFile: cacheFile(),
    measuredAt: cal.measuredAt,
    durationMs: cal.durationMs,
    native: { ...nativeStatus(), kernels: Object.keys(cal.native) },
    cores: cal.cores,
    inlineUpTo,
    workers: cal.workers,
    tasks: cal.tasks,
    gpu: cal.gpu,
  };
}
