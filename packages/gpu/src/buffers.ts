/**
 * A caching allocator for GPU buffers, per device (like PyTorch's): creating a buffer costs far
 * more than reusing one (allocation, page faults, Dawn's lazy zeroing), so released array storage
 * and download staging buffers are kept by power-of-two size class and handed out again. Reuse is
 * safe without fences because every use goes through the device's single queue in order.
 */
import type { Gpu } from './device.js';

/** Buffer roles: array storage (STORAGE|COPY_SRC|COPY_DST) or download staging (MAP_READ|COPY_DST). */
export type BufferKind = 'storage' | 'staging';

/** Bytes of released buffers kept per device and kind. */
const KEEP: Record<BufferKind, number> = { storage: 256 << 20, staging: 128 << 20 };

interface Pool {
  free: Map<number, GPUBuffer[]>;
  bytes: number;
}

const pools = new WeakMap<Gpu, Record<BufferKind, Pool>>();

function poolOf(g: Gpu, kind: BufferKind): Pool {
  let p = pools.get(g);
  if (!p) {
    p = { storage: { free: new Map(), bytes: 0 }, staging: { free: new Map(), bytes: 0 } };
    pools.set(g, p);
  }
  return p[kind];
}

/** The size class of a request: the next power of two (≥ 256 bytes), or exactly `size` above `max`. */
export function sizeClass(size: number, max: number): number {
  const cls = Math.max(256, 2 ** Math.ceil(Math.log2(Math.max(1, size))));
  return cls > max ? Math.ceil(size / 16) * 16 : cls;
}

/**
 * A buffer of at least `size` bytes; `reused` tells whether it may hold old data.
 *
 * @example
 * ```ts
 * const { buffer, reused } = acquire(g, 'storage', 4096);
 * ```
 */
export function acquire(g: Gpu, kind: BufferKind, size: number): { buffer: GPUBuffer; reused: boolean } {
  const max =
    kind === 'storage'
      ? (g.info.limits.maxStorageBufferBindingSize ?? size)
      : (g.info.limits.maxBufferSize ?? size);
  const cls = sizeClass(size, max);
  const pool = poolOf(g, kind);
  const hit = pool.free.get(cls)?.pop();
  if (hit) {
    pool.bytes -= cls;
    return { buffer: hit, reused: true };
  }
  const B = g.usage.buffer;
  const usage =
    kind === 'storage'
      ? (B.STORAGE as number) | (B.COPY_SRC as number) | (B.COPY_DST as number)
      : (B.MAP_READ as number) | (B.COPY_DST as number);
  return { buffer: g.device.createBuffer({ size: cls, usage }), reused: false };
}

/**
 * Returns a buffer for reuse (or destroys it when the pool is full or the device is gone).
 *
 * @example
 * ```ts
 * release(g, 'storage', buffer);
 * ```
 */
export function release(g: Gpu, kind: BufferKind, buffer: GPUBuffer): void {
  const pool = poolOf(g, kind);
  if (g.lost || buffer.mapState !== 'unmapped' || buffer.size > KEEP[kind]) {
    if (!g.lost) buffer.destroy();
    return;
  }
  // Make room by evicting older cached buffers (the newest release is the likeliest to recur).
  for (const [cls, list] of pool.free) {
    while (pool.bytes + buffer.size > KEEP[kind] && list.length > 0) {
      (list.shift() as GPUBuffer).destroy();
      pool.bytes -= cls;
    }
    if (list.length === 0) pool.free.delete(cls);
    if (pool.bytes + buffer.size <= KEEP[kind]) break;
  }
  pool.bytes += buffer.size;
  const list = pool.free.get(buffer.size) ?? [];
  list.push(buffer);
  pool.free.set(buffer.size, list);
}

/**
 * Destroys every cached (released, unused) buffer of `g`; returns the bytes freed.
 *
 * @example
 * ```ts
 * trim(g);
 * ```
 */
export function trim(g: Gpu): number {
  let freed = 0;
  for (const kind of ['storage', 'staging'] as const) {
    const pool = poolOf(g, kind);
    for (const list of pool.free.values()) for (const b of list) b.destroy();
    freed += pool.bytes;
    pool.free.clear();
    pool.bytes = 0;
  }
  return freed;
}

/** Bytes of cached buffers of `g`. */
export function cachedBytes(g: Gpu): number {
  return poolOf(g, 'storage').bytes + poolOf(g, 'staging').bytes;
}
