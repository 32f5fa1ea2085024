/**
 * The fast paths' tables: per operation, the largest size that runs inline and the range of sizes
 * that call the native core directly, derived from the cost model after each calibration.
 */
import { nativeHas } from './backends/native.js';
import type { Calibration } from './calibration.js';
import { estimateArrayOp, fastest, type Placement } from './cost-model.js';
import { OPS, type OpName } from './op-catalog.js';

/**
 * Largest length at which each level-1 operation runs inline in JavaScript (for gemm: largest
 * m·n·k). -1 until calibrated (or while a backend is forced), which sends every call down the
 * slow path.
 */
export const thresholds: Record<OpName, number> = Object.fromEntries(
  Object.keys(OPS).map((op) => [op, -1]),
) as Record<OpName, number>;

/** Largest n at which `js` is the fastest choice for a level-1 op in every placement. */
function jsLimit(cal: Calibration, op: OpName, nativeHas: boolean): number {
  // Worst ratio to the best backend, over f64/f32 and shared/unshared operands, of running inline
  // and of calling the native core. Without native kernels, inline must be the best everywhere
  // (the slow path finds the best otherwise); with them, inline wins while its worst case is no
  // worse than native's (between the f32 and f64 crossovers both are within a few percent).
  const jsBest = (n: number): boolean => {
    let jsWorst = 1;
    let nativeWorst = 1;
    for (const elementBytes of [8, 4]) {
      for (const shared of [false, true]) {
        const est = estimateArrayOp(cal, op, [n], { elementBytes, shared, onGpu: false, nativeHas });
        delete est.gpu; // fast paths are synchronous
        const best = est[fastest(est)] as number;
        jsWorst = Math.max(jsWorst, (est.js as number) / best);
        nativeWorst = Math.max(nativeWorst, (est.native ?? Number.POSITIVE_INFINITY) / best);
      }
    }
    return nativeHas ? jsWorst <= nativeWorst : jsWorst === 1;
  };
  if (!jsBest(1)) return 0;
  let lo = 1;
  let hi = 2;
  while (jsBest(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 2 ** 31) return Number.POSITIVE_INFINITY;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (jsBest(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Largest length up to which a level-1 op runs on the native core (synchronously, in every
 * placement; from {@link nativeFrom}); -1 when the native core is not the choice there. The fast
 * paths call the native function directly in that range.
 */
export const nativeThresholds: Record<OpName, number> = Object.fromEntries(
  Object.keys(OPS).map((op) => [op, -1]),
) as Record<OpName, number>;

/**
 * Smallest length from which the native fast path applies (between the f32 and f64 crossovers
 * the slow path decides); Infinity when there is none.
 */
export const nativeFrom: Record<OpName, number> = Object.fromEntries(
  Object.keys(OPS).map((op) => [op, Number.POSITIVE_INFINITY]),
) as Record<OpName, number>;

/** `[from, upTo]` of the native fast path of `op`, or `[Infinity, -1]`. */
function nativeRange(cal: Calibration, op: OpName, from: number): [number, number] {
  if (!nativeHas(op) || !Number.isFinite(from) || from < 0) return [Number.POSITIVE_INFINITY, -1];
  // Native within `slack` of the best in every placement (the sync fast path never waits for the GPU).
  const nativeWithin = (n: number, slack: number): boolean => {
    for (const elementBytes of [8, 4]) {
      for (const shared of [false, true]) {
        const est = estimateArrayOp(cal, op, [n], { elementBytes, shared, onGpu: false, nativeHas: true });
        delete est.gpu;
        if ((est.native as number) > slack * (est[fastest(est)] as number)) return false;
      }
    }
    return true;
  };
  const nativeBest = (n: number): boolean => nativeWithin(n, 1);
  // The first length (within 4× of the inline threshold) from which native is best everywhere, or
  // within 10 % of the best: between the f32 and f64 crossovers the two are about that close, and
  // the routing overhead of the slow path would cost more than the difference.
  let start = from + 1;
  while (!nativeWithin(start, 1.1)) {
    start = Math.ceil(start * 1.125);
    if (start > 4 * (from + 1)) return [Number.POSITIVE_INFINITY, -1];
  }
  let lo = start;
  while (!nativeBest(lo) && lo < 4 * (from + 1)) lo = Math.ceil(lo * 1.125);
  let hi = lo * 2;
  while (nativeBest(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 2 ** 40) return [start, Number.POSITIVE_INFINITY];
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (nativeBest(mid)) lo = mid;
    else hi = mid;
  }
  return [start, lo];
}

/** Largest m·n·k of a cube s×s×s at which gemm runs inline in every placement. */
function gemmLimit(cal: Calibration): number {
  let s = 1;
  for (; s < 4096; s++) {
    for (const elementBytes of [8, 4]) {
      const where: Placement = { elementBytes, shared: true, onGpu: false, nativeHas: nativeHas('gemm') };
      if (fastest(estimateArrayOp(cal, 'gemm', [s, s, s], where)) !== 'js') return (s - 1) ** 3;
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** True when native gemm is the sync choice for every cube above the inline limit (up to 8192). */
function gemmNativeAll(cal: Calibration, inlineLimit: number): boolean {
  if (!nativeHas('gemm') || !Number.isFinite(inlineLimit)) return false;
  for (let s = Math.floor(Math.cbrt(inlineLimit)) + 1; s <= 8192; s = Math.ceil(s * 1.25)) {
    for (const elementBytes of [8, 4]) {
      for (const shared of [false, true]) {
        const est = estimateArrayOp(cal, 'gemm', [s, s, s], {
          elementBytes,
          shared,
          onGpu: false,
          nativeHas: true,
        });
        delete est.gpu;
        if (fastest(est) !== 'native') return false;
      }
    }
  }
  return true;
}

interface Tables {
  inline: Record<OpName, number>;
  from: Record<OpName, number>;
  upTo: Record<OpName, number>;
}
let last: { cal: Calibration; tables: Tables } | null = null;

function derive(cal: Calibration): Tables {
  const inline = {} as Record<OpName, number>;
  const from = {} as Record<OpName, number>;
  const upTo = {} as Record<OpName, number>;
  for (const op of Object.keys(OPS) as OpName[]) {
    inline[op] = OPS[op].arity !== 1 ? -1 : jsLimit(cal, op, nativeHas(op));
    [from[op], upTo[op]] = nativeRange(cal, op, inline[op]);
  }
  inline.gemm = gemmLimit(cal);
  upTo.gemm = gemmNativeAll(cal, inline.gemm) ? Number.POSITIVE_INFINITY : -1;
  return { inline, from, upTo };
}

/**
 * Fills the threshold tables from `cal` (derived once per calibration object, then restored);
 * with a forced backend every fast path is closed.
 */
export function computeThresholds(cal: Calibration, forced: boolean): void {
  if (forced) {
    for (const op of Object.keys(OPS) as OpName[]) {
      thresholds[op] = -1;
      nativeFrom[op] = Number.POSITIVE_INFINITY;
      nativeThresholds[op] = -1;
    }
    return;
  }
  if (last?.cal !== cal) last = { cal, tables: derive(cal) };
  Object.assign(thresholds, last.tables.inline);
  Object.assign(nativeFrom, last.tables.from);
  Object.assign(nativeThresholds, last.tables.upTo);
}
