/**
 * Jobs for the worker fallback: what one worker computes over its share `[s, e)` of a job, and
 * how the main thread splits a job and combines the workers' partial results. Used by the worker
 * entry (compute) and by the main thread (split, combine) so both sides agree by construction.
 */
import type { FloatArray } from '../types.js';
import {
  type BinaryOp,
  binaryRange,
  clampRange,
  fmaRange,
  type UnaryOp,
  unaryRange,
} from './kernels-elementwise.js';
import {
  asumRange,
  axpyRange,
  copyRange,
  dotRange,
  iamaxRange,
  nrm2Range,
  rotRange,
  scalRange,
  swapRange,
} from './kernels-level1.js';
import { type GemmArgs, type GemvArgs, type GerArgs, gemmRows, gemvRows, gerRows } from './kernels-level3.js';
import {
  combineMoments,
  extremumRange,
  kahanSumRange,
  momentsRange,
  type SumMethod,
  sumRange,
} from './kernels-reductions.js';

/** One job, posted to every worker (its typed arrays live on SharedArrayBuffers). */
export type Job =
  | { kind: 'dot'; x: FloatArray; y: FloatArray }
  | { kind: 'axpy'; alpha: number; x: FloatArray; y: FloatArray }
  | { kind: 'scal'; alpha: number; x: FloatArray }
  | { kind: 'copy' | 'swap'; x: FloatArray; y: FloatArray }
  | { kind: 'rot'; x: FloatArray; y: FloatArray; c: number; s: number }
  | { kind: 'asum' | 'nrm2' | 'iamax' | 'moments'; x: FloatArray }
  | { kind: 'sum'; x: FloatArray; method: SumMethod }
  | { kind: 'extremum'; x: FloatArray; sign: 1 | -1 }
  | { kind: 'binary'; op: BinaryOp; a: FloatArray; b: FloatArray; out: FloatArray }
  | { kind: 'unary'; op: UnaryOp; x: FloatArray; out: FloatArray }
  | { kind: 'fma'; a: FloatArray; b: FloatArray; c: FloatArray; out: FloatArray }
  | { kind: 'clamp'; x: FloatArray; lo: number; hi: number; out: FloatArray }
  | ({ kind: 'gemm' } & GemmArgs)
  | ({ kind: 'gemv' } & GemvArgs)
  | ({ kind: 'ger' } & GerArgs)
  /** Test-only: worker `worker` exits, throws outside its job, never finishes, or exits after finishing. */
  | { kind: 'fault'; mode: 'exit' | 'uncaught' | 'hang' | 'exitAfter'; worker: number };

/**
 * The shared control words (an Int32Array) of a worker set: jobs finished, a kernel threw, workers
 * started, which worker died first (index + 1, 0 while all live) and its exit code.
 */
export const CTRL = { done: 0, error: 1, ready: 2, dead: 3, exitCode: 4, doneBits: 5, length: 6 } as const;

/** Bit of worker `index` in `CTRL.doneBits` (set when its share of the current job is done), or 0 past 31 workers. */
export function doneBit(index: number): number {
  return index < 31 ? 1 << index : 0;
}

/** Doubles each worker may write as its partial result. */
export const PARTIAL_SLOTS = 4;

/** How many independent items a job splits over (elements, or rows for matrix jobs). */
export function jobLength(job: Job): number {
  switch (job.kind) {
    case 'gemm':
    case 'ger':
      return job.m;
    case 'gemv':
      return job.trans ? job.n : job.m;
    case 'binary':
    case 'fma':
      return job.a.length;
    case 'fault':
      return 0;
    default:
      return job.x.length;
  }
}

/** Work units of a whole job (≈ 1 ns each for the TypeScript kernels): sizes the hang deadline. */
export function jobWork(job: Job): number {
  switch (job.kind) {
    case 'gemm':
      return job.m * job.n * job.k;
    case 'gemv':
    case 'ger':
      return job.m * job.n;
    default:
      return jobLength(job);
  }
}

