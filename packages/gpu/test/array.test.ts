/** GpuArray: upload, download, views, set, dispose. */
import { GpuArray, gpu } from '@polycore/gpu';
import { describe, expect, it } from 'vitest';
import { hasF16, hasGpu, probed } from './helpers.js';

describe.runIf(hasGpu)(`GpuArray (${probed.reason || 'device'})`, () => {
  it('round-trips f32 data (Float64Array and number[] are rounded to f32)', async () => {
    const src = new Float32Array([1.5, -2, 3.25, Number.POSITIVE_INFINITY, -0]);
    const x = GpuArray.from(src);
    expect(x.length).toBe(5);
    expect(x.dtype).toBe('f32');
    expect(await x.toArray()).toEqual(src);
    const y = GpuArray.from(new Float64Array([0.1, 1e300]));
    expect(Array.from(await y.toArray())).toEqual([Math.fround(0.1), Number.POSITIVE_INFINITY]);
    expect(Array.from(await GpuArray.from([7, 8]).toArray())).toEqual([7, 8]);
    x.dispose();
    y.dispose();
  });

  it('toArray(out) downloads into caller memory (reused between calls)', async () => {
    const x = GpuArray.from([1, 2, 3]);
    const out = new Float32Array(3);
    expect(await x.toArray(out)).toBe(out);
    expect(Array.from(out)).toEqual([1, 2, 3]);
    x.set([4], 2);
    await x.toArray(out);
    expect(Array.from(out)).toEqual([1, 2, 4]);
    await expect(x.toArray(new Float32Array(2))).rejects.toThrow(RangeError);
    await expect(x.toArray(new Float64Array(3) as never)).rejects.toThrow(/out must be a Float32Array/);
    x.dispose();
  });

  it('recycles released buffers: empty() is still all zeros, trim() frees the cache', async () => {
    const g = await gpu();
    const a = GpuArray.from(new Float32Array(1000).fill(7));
    a.dispose(); // its buffer goes to the cache
    expect(g.cachedBytes).toBeGreaterThanOrEqual(4000);
    const b = GpuArray.empty(1000); // same size class: reuses it
    expect((await b.toArray()).every((v) => v === 0)).toBe(true);
    const c = GpuArray.from(new Float32Array(900).fill(3)); // reuse + overwrite
    expect((await c.toArray()).every((v) => v === 3)).toBe(true);
    b.dispose();
    c.dispose();
    expect(g.trim()).toBeGreaterThan(0);
    expect(g.cachedBytes).toBe(0);
  });

  it('uploads from SharedArrayBuffer-backed arrays (shared with workers)', async () => {
    const shared = new Float32Array(new SharedArrayBuffer(16));
    shared.set([1, 2, 3, 4]);
    const x = GpuArray.from(shared);
    x.set(shared.subarray(2), 0);
    expect(Array.from(await x.toArray())).toEqual([3, 4, 3, 4]);
    x.dispose();
  });

  it('empty(n) is zero-filled; length 0 works', async () => {
    expect(Array.from(await GpuArray.empty(5).toArray())).toEqual([0, 0, 0, 0, 0]);
    expect((await GpuArray.empty(0).toArray()).length).toBe(0);
    expect((await GpuArray.from([]).toArray()).length).toBe(0);
  });

  it('views share memory with their parent and survive its dispose', async () => {
    const x = GpuArray.from([0, 1, 2, 3, 4, 5, 6, 7]);
    const v = x.subarray(2, 5);
    expect(v.offset).toBe(2);
    expect(Array.from(await v.toArray())).toEqual([2, 3, 4]);
    v.set([20, 30], 1);
    expect(Array.from(await x.toArray())).toEqual([0, 1, 2, 20, 30, 5, 6, 7]);
    const vv = v.subarray(1);
    expect(Array.from(await vv.toArray())).toEqual([20, 30]);
    x.dispose();
    expect(x.disposed).toBe(true);
    expect(Array.from(await v.toArray())).toEqual([2, 20, 30]);
    v.dispose();
    vv.dispose();
    vv.dispose(); // idempotent
  });

  it('set() writes in queue order with kernels', async () => {
    const x = GpuArray.empty(4);
    x.set([1, 2]);
    x.set(new Float64Array([3]), 3);
    expect(Array.from(await x.toArray())).toEqual([1, 2, 0, 3]);
  });

  it('rejects bad input with TypeError / RangeError naming the argument', async () => {
    const g = await gpu();
    expect(() => GpuArray.from('abc' as never)).toThrow(/data must be/);
    expect(() => GpuArray.from(new Int32Array(2) as never)).toThrow(TypeError);
    expect(() => GpuArray.empty(-1)).toThrow(RangeError);
    expect(() => GpuArray.empty(1.5)).toThrow(/n must be an integer/);
    expect(() => GpuArray.from([1], { dtype: 'f64' as never })).toThrow(/dtype/);
    const max = g.info.limits.maxStorageBufferBindingSize as number;
    expect(() => GpuArray.empty(max / 4 + 1)).toThrow(/maxStorageBufferBindingSize/);
    const x = GpuArray.from([1, 2, 3]);
    expect(() => x.subarray(2, 1)).toThrow(RangeError);
    expect(() => x.subarray(0, 4)).toThrow(RangeError);
    expect(() => x.set([1, 2], 2)).toThrow(/does not fit/);
    x.dispose();
    expect(() => x.subarray(0, 1)).toThrow(/disposed/);
    expect(() => x.set([1])).toThrow(/disposed/);
    await expect(x.toArray()).rejects.toThrow(/disposed/);
  });

  it('supports `using` (Symbol.dispose)', () => {
    let ref: GpuArray | undefined;
    {
      using x = GpuArray.from([1]);
      ref = x;
    }
    expect(ref.disposed).toBe(true);
  });

  it.runIf(hasF16)('f16 arrays round to half precision, including writes at odd offsets', async () => {
    const x = GpuArray.from([1, 0.1, 65504, 70000, 2 ** -24], { dtype: 'f16' });
    expect(x.dtype).toBe('f16');
    expect(x.bytesPerElement).toBe(2);
    expect(Array.from(await x.toArray())).toEqual([
      1,
      0.0999755859375,
      65504,
      Number.POSITIVE_INFINITY,
      2 ** -24,
    ]);
    x.set([5], 1); // odd element: not 4-byte aligned
    x.set([6, 7], 2);
    expect(Array.from(await x.toArray())).toEqual([1, 5, 6, 7, 2 ** -24]);
    expect(Array.from(await x.subarray(1, 4).toArray())).toEqual([5, 6, 7]);
  });
});
