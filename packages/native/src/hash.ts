import { native } from './loader.js';
import { describe, isDetached } from './validate.js';

/**
 * CRC-32 (IEEE 802.3, the one zlib and `node:zlib`'s `crc32` compute) of the bytes of `data`, with
 * SIMD instructions (PCLMULQDQ / ARM CRC, detected at run time): several times faster than zlib's
 * table-driven CRC on large buffers. `initial` continues a running checksum (the CRC of the bytes
 * before; 0 to start), so `crc32(b, crc32(a))` is the CRC of `a` followed by `b`.
 *
 * @throws TypeError unless `data` is an ArrayBuffer view (typed array, Buffer, DataView) on a live
 *   buffer; RangeError unless `initial` is an integer from 0 to 2³²−1.
 * @example
 * ```ts
 * import { crc32 } from '@polycore/native';
 * crc32(Buffer.from('hello')).toString(16); // '3610a686'
 * crc32(Buffer.from('lo'), crc32(Buffer.from('hel'))); // the same value
 * ```
 */
export function crc32(data: ArrayBufferView, initial = 0): number {
  if (!ArrayBuffer.isView(data))
    throw new TypeError(`data must be an ArrayBuffer view (got ${describe(data)})`);
  if (data.byteLength === 0 && isDetached(data))
    throw new TypeError('data is backed by a detached ArrayBuffer');
  if (!Number.isInteger(initial) || initial < 0 || initial > 0xffffffff)
    throw new RangeError(`initial must be an integer from 0 to 4294967295, got ${String(initial)}`);
  const bytes =
    data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return native().crc32(bytes, initial);
}
