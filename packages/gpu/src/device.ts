/**
 * Opening, caching and reopening the WebGPU device. The `webgpu` package (Dawn) is loaded lazily,
 * on the first `gpu()` call, so importing @polycore/gpu costs nothing when no GPU is used.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedBytes, trim } from './buffers.js';
import { GpuDeviceLostError, GpuError, GpuUnavailableError } from './errors.js';
import { describeAdapter, type GpuInfo } from './info.js';
import { selfTest } from './selftest.js';

/** The part of `navigator.gpu` polycore uses (lets tests inject a fake adapter provider). */
export interface GpuProvider {
  requestAdapter(options?: GPURequestAdapterOptions): Promise<GPUAdapter | null>;
}

/** Options of {@link gpu}. */
export interface GpuOptions {
  /** Adapter preference passed to `requestAdapter` (default: none). */
  powerPreference?: 'low-power' | 'high-performance';
  /** Pick the adapter with this name (Dawn's `adapter=` option; a wrong name lists the adapters in the error). */
  adapter?: string;
  /** Dawn backend: 'vulkan', 'metal', 'd3d12', 'd3d11', 'opengl', 'opengles', 'null' (default: the platform's best). */
  backend?: string;
  /** Ask for the fallback (software) adapter. */
  forceFallbackAdapter?: boolean;
  /** Features the device must have; missing ones reject with reason 'missing-features'. */
  requiredFeatures?: string[];
  /** Enable `shader-f16` when the adapter has it (default true). */
  f16?: boolean;
  /** Extra Dawn options for `create()` (e.g. `'enable-dawn-features=...'`). */
  dawnOptions?: string[];
  /**
   * Returns the `navigator.gpu` to use instead of Dawn's (tests inject a provider with no
   * adapter to exercise the unavailable path). Not part of the cache key.
   */
  provider?: () => GpuProvider | null | Promise<GpuProvider | null>;
}

/** One error WebGPU reported asynchronously (validation, out-of-memory, internal). */
interface PendingError {
  kind: string;
  message: string;
}

/**
 * An open WebGPU device with polycore's per-device state: adapter description, pipeline cache,
 * loss status. Obtain it with {@link gpu}.
 *
 * @example
 * ```ts
 * import { gpu } from '@polycore/gpu';
 * const g = await gpu();
 * console.log(g.info.description, g.f16);
 * ```
 */
export class Gpu {
  /** The WebGPU device. */
  readonly device: GPUDevice;
  /** The adapter it was opened on. */
  readonly adapter: GPUAdapter;
  /** Adapter description, features and limits. */
  readonly info: GpuInfo;
  /** True when f16 arrays and kernels are available (`shader-f16`). */
  readonly f16: boolean;
  /** Compiled compute pipelines by key (see pipelines.ts). */
  readonly pipelines = new Map<string, GPUComputePipeline>();
  /** Per-device tuning choices (e.g. the gemm tile). */
  readonly tuning = new Map<string, unknown>();
  /** Live GpuArray storage on this device (views share one buffer): counts and bytes. */
  readonly memory = { buffers: 0, bytes: 0 };
  /** WebGPU's usage flags (from Dawn's globals). */
  readonly usage: { buffer: Record<string, number>; map: Record<string, number> };
  #lost: GpuDeviceLostError | null = null;
  #errors: PendingError[] = [];
  // Keeps Dawn's instance alive as long as the device is in use.
  readonly #instance: unknown;

