/**
 * Pool counters and run/wait time samples (a ring of recent tasks) with percentiles.
 * @module
 */
import type { Percentiles } from './types.js';

/** A fixed-size ring of recent samples (ms). */
export class Samples {
  private readonly buf: Float64Array;
  private n = 0;
  constructor(size = 2048) {
    this.buf = new Float64Array(size);
  }

  /** Adds one sample. */
  add(v: number): void {
    this.buf[this.n++ % this.buf.length] = v;
  }

  /** Percentiles of the samples held (zeros when empty). */
  percentiles(): Percentiles {
    const k = Math.min(this.n, this.buf.length);
    if (k === 0) return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
    const s = this.buf.slice(0, k).sort();
    const at = (q: number) => s[Math.min(k - 1, Math.floor(q * k))]!;
    let sum = 0;
    for (const v of s) sum += v;
    return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: s[k - 1]!, mean: sum / k };
  }
}

/** Mutable counters a scheduler updates. */
export class Counters {
  completed = 0;
  failed = 0;
  replaced = 0;
  busyMs = 0;
  readonly createdAt = performance.now();
  firstTaskAt: number | undefined;
  readonly run = new Samples();
  readonly wait = new Samples();
}
