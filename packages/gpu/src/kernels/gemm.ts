/** gemm on GpuArrays, with @polycore/native's option names (row-major default). */
import { GpuArray } from '../array.js';
import { type Gpu, gpu as openGpu } from '../device.js';
import { MAX_GROUPS, type Operand, planVec4, run } from '../pipelines.js';
import { type GemmTile, gemmDirectShader, gemmShader } from '../shaders/gemm.js';
import {
  dimension,
  type Layout,
  matrixFits,
  optionalFlag,
  optionalInt,
  optionalLayout,
  optionalScalar,
  optionsObject,
} from '../validate.js';
import { gpuArray, noOverlap, sameKind } from './args.js';
import { GEMM_TILES, gemmTile, setTunedTile } from './tiles.js';

/**
 * Options of {@link gemm}: `c ← alpha·op(a)·op(b) + beta·c`, `op(a)` is `m×k`, `op(b)` is `k×n`.
 * The names of @polycore/native's gemm; `c` is optional here (allocated when omitted).
 */
export interface GpuGemmOptions {
  m: number;
  n: number;
  k: number;
  /** `m×k` (`k×m` with `transA`) in `layout` order, leading dimension `lda`. */
  a: GpuArray;
  /** `k×n` (`n×k` with `transB`). */
  b: GpuArray;
  /** `m×n` output updated in place; allocated (zeros) when omitted. Must not overlap `a`/`b`. */
  c?: GpuArray;
  /** Default 1. */
  alpha?: number;
  /** Default 0 (old `c` ignored, its NaNs do not propagate). */
  beta?: number;
  transA?: boolean;
  transB?: boolean;
  lda?: number;
  ldb?: number;
  ldc?: number;
  /** 'row-major' (default) or 'column-major'. */
  layout?: Layout;
  /** Force a tile from {@link GEMM_TILES} (benchmarks and tuning). */
  tile?: string;
}

interface RowMajor {
  m: number;
  n: number;
  k: number;
  a: GpuArray;
  b: GpuArray;
  lda: number;
  ldb: number;
  transA: boolean;
  transB: boolean;
}

function aligned(x: GpuArray, ld: number, contiguous: number): boolean {
  return x.offset % 4 === 0 && ld % 4 === 0 && contiguous % 4 === 0;
}

/**
 * General matrix multiply on the device; returns `c` (allocated when not given). No transfers:
 * upload with `GpuArray.from`, chain kernels, download once with `toArray()`.
 *
 * @throws TypeError / RangeError naming the argument.
 * @example
 * ```ts
 * const a = GpuArray.from([1, 2, 3, 4]); // 2×2 row-major
 * const b = GpuArray.from([5, 6, 7, 8]);
 * const c = gemm({ m: 2, n: 2, k: 2, a, b });
 * await c.toArray(); // [19, 22, 43, 50]
 * ```
 */
export function gemm(options: GpuGemmOptions): GpuArray {
  const o = optionsObject('gemm options', options);
  const m = dimension('m', o.m);
  const n = dimension('n', o.n);
  const k = dimension('k', o.k);
  const a = gpuArray('a', o.a);
  const b = gpuArray('b', o.b);
  sameKind('b', b, a, 'a');
  const alpha = optionalScalar('alpha', o.alpha, 1);
  const beta = optionalScalar('beta', o.beta, 0);
  const transA = optionalFlag('transA', o.transA);
  const transB = optionalFlag('transB', o.transB);
  const colMajor = optionalLayout('layout', o.layout);
  const st = (r: number, c: number): [number, number] => (colMajor ? [c, r] : [r, c]);
  const [aRows, aCols] = st(transA ? k : m, transA ? m : k);
  const [bRows, bCols] = st(transB ? n : k, transB ? k : n);
  const [cRows, cCols] = st(m, n);
  const lda = optionalInt('lda', o.lda, 1, Math.max(1, aCols));
  const ldb = optionalInt('ldb', o.ldb, 1, Math.max(1, bCols));
  const ldc = optionalInt('ldc', o.ldc, 1, Math.max(1, cCols));
  matrixFits('a', a, aRows, aCols, lda, 'lda');
  matrixFits('b', b, bRows, bCols, ldb, 'ldb');
  let tile: GemmTile | undefined;
  if (o.tile !== undefined) {
    tile = GEMM_TILES[o.tile as string];
    if (!tile)
      throw new RangeError(
        `tile must be one of ${Object.keys(GEMM_TILES).join(', ')}, got ${String(o.tile)}`,
      );
  }
  let c: GpuArray;
  if (o.c === undefined) {
    c = GpuArray.empty(cRows === 0 || cCols === 0 ? 0 : (cRows - 1) * ldc + cCols, {
      dtype: a.dtype,
      gpu: a.gpu,
    });
  } else {
    c = gpuArray('c', o.c);
    sameKind('c', c, a, 'a');
    matrixFits('c', c, cRows, cCols, ldc, 'ldc');
    noOverlap('c', c, 'a', a);
    noOverlap('c', c, 'b', b);
  }
  if (m === 0 || n === 0) return c;
  // Column-major C = op(A)·op(B) is row-major Cᵀ = op(B)ᵀ·op(A)ᵀ.
  const r: RowMajor = colMajor
    ? { m: n, n: m, k, a: b, b: a, lda: ldb, ldb: lda, transA: transB, transB: transA }
    : { m, n, k, a, b, lda, ldb, transA, transB };
  launch(r, c, ldc, alpha, beta, tile ?? gemmTile(a.gpu, r.m, r.n));
  return c;
}

