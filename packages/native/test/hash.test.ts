import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32 } from '@polycore/native';
import { describe, expect, it } from 'vitest';

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

describe('crc32', () => {
  it('matches zlib on every length around the SIMD block sizes', () => {
    expect(crc32(Buffer.from('hello'))).toBe(0x3610a686);
    const b = bytes(4096 + 67, 7);
    for (let n = 0; n <= b.length; n += n < 300 ? 1 : 61)
      expect(crc32(b.subarray(0, n))).toBe(zlibCrc32(b.subarray(0, n)));
    const big = bytes(3 << 20, 9);
    expect(crc32(big)).toBe(zlibCrc32(big));
  });

  it('continues a running checksum and reads any view of the bytes', () => {
    const b = bytes(10_000, 3);
    expect(crc32(b.subarray(1234), crc32(b.subarray(0, 1234)))).toBe(zlibCrc32(b));
    const f = new Float64Array(b.buffer, 8, 100);
    expect(crc32(f)).toBe(zlibCrc32(b.subarray(8, 808)));
    expect(crc32(new DataView(b.buffer, 3, 50))).toBe(zlibCrc32(b.subarray(3, 53)));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('rejects bad input with errors naming the argument', () => {
    expect(() => crc32([1, 2] as unknown as Uint8Array)).toThrow(/data must be an ArrayBuffer view/);
    expect(() => crc32(new ArrayBuffer(4) as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => crc32(new Uint8Array(4), -1)).toThrow(RangeError);
    expect(() => crc32(new Uint8Array(4), 2 ** 32)).toThrow(/initial/);
    expect(() => crc32(new Uint8Array(4), 1.5)).toThrow(/initial/);
    const b = new Uint8Array(8);
    structuredClone(b.buffer, { transfer: [b.buffer] });
    expect(() => crc32(b)).toThrow(/detached/);
  });
});
