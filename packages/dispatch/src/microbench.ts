/** Tiny timing helpers for calibration: best-of-batches, batches long enough for the clock. */
import { performance } from 'node:perf_hooks';

/** Nanoseconds per call of `fn`: the best of `batches` batches of at least `minBatchNs` each. */
export function timeNs(fn: () => unknown, minBatchNs = 150_000, batches = 3): number {
  let reps = 1;
  // Grow the batch until it is long enough to time (this also warms the JIT up).
  for (;;) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    const ns = (performance.now() - t0) * 1e6;
    if (ns >= minBatchNs || reps >= 1 << 20) break;
    reps *= ns < minBatchNs / 16 ? 8 : 2;
  }
  let best = Number.POSITIVE_INFINITY;
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    best = Math.min(best, ((performance.now() - t0) * 1e6) / reps);
  }
  return best;
}

/** A Float64Array of `n` pseudo-random values in [0.5, 1.5). */
export function filled(n: number, seed = 1): Float64Array {
  const a = new Float64Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    a[i] = 0.5 + s / 2 ** 32;
  }
  return a;
}
