/** GpuArray: a vector of f32 (or f16) that lives in GPU memory. */
import { acquire, release } from './buffers.js';
import { currentGpu, type Gpu } from './device.js';
import { GpuDeviceLostError, GpuError, GpuUnavailableError } from './errors.js';
import { fromHalfBits, toHalfBits } from './f16.js';
import { describe, dimension } from './validate.js';

/** Element types a {@link GpuArray} can hold. */
export type GpuDtype = 'f32' | 'f16';

/** Host data accepted by {@link GpuArray.from} and {@link GpuArray.set}. */
export type HostData = Float32Array | Float64Array | readonly number[];

/** Options of {@link GpuArray.from} / {@link GpuArray.empty}. */
export interface GpuArrayOptions {
  /** 'f32' (default) or 'f16' (needs an adapter with `shader-f16`). */
  dtype?: GpuDtype;
  /** The device (default: the one the last `await gpu()` opened). */
  gpu?: Gpu;
}

/** One GPU buffer shared by an array and its views; destroyed when the last of them lets go. */
class Storage {
  refs = 1;
  constructor(
    readonly gpu: Gpu,
    readonly buffer: GPUBuffer,
  ) {
    gpu.memory.buffers++;
    gpu.memory.bytes += buffer.size;
  }
  retain(): void {
    this.refs++;
  }
  release(): void {
    if (--this.refs !== 0) return;
    this.gpu.memory.buffers--;
    this.gpu.memory.bytes -= this.buffer.size;
    release(this.gpu, 'storage', this.buffer);
  }
}

const finalizer = new FinalizationRegistry<Storage>((s) => s.release());

const SIZE: Record<GpuDtype, number> = { f32: 4, f16: 2 };

function checkDtype(dtype: unknown, g: Gpu): GpuDtype {
  if (dtype === undefined || dtype === 'f32') return 'f32';
  if (dtype !== 'f16') throw new RangeError(`dtype must be 'f32' or 'f16', got ${String(dtype)}`);
  if (!g.f16) {
    throw new GpuUnavailableError(
      'missing-features',
      "dtype 'f16' needs an adapter with the 'shader-f16' feature",
    );
  }
  return 'f16';
}

function deviceOf(options: GpuArrayOptions | undefined): Gpu {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`options must be an options object (got ${describe(options)})`);
  }
  const g = options?.gpu ?? currentGpu();
  g.check();
  return g;
}

function hostLength(name: string, data: unknown): number {
  if (data instanceof Float32Array || data instanceof Float64Array || Array.isArray(data)) return data.length;
  throw new TypeError(`${name} must be a Float32Array, Float64Array or number[] (got ${describe(data)})`);
}

/** Bytes of `data` in `dtype`'s encoding (f32 values are rounded from f64, f16 from f32). */
function encode(data: HostData, dtype: GpuDtype): Uint8Array {
  if (dtype === 'f16') {
    const h = toHalfBits(data);
    return new Uint8Array(h.buffer, 0, h.byteLength);
  }
  const f = data instanceof Float32Array ? data : Float32Array.from(data);
  const bytes = new Uint8Array(f.buffer, f.byteOffset, f.byteLength);
  // Dawn's writeBuffer takes no SharedArrayBuffer: copy those (polycore's workers share memory).
  return f.buffer instanceof SharedArrayBuffer ? bytes.slice() : bytes;
}

/**
 * A vector of `f32` (or `f16`) in GPU memory. Kernels take and return GpuArrays, so chains of
 * kernels never copy data to or from the host; only {@link GpuArray.toArray} downloads.
 * Free memory with {@link GpuArray.dispose} (or `using`); a FinalizationRegistry frees arrays
 * that are garbage-collected without it.
 *
 * @example
 * ```ts
 * import { gpu, GpuArray } from '@polycore/gpu';
 * await gpu();
 * const x = GpuArray.from(new Float32Array([1, 2, 3]));
 * console.log(await x.toArray()); // Float32Array [1, 2, 3]
 * x.dispose();
 * ```
 */
export class GpuArray {
  /** The device that holds the data. */
  readonly gpu: Gpu;
  /** Element type. */
  readonly dtype: GpuDtype;
  /** Number of elements. */
  readonly length: number;
  /** First element within the underlying buffer (non-zero for views). */
  readonly offset: number;
  #storage: Storage | null;