  /** @internal Use {@link gpu}. */
  constructor(
    instance: unknown,
    adapter: GPUAdapter,
    device: GPUDevice,
    f16: boolean,
    usage: { buffer: Record<string, number>; map: Record<string, number> },
  ) {
    this.#instance = instance;
    this.adapter = adapter;
    this.device = device;
    this.f16 = f16;
    this.usage = usage;
    this.info = describeAdapter(adapter, device, f16);
    device.addEventListener('uncapturederror', (ev) => {
      const e = (ev as GPUUncapturedErrorEvent).error;
      const kind =
        e.constructor?.name === 'GPUOutOfMemoryError'
          ? 'out-of-memory'
          : e.constructor?.name === 'GPUInternalError'
            ? 'internal'
            : 'validation';
      if (this.#errors.length < 16) this.#errors.push({ kind, message: e.message });
    });
    void device.lost.then((info) => this.markLost(info.reason, info.message || 'device lost'));
  }

  /** True once the device was lost or destroyed. */
  get lost(): boolean {
    return this.#lost !== null;
  }

  /** @internal Records the loss and forgets this device as the default. */
  markLost(reason: string, message: string): void {
    if (this.#lost) return;
    this.#lost = new GpuDeviceLostError(reason, message);
    this.pipelines.clear();
    forget(this);
  }

  /** Throws {@link GpuDeviceLostError} when the device is gone. */
  check(): void {
    if (this.#lost) throw this.#lost;
  }

  /** @internal Throws the first error WebGPU reported since the last call (and clears the list). */
  throwPending(): void {
    this.check();
    const e = this.#errors.shift();
    if (e) {
      this.#errors = [];
      throw new GpuError(e.kind, e.message);
    }
  }

  /**
   * Resolves when all work submitted so far has finished (rejects with the device loss or a
   * pending WebGPU error). Kernels are asynchronous: use it to time them or to wait without a download.
   *
   * @example
   * ```ts
   * axpy(2, x, y);
   * await g.sync();
   * ```
   */
  async sync(): Promise<void> {
    this.check();
    await this.device.queue.onSubmittedWorkDone();
    this.throwPending();
  }

  /**
   * Frees the buffers polycore keeps for reuse (released arrays and download staging: up to
   * 256 + 128 MiB per device); returns the bytes freed. Live arrays are untouched.
   *
   * @example
   * ```ts
   * g.trim();
   * ```
   */
  trim(): number {
    return trim(this);
  }

  /** Bytes of released buffers kept for reuse (see {@link trim}). */
  get cachedBytes(): number {
    return cachedBytes(this);
  }

  /** @internal The dawn instance (kept referenced). */
  get instance(): unknown {
    return this.#instance;
  }

  /**
   * Destroys the device (frees its memory; its arrays become unusable). The next {@link gpu}
   * call opens a new one.
   *
   * @example
   * ```ts
   * const g = await gpu();
   * g.destroy();
   * ```
   */
  destroy(): void {
    this.markLost('destroyed', 'destroyed by Gpu.destroy()');
    this.device.destroy();
  }
}

interface CacheEntry {
  promise: Promise<Gpu>;
  gpu: Gpu | null;
}

const cache = new Map<string, CacheEntry>();
let current: Gpu | null = null;

function forget(g: Gpu): void {
  if (current === g) current = null;
  for (const [key, entry] of cache) if (entry.gpu === g) cache.delete(key);
}

/**
 * True when the environment disables the GPU path (`POLYCORE_GPU=0`, `false`, `off`, `no`).
 *
 * @example
 * ```ts
 * if (gpuDisabledByEnv()) console.log('GPU off: using the CPU kernels');
 * ```
 */
export function gpuDisabledByEnv(): boolean {
  const v = process.env.POLYCORE_GPU?.trim().toLowerCase();
  return v === '0' || v === 'false' || v === 'off' || v === 'no';
}

function cacheKey(o: GpuOptions): string {
  return JSON.stringify([
    o.powerPreference ?? null,
    o.adapter ?? null,
    o.backend ?? null,
    o.forceFallbackAdapter ?? false,
    [...(o.requiredFeatures ?? [])].sort(),
    o.f16 ?? true,
    o.dawnOptions ?? [],
  ]);
}

function checkOptions(o: unknown): GpuOptions {
  if (o === undefined) return {};
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    throw new TypeError('gpu options must be an options object');
  }
  const opts = o as GpuOptions;
  const pp = opts.powerPreference;
  if (pp !== undefined && pp !== 'low-power' && pp !== 'high-performance') {
    throw new RangeError(`powerPreference must be 'low-power' or 'high-performance', got ${String(pp)}`);
  }
  for (const k of ['adapter', 'backend'] as const) {
    if (opts[k] !== undefined && typeof opts[k] !== 'string') throw new TypeError(`${k} must be a string`);
  }
  if (opts.provider !== undefined && typeof opts.provider !== 'function') {
    throw new TypeError('provider must be a function returning a navigator.gpu-like object');
  }
  return opts;
}

interface DawnModule {
  create(options: string[]): GpuProvider;
  globals: Record<string, unknown>;
}

let dawn: Promise<DawnModule> | null = null;

async function loadDawn(): Promise<DawnModule> {
  if (!process.env.XDG_RUNTIME_DIR) {
    // Mesa's Vulkan drivers look for it; a private temporary directory is enough for compute.
    const dir = join(tmpdir(), `polycore-xdg-${process.getuid?.() ?? 'user'}`);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      process.env.XDG_RUNTIME_DIR = dir;
    } catch {
      // Harmless: only a warning from some drivers.
    }
  }
  dawn ??= import('webgpu') as unknown as Promise<DawnModule>;
  try {
    return await dawn;
  } catch (e) {
    dawn = null;
    throw e;
  }
}

const FALLBACK_USAGE = {
  buffer: { MAP_READ: 1, MAP_WRITE: 2, COPY_SRC: 4, COPY_DST: 8, UNIFORM: 64, STORAGE: 128 },
  map: { READ: 1, WRITE: 2 },
};

async function open(o: GpuOptions): Promise<Gpu> {
  if (gpuDisabledByEnv()) {
    throw new GpuUnavailableError(
      'disabled',
      `the GPU path is disabled by POLYCORE_GPU=${process.env.POLYCORE_GPU}`,
    );
  }
  let provider: GpuProvider | null;
  let instance: unknown = null;
  let usage: { buffer: Record<string, number>; map: Record<string, number> } = FALLBACK_USAGE;
  if (o.provider) {
    provider = await o.provider();
  } else {
    let mod: DawnModule;
    try {
      mod = await loadDawn();
    } catch (e) {
      throw new GpuUnavailableError(
        'no-module',
        `the 'webgpu' package (Dawn) could not be loaded: ${(e as Error).message}`,
        { cause: e },
      );
    }
    const flags = [...(o.dawnOptions ?? [])];
    if (o.adapter) flags.push(`adapter=${o.adapter}`);
    if (o.backend) flags.push(`backend=${o.backend}`);
    try {
      provider = mod.create(flags);
    } catch (e) {
      throw new GpuUnavailableError('no-adapter', `Dawn rejected the options: ${(e as Error).message}`, {
        cause: e,
      });
    }
    instance = provider;
    const g = mod.globals as { GPUBufferUsage?: Record<string, number>; GPUMapMode?: Record<string, number> };
    if (g.GPUBufferUsage && g.GPUMapMode) usage = { buffer: g.GPUBufferUsage, map: g.GPUMapMode };
  }
  if (!provider)
    throw new GpuUnavailableError('no-adapter', 'no WebGPU implementation (provider returned none)');
  let adapter: GPUAdapter | null;
  try {
    const req: GPURequestAdapterOptions = {};
    if (o.powerPreference) req.powerPreference = o.powerPreference;
    if (o.forceFallbackAdapter) req.forceFallbackAdapter = true;
    adapter = await provider.requestAdapter(req);
  } catch (e) {
    throw new GpuUnavailableError('no-adapter', `requestAdapter failed: ${(e as Error).message}`, {
      cause: e,
    });
  }
  if (!adapter) {
    throw new GpuUnavailableError(
      'no-adapter',
      'no WebGPU adapter: no GPU driver found (on Linux without a GPU install Mesa >= 25 lavapipe: scripts/setup-gpu.sh)',
    );
  }
  const missing = (o.requiredFeatures ?? []).filter((f) => !adapter.features.has(f));
  if (missing.length > 0) {
    throw new GpuUnavailableError(
      'missing-features',
      `the adapter lacks required features: ${missing.join(', ')}`,
    );
  }
  const f16 = (o.f16 ?? true) && adapter.features.has('shader-f16');
  const features = new Set<string>(o.requiredFeatures ?? []);
  if (f16) features.add('shader-f16');
  const lim = adapter.limits;
  const requiredLimits: Record<string, number> = {
    maxStorageBufferBindingSize: lim.maxStorageBufferBindingSize,
    maxBufferSize: lim.maxBufferSize,
    maxComputeWorkgroupStorageSize: lim.maxComputeWorkgroupStorageSize,
    maxComputeInvocationsPerWorkgroup: lim.maxComputeInvocationsPerWorkgroup,
    maxComputeWorkgroupSizeX: lim.maxComputeWorkgroupSizeX,
    maxComputeWorkgroupSizeY: lim.maxComputeWorkgroupSizeY,
    maxStorageBuffersPerShaderStage: lim.maxStorageBuffersPerShaderStage,
  };
  let device: GPUDevice;
  const requiredFeatures = [...features] as GPUFeatureName[];
  try {
    device = await adapter.requestDevice({ requiredFeatures, requiredLimits });
  } catch {
    // Some drivers refuse their own maxima: retry with WebGPU's default limits.
    try {
      device = await adapter.requestDevice({ requiredFeatures });
    } catch (e) {
      throw new GpuUnavailableError('no-device', `requestDevice failed: ${(e as Error).message}`, {
        cause: e,
      });
    }
  }
  const g = new Gpu(instance, adapter, device, f16, usage);
  try {
    await selfTest(g);
  } catch (e) {
    g.destroy();
    throw new GpuUnavailableError(
      'self-test-failed',
      `the adapter (${g.info.description}) opened but could not run a compute shader correctly: ${(e as Error).message}` +
        ' (on Linux, lavapipe needs Mesa >= 25: scripts/setup-gpu.sh)',
      { cause: e },
    );
  }
  return g;
}

/**
 * Opens a WebGPU device (or returns the one already open with the same options) and makes it the
 * default device for {@link GpuArray.from} and friends. Rejects with {@link GpuUnavailableError}
 * saying why when there is none: disabled by `POLYCORE_GPU=0`, the `webgpu` package missing,
 * no adapter, missing features, or a driver that fails polycore's self-test. After a device loss
 * the next call opens a new device.
 *
 * @example
 * ```ts
 * import { gpu } from '@polycore/gpu';
 * const g = await gpu({ powerPreference: 'high-performance' });
 * console.log(g.info.vendor, g.info.limits.maxStorageBufferBindingSize);
 * ```
 */
export function gpu(options?: GpuOptions): Promise<Gpu> {
  let o: GpuOptions;
  try {
    o = checkOptions(options);
  } catch (e) {
    return Promise.reject(e);
  }
  if (gpuDisabledByEnv()) {
    return Promise.reject(
      new GpuUnavailableError(
        'disabled',
        `the GPU path is disabled by POLYCORE_GPU=${process.env.POLYCORE_GPU}`,
      ),
    );
  }
  const key = o.provider ? null : cacheKey(o);
  const hit = key === null ? undefined : cache.get(key);
  if (hit) {
    return hit.promise.then((g) => {
      current = g;
      return g;
    });
  }
  const entry: CacheEntry = { promise: open(o), gpu: null };
  entry.promise = entry.promise.then(
    (g) => {
      entry.gpu = g;
      current = g;
      if (g.lost) forget(g);
      return g;
    },
    (e: unknown) => {
      if (key !== null && cache.get(key) === entry) cache.delete(key);
      throw e;
    },
  );
  if (key !== null) cache.set(key, entry);
  return entry.promise;
}

/**
 * The default device: the one the last {@link gpu} call resolved to.
 *
 * @throws GpuUnavailableError (reason 'not-opened') when no device is open: `await gpu()` first.
 * @example
 * ```ts
 * await gpu();
 * const g = currentGpu();
 * ```
 */
export function currentGpu(): Gpu {
  if (!current || current.lost) {
    throw new GpuUnavailableError('not-opened', 'no GPU device is open: call `await gpu()` first');
  }
  return current;
}

/**
 * Destroys every device polycore opened (tests call it in `afterAll` so the process exits at once).
 *
 * @example
 * ```ts
 * import { closeGpu } from '@polycore/gpu';
 * afterAll(closeGpu);
 * ```
 */
export async function closeGpu(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  for (const entry of all) {
    try {
      (await entry.promise).destroy();
    } catch {
      // Never opened: nothing to close.
    }
  }
  if (current) current.destroy();
  current = null;
}
