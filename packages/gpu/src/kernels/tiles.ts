/** gemm tile sizes per adapter kind, and an on-device tuner that measures them. */
import type { Gpu } from '../device.js';
import type { GpuInfo } from '../info.js';
import type { GemmTile } from '../shaders/gemm.js';

/**
 * The tilings polycore knows (all 256 threads or fewer, ≤ 8 KiB of workgroup memory). Add an
 * entry to try another tiling (`gemm({ ..., tile: name })`, `tuneGemm()`).
 *
 * @example
 * ```ts
 * GEMM_TILES.wide = { bm: 32, bn: 128, bk: 8, tm: 4, tn: 8 };
 * gemm({ m, n, k, a, b, tile: 'wide' });
 * ```
 */
export const GEMM_TILES: Record<string, GemmTile> = {
  /** Discrete GPUs: 8×8 outputs per thread. */
  t128: { bm: 128, bn: 128, bk: 8, tm: 8, tn: 8 },
  /** The general default: 4×4 outputs per thread. */
  t64: { bm: 64, bn: 64, bk: 16, tm: 4, tn: 4 },
  /** Small matrices / low-end GPUs. */
  t32: { bm: 32, bn: 32, bk: 16, tm: 2, tn: 2 },
  /** Tiny products (and the tiled code path at the lowest compile cost, for tests on lavapipe). */
  t16: { bm: 16, bn: 16, bk: 4, tm: 2, tn: 2 },
  /** CPU "GPUs" (lavapipe): no workgroup memory, 4×8 outputs per thread, vec4 loads of B. */
  cpu: { bm: 32, bn: 64, bk: 0, tm: 4, tn: 8, direct: true },
};

/**
 * The tile polycore uses on an adapter before (or without) tuning: measured per adapter kind.
 *
 * @example
 * ```ts
 * defaultTileName(g.info); // 'cpu' on lavapipe
 * ```
 */
export function defaultTileName(info: GpuInfo): string {
  if (info.software) return 'cpu';
  const v = `${info.vendor} ${info.architecture} ${info.description}`.toLowerCase();
  if (/nvidia|amd|ati|radeon/.test(v)) return 't128';
  return 't64';
}

const TUNED = 'gemm.tile';

/**
 * The tile gemm uses for an `m×n` output on device `g`: the tuned one if {@link tuneGemm} ran,
 * else the adapter default, shrunk for small outputs so enough workgroups run.
 *
 * @example
 * ```ts
 * const tile = gemmTile(g, 512, 512);
 * ```
 */
export function gemmTile(g: Gpu, m: number, n: number): GemmTile {
  const name = (g.tuning.get(TUNED) as string | undefined) ?? defaultTileName(g.info);
  const t = GEMM_TILES[name] ?? (GEMM_TILES.t64 as GemmTile);
  if (!g.info.software && t.bm * t.bn > 64 * 64 && m * n < 512 * 512) return GEMM_TILES.t64 as GemmTile;
  if (!g.info.software && m * n < 128 * 128) return GEMM_TILES.t32 as GemmTile;
  return t;
}

/** @internal Records the tuned tile name for `g`. */
export function setTunedTile(g: Gpu, name: string): void {
  g.tuning.set(TUNED, name);
}