  private constructor(storage: Storage, dtype: GpuDtype, offset: number, length: number) {
    this.gpu = storage.gpu;
    this.dtype = dtype;
    this.offset = offset;
    this.length = length;
    this.#storage = storage;
    finalizer.register(this, storage, this);
  }

  /**
   * Uploads host data (Float64Array values are rounded to f32; with `dtype: 'f16'` to f16).
   *
   * @throws TypeError for other data; RangeError when it exceeds the device's binding limit;
   *   GpuUnavailableError when no device is open.
   * @example
   * ```ts
   * const x = GpuArray.from([1, 2, 3], { dtype: 'f16' });
   * ```
   */
  static from(data: HostData, options?: GpuArrayOptions): GpuArray {
    const n = hostLength('data', data);
    const g = deviceOf(options);
    const dtype = checkDtype(options?.dtype, g);
    const x = GpuArray.#alloc(g, dtype, n, data);
    return x;
  }

  /**
   * A new array of `n` zeros.
   *
   * @example
   * ```ts
   * const y = GpuArray.empty(1024); // all 0
   * ```
   */
  static empty(n: number, options?: GpuArrayOptions): GpuArray {
    dimension('n', n);
    const g = deviceOf(options);
    return GpuArray.#alloc(g, checkDtype(options?.dtype, g), n, null);
  }

