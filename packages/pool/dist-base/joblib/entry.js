/**
 * The on-disk format of one {@link Memory} entry: a checksummed header, the value in Node's structured
 * serialization (node:v8 — loading never runs code), then large typed arrays as raw 64-byte-aligned blocks
 * that load as views of the file's buffer (one read, no second copy).
 *
 * ```
 * 0   "PCJM"  u16 version  u16 0
 * 8   u32 metaLength   u32 crc32(meta)
 * 16  f64 fileLength       u32 crc32(data)  u32 0
 * 32  meta (JSON: createdAt, durationMs, name, args, payload and raw block offsets relative to the data)
 * data (64-byte aligned): payload (v8 serialize), then raw blocks, each at a 64-byte aligned offset
 * ```
 * A truncated or damaged file fails the length or checksum test and reads as {@link CorruptEntryError}.
 */
import { DefaultDeserializer, DefaultSerializer } from 'node:v8';
import { crc32 } from './checksum.js';
const MAGIC = 0x4d4a4350; // "PCJM" little-endian
const VERSION = 1;
const HEADER = 32;
const ALIGN = 64;
/** Thrown (internally) when an entry file is truncated or damaged; callers recompute. */
export class CorruptEntryError extends Error {
    name = 'CorruptEntryError';
}
const VIEW_TYPES = [
    Buffer,
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
    DataView,
];
const superWrite = DefaultSerializer.prototype._writeHostObject;
const superRead = DefaultDeserializer.prototype._readHostObject;
/** Serializer that moves typed arrays of at least `threshold` bytes out of the payload into raw blocks. */
class EntrySerializer extends DefaultSerializer {
    threshold;
    raws = [];
    constructor(threshold) {
        super();
        this.threshold = threshold;
    }
    _writeHostObject(view) {
        const self = this;
        if (view.byteLength >= this.threshold) {
            const type = VIEW_TYPES.indexOf(view.constructor);
            if (type >= 0) {
                self.writeUint32(1);
                self.writeUint32(type);
                self.writeUint32(this.raws.length);
                this.raws.push(view);
                return;
            }
        }
        self.writeUint32(0);
        superWrite.call(this, view);
    }
}
class EntryDeserializer extends DefaultDeserializer {
    file;
    raws;
    constructor(buf, file, raws) {
        super(buf);
        this.file = file;
        this.raws = raws;
    }
    _readHostObject() {
        const self = this;
        if (self.readUint32() === 0)
            return superRead.call(this);
        const type = self.readUint32();
        const raw = this.raws[self.readUint32()];
        const C = VIEW_TYPES[type];
        if (!raw || !C)
            throw new CorruptEntryError('raw block index out of range');
        return rawView(C, this.file, raw[0], raw[1]);
    }
}
function rawView(C, file, offset, length) {
    if (C === Buffer)
        return Buffer.from(file.buffer, file.byteOffset + offset, length);
    const bpe = 'BYTES_PER_ELEMENT' in C ? C.BYTES_PER_ELEMENT : 1;
    let buffer = file.buffer;
    let start = file.byteOffset + offset;
    if (start % bpe !== 0) {
        buffer = file.buffer.slice(start, start + length);
        start = 0;
    }
    if (C === DataView)
        return new DataView(buffer, start, length);
    return new C(buffer, start, length / bpe);
}
const align = (n) => Math.ceil(n / ALIGN) * ALIGN;
/**
 * Encodes `value` and its metadata as the chunks of one entry file (write them in order, e.g. with writev).
 * Throws the serializer's error (DataCloneError) for values structured clone cannot hold (functions, symbols).
 *
 * @example
 * ```ts
 * const chunks = encodeEntry(new Float64Array(1e6), meta, 1 << 20);
 * ```
 */
export function encodeEntry(value, meta, rawThreshold) {
    const ser = new EntrySerializer(rawThreshold);
    ser.writeHeader();
    ser.writeValue(value);
    const payload = ser.releaseBuffer();
    // Offsets are relative to the data start, so the meta's own length does not move them.
    const data = [payload];
    const raws = [];
    let at = payload.length;
    for (const v of ser.raws) {
        const off = align(at);
        if (off > at)
            data.push(Buffer.alloc(off - at));
        raws.push([off, v.byteLength, VIEW_TYPES.indexOf(v.constructor)]);
        data.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
        at = off + v.byteLength;
    }
    let dataCrc = 0;
    for (const c of data)
        dataCrc = crc32(c, dataCrc);
    const json = Buffer.from(JSON.stringify({
        ...meta,
        payloadCrc: crc32(payload),
        payload: [0, payload.length],
        raws,
    }));
    const dataStart = align(HEADER + json.length);
    const head = Buffer.alloc(dataStart);
    head.writeUInt32LE(MAGIC, 0);
    head.writeUInt16LE(VERSION, 4);
    head.writeUInt32LE(json.length, 8);
    head.writeUInt32LE(crc32(json), 12);
    head.writeDoubleLE(dataStart + at, 16);
    head.writeUInt32LE(dataCrc, 24);
    json.copy(head, HEADER);
    return [head, ...data];
}
/** Reads the header and metadata of an entry; `buf` may be just the first bytes of the file. */
export function decodeMeta(buf, fileLength) {
    if (buf.length < HEADER || buf.readUInt32LE(0) !== MAGIC)
        throw new CorruptEntryError('not a cache entry');
    if (buf.readUInt16LE(4) !== VERSION)
        throw new CorruptEntryError('unknown entry format version');
    const metaLength = buf.readUInt32LE(8);
    if (buf.readDoubleLE(16) !== fileLength) {
        throw new CorruptEntryError(`truncated entry (${fileLength} of ${buf.readDoubleLE(16)} bytes)`);
    }
    if (buf.length < HEADER + metaLength)
        throw new CorruptEntryError('truncated entry header');
    const json = buf.subarray(HEADER, HEADER + metaLength);
    if (crc32(json) !== buf.readUInt32LE(12))
        throw new CorruptEntryError('entry header checksum mismatch');
    try {
        return {
            ...JSON.parse(json.toString('utf8')),
            dataStart: align(HEADER + metaLength),
            dataCrc: buf.readUInt32LE(24),
        };
    }
    catch {
        throw new CorruptEntryError('entry header is not valid JSON');
    }
}
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
export function decodeEntry(file, verifyData = true) {
    const meta = decodeMeta(file, file.length);
    const data = file.subarray(meta.dataStart);
    if (verifyData) {
        if (crc32(data) !== meta.dataCrc)
            throw new CorruptEntryError('entry data checksum mismatch');
    }
    else if (crc32(data.subarray(meta.payload[0], meta.payload[0] + meta.payload[1])) !== meta.payloadCrc) {
        throw new CorruptEntryError('entry payload checksum mismatch');
    }
    const payload = data.subarray(meta.payload[0], meta.payload[0] + meta.payload[1]);
    try {
        const des = new EntryDeserializer(payload, data, meta.raws);
        des.readHeader();
        return { meta, value: des.readValue() };
    }
    catch (e) {
        throw new CorruptEntryError(`entry payload does not deserialize: ${e.message}`);
    }
}
//# sourceMappingURL=entry.js.map