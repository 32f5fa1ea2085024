/**
 * The CRC-32 that checks {@link Memory} entries: `@polycore/native`'s (SIMD, ~10× zlib's speed on large
 * entries) once loaded, else `node:zlib`'s. Both compute the same IEEE CRC-32, so entries written by
 * either are read by the other. The addon is loaded on first use by a cache ({@link loadChecksum}),
 * never by importing the package.
 * @module
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
let impl = zlibCrc32;
let loading;
let loaded = false;
/**
 * Starts loading the native CRC-32 (once; POLYCORE_NATIVE=0 or a missing binary keep zlib's). Returns
 * undefined once settled, so hot paths skip the await.
 *
 * @example
 * ```ts
 * const p = loadChecksum();
 * if (p) await p;
 * ```
 */
export function loadChecksum() {
    if (loaded)
        return undefined;
    loading ??= import('@polycore/native')
        .then((m) => {
        if (typeof m.crc32 === 'function' &&
            m.isNativeAvailable() &&
            m.crc32(new Uint8Array(1)) === zlibCrc32(new Uint8Array(1)))
            impl = m.crc32;
    })
        .catch(() => { })
        .finally(() => {
        loaded = true;
    });
    return loading;
}
/**
 * CRC-32 (IEEE, zlib's) of `data`, continuing from `initial`.
 *
 * @example
 * ```ts
 * crc32(Buffer.from('hello')); // 0x3610a686
 * ```
 */
export function crc32(data, initial = 0) {
    return impl(data, initial);
}
/** Which implementation {@link crc32} uses now. */
export function checksumImpl() {
    return impl === zlibCrc32 ? 'zlib' : 'native';
}
//# sourceMappingURL=checksum.js.map