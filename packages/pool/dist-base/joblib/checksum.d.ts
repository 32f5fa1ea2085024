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
export declare function loadChecksum(): Promise<void> | undefined;
/**
 * CRC-32 (IEEE, zlib's) of `data`, continuing from `initial`.
 *
 * @example
 * ```ts
 * crc32(Buffer.from('hello')); // 0x3610a686
 * ```
 */
export declare function crc32(data: Uint8Array, initial?: number): number;
/** Which implementation {@link crc32} uses now. */
export declare function checksumImpl(): 'native' | 'zlib';
//# sourceMappingURL=checksum.d.ts.map