/**
 * The GPU as the router sees it. @polycore/gpu (and WebGPU/Dawn behind it) is imported lazily:
 * only when a GpuArray is passed in, when `calibrate({ gpu: true })` runs, or when the cached
 * calibration says a GPU exists and wins for a call.
 */
import type { OpName } from '../op-catalog.js';

/** What the router needs to recognise a GpuArray without importing @polycore/gpu. */
export interface GpuOperand {
  readonly dtype: string;
  readonly length: number;
  toArray(): Promise<Float32Array>;
}

/** True for a GpuArray (an object with `toArray`, `dtype` and `length` that is not a typed array). */
export function isGpuOperand(x: unknown): x is GpuOperand {
  return (
    typeof x === 'object' &&
    x !== null &&
    !ArrayBuffer.isView(x) &&
    typeof (x as GpuOperand).toArray === 'function' &&
    typeof (x as GpuOperand).dtype === 'string'
  );
}

type GpuModule = Record<string, unknown>;
let mod: Promise<GpuModule> | null = null;

/** Imports @polycore/gpu once. */
export function gpuModule(): Promise<GpuModule> {
  mod ??= import('@polycore/gpu') as Promise<GpuModule>;
  return mod;
}

/** The GPU kernel `op` of @polycore/gpu, or a TypeError when it has none. */
export async function gpuKernel(op: string): Promise<(...args: unknown[]) => unknown> {
  const m = await gpuModule();
  const f = m[op];
  if (typeof f !== 'function') {
    throw new TypeError(
      `@polycore/gpu has no '${op}' kernel: download the GpuArray (await x.toArray()) and use ${op}()`,
    );
  }
  return f as (...args: unknown[]) => unknown;
}

let calibrating = false;

/**
 * On the first GpuArray seen, measure the GPU in the background (once per process, when the
 * calibration in use has no GPU part), so later calls on host arrays can consider it.
 */
function calibrateGpuLater(): void {
  if (calibrating) return;
  calibrating = true;
  void import('../calibrate.js').then((m) => m.attachGpuCalibration()).catch(() => undefined);
}

/** Runs `op` on the GPU with GpuArray operands (results stay on the GPU unless they are scalars). */
export async function gpuDirect(op: OpName, args: unknown[]): Promise<unknown> {
  calibrateGpuLater();
  const f = await gpuKernel(op);
  return await f(...args);
}

/**
 * Runs `op` on the GPU for host arrays the router sent there: upload, kernel, download into the
 * arrays the operation writes.
 */
export async function gpuRun(op: OpName, args: unknown[]): Promise<unknown> {
  const m = await gpuModule();
  const GpuArray = m.GpuArray as { from(x: ArrayBufferView): GpuOperand & { dispose(): void } };
  const uploaded: Array<[Float32Array, GpuOperand & { dispose(): void }]> = [];
  const seen = new Map<Float32Array, GpuOperand>();
  const up = (x: unknown): unknown => {
    if (!(x instanceof Float32Array)) return x;
    let g = seen.get(x);
    if (!g) {
      const d = GpuArray.from(x);
      uploaded.push([x, d]);
      seen.set(x, d);
      g = d;
    }
    return g;
  };
  const gargs = args.map((a) =>
    a !== null && typeof a === 'object' && !ArrayBuffer.isView(a)
      ? Object.fromEntries(Object.entries(a).map(([k, v]) => [k, up(v)]))
      : up(a),
  );
  try {
    const out = await gpuDirect(op, gargs);
    // Copy every operand back (the kernels write in place or into `out`); scalars pass through.
    for (const [host, dev] of uploaded) host.set(await dev.toArray());
    if (isGpuOperand(out)) {
      const hit = uploaded.find(([, d]) => d === out);
      return hit ? hit[0] : await out.toArray();
    }
    return out;
  } finally {
    for (const [, g] of uploaded) g.dispose();
  }
}
