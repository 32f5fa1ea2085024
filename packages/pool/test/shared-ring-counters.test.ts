// The ring's counters are 32-bit and wrap; each handle caches the other side's counter and
// re-reads it only when its copy says "full"/"empty". These tests put the counters next to their
// wrap-arounds (any equal start values are a valid empty ring) and make a cached copy a whole
// 2^32 stale, the case the lap words exist for.
import { describe, expect, it } from 'vitest';
import { Ring, RING_COUNTERS as W } from '../src/shared/ring.ts';

/** A second handle on the same ring (as another thread or process would have). */
const other = (r: Ring): Ring => new Ring(undefined, r.region);
const put = (r: Ring, v: unknown): boolean => r.tryPut(r.encode(v)) === true;
const get = (r: Ring): unknown => r.tryGet()?.v;

describe('ring counters', () => {
  it('stay FIFO across 2^32 wrap-arounds and lap boundaries, with two handles', () => {
    const a = new Ring({ capacity: 256 });
    const b = other(a);
    const i32 = a.region.i32;
    i32[W.PUT_N] = i32[W.GET_N] = 0x3ffffffd; // 3 gets before GET_N crosses 2^30
    i32[W.PUT_BYTES] = i32[W.GET_BYTES] = 0xffffff00 | 0; // 256 bytes before 2^32
    const sent: number[] = [];
    const got: unknown[] = [];
    let next = 0;
    for (let round = 0; round < 400; round++) {
      const producer = round % 2 ? a : b;
      const consumer = round % 3 ? a : b;
      for (let k = 0; k < 1 + (round % 7); k++) {
        if (!put(producer, { n: next, pad: 'x'.repeat(round % 13) })) break;
        sent.push(next++);
      }
      for (let k = 0; k < 1 + (round % 5); k++) {
        const v = get(consumer) as { n: number } | undefined;
        if (v === undefined) break;
        got.push(v.n);
      }
    }
    for (let v = get(a); v !== undefined; v = get(b)) got.push((v as { n: number }).n);
    expect(got).toEqual(sent);
    expect(sent.length).toBeGreaterThan(500);
    expect(i32[W.GET_LAP]).toBe(1);
    expect(i32[W.PUT_LAP]).toBe(1);
  });

  it('a producer whose copy of the consumers’ counter is 2^32 bytes stale does not overwrite', () => {
    const a = new Ring({ capacity: 256 });
    const b = other(a);
    expect(put(a, 'warm-up')).toBe(true);
    expect(get(a)).toBe('warm-up'); // `a` now holds a copy of GET_BYTES
    let n = 0;
    while (put(b, n)) n++; // full
    const i32 = a.region.i32;
    // Same ring content, but as if 2^32 bytes had passed since `a` looked: the put bytes counter
    // shows the value `a` saw as "everything freed".
    const used = (i32[W.PUT_BYTES]! - i32[W.GET_BYTES]!) | 0;
    i32[W.PUT_BYTES] = (i32[W.PUT_BYTES]! - used) | 0;
    i32[W.GET_BYTES] = (i32[W.GET_BYTES]! - used) | 0;
    i32[W.PUT_LAP] = (i32[W.PUT_LAP]! + 4) | 0;
    expect(put(a, 'overrun')).toBe(false);
    for (let k = 0; k < n; k++) expect(get(b)).toBe(k);
    expect(get(b)).toBeUndefined();
  });

  it('a consumer whose copy of the producers’ counter is stale by 2^32 messages sees an empty ring', () => {
    const a = new Ring({ capacity: 256 });
    const b = other(a);
    for (let k = 0; k < 5; k++) put(b, k);
    expect(get(a)).toBe(0); // `a` now holds a copy of PUT_N (5 published)
    for (let k = 1; k < 5; k++) expect(get(b)).toBe(k);
    const i32 = a.region.i32;
    // Empty, and as if 2^32 messages had passed: PUT_N = GET_N below the copy `a` holds.
    i32[W.PUT_N] = i32[W.GET_N] = (i32[W.GET_N]! - 4) | 0;
    i32[W.GET_LAP] = (i32[W.GET_LAP]! + 4) | 0;
    expect(get(a)).toBeUndefined();
    expect(put(b, 'next')).toBe(true);
    expect(get(a)).toBe('next');
  });
});
