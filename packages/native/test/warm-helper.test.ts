// The opt-in warm helper thread (crates/kernels/src/simd/warm.rs): with POLYCORE_WARM_HELPER=1
// (read by the addon on the first mid-size call, so set here before any), bursts of mid-size
// calls are halved between this thread and the helper. Every call must still match the reference.
import { readdirSync, readFileSync } from 'node:fs';
import { asum, axpy, dot, iamax, swap } from '@polycore/native';
import { describe, expect, it } from 'vitest';
import { close, rand } from './level1.helpers.js';

process.env.POLYCORE_WARM_HELPER = '1';

/** Names of this process's threads (Linux). */
const threadNames = (): string[] =>
  readdirSync('/proc/self/task').map((t) => readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim());

describe('mid-size calls in a burst, with the warm helper on', () => {
  it('every call of the burst agrees with the reference, for odd sizes and all kernels', () => {
    for (const n of [70_001, 100_003, 300_007]) {
      const x = rand('f64', n, 7) as Float64Array;
      const y = rand('f64', n, 8) as Float64Array;
      let want = 0;
      let scale = 0;
      let l1 = 0;
      let best = 0;
      for (let i = 0; i < n; i++) {
        want += x[i]! * y[i]!;
        scale += Math.abs(x[i]! * y[i]!);
        l1 += Math.abs(x[i]!);
        if (Math.abs(x[i]!) > Math.abs(x[best]!)) best = i;
      }
      const eps = 2 ** -52;
      for (let round = 0; round < 200; round++) {
        expect(close(dot(x, y), want, 2 * n * eps * scale)).toBe(true);
        expect(close(asum(x), l1, 2 * n * eps * l1)).toBe(true);
        expect(iamax(x)).toBe(best);
      }
      const y2 = y.slice();
      for (let round = 0; round < 100; round++) axpy(1, x, y2); // y + 100·x, each element
      for (let i = 0; i < n; i += 997) expect(close(y2[i]!, y[i]! + 100 * x[i]!, 1e-9)).toBe(true);
      expect(close(y2[n - 1]!, y[n - 1]! + 100 * x[n - 1]!, 1e-9)).toBe(true);
      const a = x.slice();
      const b = y.slice();
      for (let round = 0; round < 101; round++) swap(a, b); // odd count: swapped once overall
      expect(a).toEqual(y);
      expect(b).toEqual(x);
    }
    if (process.platform === 'linux') expect(threadNames()).toContain('polycore-warm'); // the burst started it
  });
});
