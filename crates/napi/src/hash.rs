//! Checksums of byte buffers (used to verify cache entries): CRC-32 with SIMD (PCLMULQDQ / ARM CRC
//! instructions, detected at run time) through `crc32fast`, many times faster than a table-driven
//! CRC. It is the IEEE 802.3 CRC-32 that zlib (`node:zlib`'s `crc32`) computes, so values from
//! either side are interchangeable.

use napi::bindgen_prelude::Uint8Array;
use napi_derive::napi;

/// CRC-32 (IEEE, zlib's) of `data`, continuing from `initial` (the CRC of the bytes before; 0 to
/// start), exactly as `zlib.crc32(data, initial)`.
///
/// From JavaScript (through `@polycore/native`'s `crc32`):
/// ```js
/// crc32(Buffer.from('hello')); // 0x3610a686
/// ```
#[napi(catch_unwind)]
pub fn crc32(data: Uint8Array, initial: Option<u32>) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(initial.unwrap_or(0));
    h.update(&data);
    h.finalize()
}
