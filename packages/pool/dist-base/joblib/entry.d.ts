/** What is stored beside each value; passed to `validate` callbacks. */
export interface EntryMeta {
    /** When the value was computed (ms since the epoch). */
    createdAt: number;
    /** How long computing it took (ms). */
    durationMs: number;
    /** The cached function's name. */
    name: string;
    /** A short preview of the arguments, for humans. */
    args: string;
}
interface StoredMeta extends EntryMeta {
    /** CRC-32 of the serialized payload alone (checked when raw blocks are not). */
    payloadCrc: number;
    payload: [offset: number, length: number];
    raws: [offset: number, length: number, type: number][];
}
/** Thrown (internally) when an entry file is truncated or damaged; callers recompute. */
export declare class CorruptEntryError extends Error {
    readonly name = "CorruptEntryError";
}
/**
 * Encodes `value` and its metadata as the chunks of one entry file (write them in order, e.g. with writev).
 * Throws the serializer's error (DataCloneError) for values structured clone cannot hold (functions, symbols).
 *
 * @example
 * ```ts
 * const chunks = encodeEntry(new Float64Array(1e6), meta, 1 << 20);
 * ```
 */
export declare function encodeEntry(value: unknown, meta: EntryMeta, rawThreshold: number): Uint8Array[];
/** Reads the header and metadata of an entry; `buf` may be just the first bytes of the file. */
export declare function decodeMeta(buf: Buffer, fileLength: number): StoredMeta & {
    dataStart: number;
    dataCrc: number;
};
/**
 * Decodes a whole entry file, verifying its length and checksums (with `verifyData` false, the raw blocks
 * are only length-checked); large typed arrays come back as views of `file`.
 *
 * @throws CorruptEntryError when the file is truncated or damaged.
 * @example
 * ```ts
 * const { meta, value } = decodeEntry(await readFile(path));
 * ```
 */
export declare function decodeEntry(file: Buffer, verifyData?: boolean): {
    meta: EntryMeta;
    value: unknown;
};
export {};
//# sourceMappingURL=entry.d.ts.map