/** Computes the share `[s, e)` of `job`, writing a partial result at `res[o..o+4)`. */
export function runShare(job: Job, s: number, e: number, res: Float64Array, o: number): void {
  switch (job.kind) {
    case 'dot':
      res[o] = dotRange(job.x, job.y, s, e);
      return;
    case 'axpy':
      axpyRange(job.alpha, job.x, job.y, s, e);
      return;
    case 'scal':
      scalRange(job.alpha, job.x, s, e);
      return;
    case 'copy':
      copyRange(job.x, job.y, s, e);
      return;
    case 'swap':
      swapRange(job.x, job.y, s, e);
      return;
    case 'rot':
      rotRange(job.x, job.y, job.c, job.s, s, e);
      return;
    case 'asum':
      res[o] = asumRange(job.x, s, e);
      return;
    case 'nrm2':
      res[o] = nrm2Range(job.x, s, e);
      return;
    case 'iamax': {
      const i = iamaxRange(job.x, s, e);
      res[o] = i;
      res[o + 1] = i < 0 ? -1 : Math.abs(job.x[i]!);
      return;
    }
    case 'moments': {
      const m = momentsRange(job.x, s, e);
      res[o] = m[0];
      res[o + 1] = m[1];
      res[o + 2] = m[2];
      return;
    }
    case 'sum':
      if (job.method === 'kahan') {
        const [sum, c] = kahanSumRange(job.x, s, e);
        res[o] = sum;
        res[o + 1] = c;
      } else res[o] = sumRange(job.x, s, e, job.method);
      return;
    case 'extremum':
      res[o] = extremumRange(job.x, s, e, job.sign);
      return;
    case 'binary':
      binaryRange(job.op, job.a, job.b, job.out, s, e);
      return;
    case 'unary':
      unaryRange(job.op, job.x, job.out, s, e);
      return;
    case 'fma':
      fmaRange(job.a, job.b, job.c, job.out, s, e);
      return;
    case 'clamp':
      clampRange(job.x, job.lo, job.hi, job.out, s, e);
      return;
    case 'gemm':
      gemmRows(job, s, e);
      return;
    case 'gemv':
      gemvRows(job, s, e);
      return;
    case 'ger':
      gerRows(job, s, e);
      return;
    case 'fault':
      return;
  }
}

/** The share `[s, e)` of worker `w` of `count` over `n` items (contiguous, multiples of 16 where possible). */
export function shareOf(n: number, w: number, count: number): [number, number] {
  const per = Math.ceil(n / count / 16) * 16;
  const s = Math.min(n, w * per);
  return [s, w === count - 1 ? n : Math.min(n, s + per)];
}

/** Combines the workers' partial results (`count` slots of {@link PARTIAL_SLOTS}) into the job's scalar result. */
export function combine(job: Job, res: Float64Array, count: number): number {
  const at = (w: number, j = 0): number => res[w * PARTIAL_SLOTS + j]!;
  switch (job.kind) {
    case 'dot':
    case 'asum':
    case 'sum': {
      let s = 0;
      let c = 0;
      for (let w = 0; w < count; w++) {
        s += at(w);
        if (job.kind === 'sum' && job.method === 'kahan') c += at(w, 1);
      }
      return s + c;
    }
    case 'nrm2': {
      let scale = 0;
      for (let w = 0; w < count; w++) scale = Math.max(scale, at(w));
      if (scale === 0 || !Number.isFinite(scale)) return scale;
      let ss = 0;
      for (let w = 0; w < count; w++) ss += (at(w) / scale) ** 2;
      return scale * Math.sqrt(ss);
    }
    case 'iamax': {
      let best = -1;
      let bestV = -1;
      for (let w = 0; w < count; w++) {
        const i = at(w);
        const v = at(w, 1);
        if (i < 0) continue;
        if (Number.isNaN(v)) return i;
        if (v > bestV) {
          best = i;
          bestV = v;
        }
      }
      return best;
    }
    case 'extremum': {
      let m = job.sign * Number.POSITIVE_INFINITY;
      for (let w = 0; w < count; w++) {
        const v = at(w);
        if (Number.isNaN(v)) return v;
        m = job.sign === 1 ? Math.min(m, v) : Math.max(m, v);
      }
      return m;
    }
    case 'moments': {
      let acc: [number, number, number] = [0, 0, 0];
      for (let w = 0; w < count; w++) {
        const n = at(w);
        if (n > 0) acc = combineMoments(acc, [n, at(w, 1), at(w, 2)]);
      }
      res[0] = acc[0];
      res[1] = acc[1];
      res[2] = acc[2];
      return acc[2];
    }
    default:
      return 0;
  }
}