  static #alloc(g: Gpu, dtype: GpuDtype, n: number, data: HostData | null): GpuArray {
    const bytes = n * SIZE[dtype];
    const max = g.info.limits.maxStorageBufferBindingSize ?? 134217728;
    if (bytes > max) {
      throw new RangeError(
        `an array of ${n} ${dtype} needs ${bytes} bytes; this device binds at most ${max} bytes per array (maxStorageBufferBindingSize)`,
      );
    }
    const { buffer, reused } = acquire(g, 'storage', Math.max(16, bytes));
    if (reused && data === null) {
      // A recycled buffer holds old data: clear it in queue order (fresh ones are zeroed by WebGPU).
      const enc = g.device.createCommandEncoder();
      enc.clearBuffer(buffer, 0, Math.ceil(bytes / 4) * 4);
      g.device.queue.submit([enc.finish()]);
    }
    if (data !== null && n > 0) {
      // writeBuffer goes through Dawn's reused staging ring: faster than mappedAtCreation here.
      let raw = encode(data, dtype);
      if (raw.byteLength % 4 !== 0) {
        const padded = new Uint8Array(raw.byteLength + 2);
        padded.set(raw);
        raw = padded;
      }
      g.device.queue.writeBuffer(buffer, 0, raw.buffer, raw.byteOffset, raw.byteLength);
    }
    return new GpuArray(new Storage(g, buffer), dtype, 0, n);
  }

  /** @internal The live storage, or a clear error when disposed or lost. */
  get storage(): { buffer: GPUBuffer; gpu: Gpu } {
    const s = this.#storage;
    if (!s) throw new TypeError('the GpuArray was disposed');
    s.gpu.check();
    return s;
  }

  /** The underlying GPU buffer (shared with views; elements start at {@link offset}). */
  get buffer(): GPUBuffer {
    return this.storage.buffer;
  }

  /** True after {@link dispose}. */
  get disposed(): boolean {
    return this.#storage === null;
  }

  /** Bytes per element (4 for f32, 2 for f16). */
  get bytesPerElement(): number {
    return SIZE[this.dtype];
  }

  /**
   * Downloads the elements (f16 arrays are widened to f32). Pass `out` (a Float32Array of
   * `length` elements) to reuse host memory: fresh allocations page-fault and cost more than the
   * copy itself for large arrays. Rejects with GpuDeviceLostError when the device was lost, or
   * GpuError when WebGPU reported an error for earlier work.
   *
   * @example
   * ```ts
   * const host: Float32Array = await x.toArray();
   * await x.toArray(host); // again, into the same memory
   * ```
   */
  async toArray(out?: Float32Array): Promise<Float32Array> {
    if (out !== undefined) {
      if (!(out instanceof Float32Array))
        throw new TypeError(`out must be a Float32Array (got ${describe(out)})`);
      if (out.length !== this.length) {
        throw new RangeError(
          `out must have the same length as the GpuArray (${this.length}), got ${out.length}`,
        );
      }
    }
    const { buffer, gpu: g } = this.storage;
    g.throwPending();
    const dst = out ?? new Float32Array(this.length);
    if (this.length === 0) return dst;
    const es = SIZE[this.dtype];
    const start = this.offset * es;
    const end = start + this.length * es;
    const lo = Math.floor(start / 4) * 4;
    const size = Math.ceil(end / 4) * 4 - lo;
    await readBytes(g, buffer, lo, size, (bytes) => {
      if (this.dtype === 'f16') dst.set(fromHalfBits(new Uint16Array(bytes, start - lo, this.length)));
      else dst.set(new Float32Array(bytes, start - lo, this.length));
    });
    return dst;
  }

  /**
   * Uploads `data` into elements `offset ..` of this array (in queue order with kernels).
   *
   * @throws TypeError / RangeError when the data does not fit.
   * @example
   * ```ts
   * x.set(new Float32Array([7, 8]), 1);
   * ```
   */
  set(data: HostData, offset = 0): this {
    const n = hostLength('data', data);
    dimension('offset', offset);
    if (offset + n > this.length) {
      throw new RangeError(
        `data (${n} elements) at offset ${offset} does not fit in a GpuArray of length ${this.length}`,
      );
    }
    const { buffer, gpu: g } = this.storage;
    if (n === 0) return this;
    const bytes = encode(data, this.dtype);
    const start = (this.offset + offset) * SIZE[this.dtype];
    if (start % 4 === 0 && bytes.byteLength % 4 === 0) {
      g.device.queue.writeBuffer(buffer, start, bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return this;
    }
    // f16 starting or ending at an odd element: writeBuffer needs 4-byte alignment, so upload and copy on the device.
    const tmp = GpuArray.from(data, { dtype: this.dtype, gpu: g });
    copyHook.copy(tmp, this.subarray(offset, offset + n));
    tmp.dispose();
    return this;
  }

  /**
   * A view of elements `begin .. end` sharing this array's memory (kernels may read and write it).
   * The memory stays alive while any view does.
   *
   * @example
   * ```ts
   * const head = x.subarray(0, 2);
   * ```
   */
  subarray(begin = 0, end: number = this.length): GpuArray {
    dimension('begin', begin);
    dimension('end', end);
    if (begin > end || end > this.length) {
      throw new RangeError(
        `subarray(${begin}, ${end}) is out of range for a GpuArray of length ${this.length}`,
      );
    }
    const s = this.#storage;
    if (!s) throw new TypeError('the GpuArray was disposed');
    s.gpu.check();
    s.retain();
    return new GpuArray(s, this.dtype, this.offset + begin, end - begin);
  }

  /**
   * Releases this array's hold on the GPU memory at once (views keep it alive); later use throws.
   * Idempotent.
   *
   * @example
   * ```ts
   * x.dispose();
   * ```
   */
  dispose(): void {
    const s = this.#storage;
    if (!s) return;
    this.#storage = null;
    finalizer.unregister(this);
    s.release();
  }

  /** `using x = GpuArray.from(...)` disposes at the end of the scope. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** Injected by kernels/elementwise.ts (avoids an import cycle): copies `src` into `dst`. */
export const copyHook: { copy: (src: GpuArray, dst: GpuArray) => void } = {
  copy: () => {
    throw new Error('copy kernel not loaded');
  },
};

/**
 * @internal Copies `size` bytes at `offset` of `buffer` to the host through a (reused) staging
 * buffer and hands the mapped bytes to `consume` (valid only during the call). Shared by
 * `toArray()` and the scalar results of reductions.
 */
export async function readBytes(
  g: Gpu,
  buffer: GPUBuffer,
  offset: number,
  size: number,
  consume: (bytes: ArrayBuffer) => void,
): Promise<void> {
  const { device } = g;
  const { buffer: staging } = acquire(g, 'staging', size);
  let ok = false;
  try {
    const enc = device.createCommandEncoder();
    enc.copyBufferToBuffer(buffer, offset, staging, 0, size);
    device.queue.submit([enc.finish()]);
    try {
      await staging.mapAsync(g.usage.map.READ as number, 0, size);
    } catch (e) {
      g.check();
      throw new GpuError('internal', `download failed: ${(e as Error).message}`);
    }
    try {
      consume(staging.getMappedRange(0, size));
    } finally {
      staging.unmap();
    }
    g.throwPending();
    ok = true;
  } catch (e) {
    if (g.lost && !(e instanceof GpuDeviceLostError)) g.check();
    throw e;
  } finally {
    if (ok) release(g, 'staging', staging);
    else staging.destroy();
  }
}