function launch(r: RowMajor, c: GpuArray, ldc: number, alpha: number, beta: number, tile: GemmTile): void {
  const direct = tile.direct === true;
  const vecA = !direct && aligned(r.a, r.lda, r.transA ? r.m : r.k);
  const vecB = (!direct || !r.transB) && aligned(r.b, r.ldb, r.transB ? r.k : r.n);
  const operands: Operand[] = [
    { name: 'a', array: r.a, vec4: vecA },
    { name: 'b', array: r.b, vec4: vecB },
    { name: 'c', array: c, write: true },
  ];
  const gx = Math.ceil(r.n / tile.bn);
  const gy = Math.ceil(r.m / tile.bm);
  if (gx > MAX_GROUPS || gy > MAX_GROUPS) {
    throw new RangeError(
      `gemm output ${r.m}×${r.n} needs ${gy}×${gx} workgroups with a ${tile.bm}×${tile.bn} tile (WebGPU allows ${MAX_GROUPS} per dimension): use gemv for matrix–vector shapes`,
    );
  }
  const granted = planVec4(operands);
  const variant = { tile, transA: r.transA, transB: r.transB };
  const tkey = `${direct ? 'direct' : 'tiled'}${tile.bm}x${tile.bn}x${tile.bk}/${tile.tm}x${tile.tn}`;
  run(r.a.gpu, [
    {
      key: `gemm:${tkey}:${r.transA ? 't' : 'n'}${r.transB ? 't' : 'n'}:${granted.a ? 4 : 1}${granted.b ? 4 : 1}`,
      operands,
      params: [
        { name: 'm', type: 'u32', value: r.m },
        { name: 'n', type: 'u32', value: r.n },
        { name: 'k', type: 'u32', value: r.k },
        { name: 'lda', type: 'u32', value: r.lda },
        { name: 'ldb', type: 'u32', value: r.ldb },
        { name: 'ldc', type: 'u32', value: ldc },
        { name: 'ao', type: 'u32', value: r.a.offset },
        { name: 'bo', type: 'u32', value: r.b.offset },
        { name: 'co', type: 'u32', value: c.offset },
        { name: 'alpha', type: 'f32', value: alpha },
        { name: 'beta', type: 'f32', value: beta },
      ],
      groups: [gx, gy],
      elem: r.a.dtype,
      shader: (plan) => (direct ? gemmDirectShader(plan, variant) : gemmShader(plan, variant)),
    },
  ]);
}

/**
 * Measures every tile in {@link GEMM_TILES} on an `n×n×n` f32 product and makes the fastest the
 * device's gemm tile; resolves to its name and the GFLOP/s of each.
 *
 * @example
 * ```ts
 * const { best, gflops } = await tuneGemm(await gpu(), 512);
 * ```
 */
export async function tuneGemm(g?: Gpu, n = 512): Promise<{ best: string; gflops: Record<string, number> }> {
  const dev = g ?? (await openGpu());
  const a = GpuArray.empty(n * n, { gpu: dev });
  const b = GpuArray.empty(n * n, { gpu: dev });
  const c = GpuArray.empty(n * n, { gpu: dev });
  const gflops: Record<string, number> = {};
  let best = '';
  try {
    for (const name of Object.keys(GEMM_TILES)) {
      const once = async () => {
        gemm({ m: n, n, k: n, a, b, c, tile: name });
        await c.subarray(0, 1).toArray();
      };
      await once();
      const reps = 3;
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) await once();
      const s = (performance.now() - t0) / 1000 / reps;
      gflops[name] = (2 * n * n * n) / s / 1e9;
      if (!best || (gflops[name] as number) > (gflops[best] as number)) best = name;
    }
  } finally {
    a.dispose();
    b.dispose();
    c.dispose();
  }
  setTunedTile(dev, best);
  return { best, gflops };
}
