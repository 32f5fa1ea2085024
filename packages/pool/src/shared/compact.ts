/**
 * A compact binary encoding for the values most messages are made of: numbers, strings, booleans,
 * null/undefined, and small trees of plain objects and dense arrays of those. It round-trips them
 * exactly as structured clone would (-0, NaN, key order, null-prototype objects becoming plain
 * ones), several times faster than `node:v8`'s serializer or JSON for small messages. Anything
 * else (Maps, typed arrays, Dates, class instances, sparse arrays, shared or cyclic references,
 * very deep or very large trees) answers "unsupported" and goes through `node:v8` instead.
 *
 * Format: one tag byte per value; ints as i8/i32, other numbers as f64 (LE); strings as a length
 * (1 byte, or 0xff + u32) then ASCII or UTF-8 bytes; arrays as a count then their items; objects
 * as a shape block (key count, block length, key strings; see compact-shapes.ts) then the values.
 * @module
 */
import { Buffer } from 'node:buffer';
import { isProxy } from 'node:util/types';
import { addShape, encoderShape, findShape } from './compact-shapes.js';

const U = 0;
const NUL = 1;
const F = 2;
const T = 3;
const I8 = 4;
const I32 = 5;
const F64 = 6;
const SA = 7; // ASCII string
const SU = 8; // UTF-8 string
const ARR = 9;
const OBJ = 10;

/** Objects (arrays included) one message may hold before it goes to `node:v8` instead. */
const MAX_OBJECTS = 256;
/** Longest array encoded here (longer ones go to `node:v8`, which checks them more cheaply). */
const MAX_ARRAY = 256;
const MAX_DEPTH = 32;

/** The encoder's output: a growable byte buffer, reused across calls (one per thread). */
class Writer {
  buf = Buffer.allocUnsafeSlow(4096);
  view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  pos = 0;
  /** Objects met so far (shared references go to `node:v8`, which keeps them shared). */
  readonly seen: (object | undefined)[] = new Array(16).fill(undefined);
  nSeen = 0;
  seenSet: Set<object> | null = null;

  /** False when `o` was met before or the message holds too many objects. */
  visit(o: object): boolean {
    if (this.seenSet) {
      if (this.seenSet.has(o) || this.seenSet.size >= MAX_OBJECTS) return false;
      this.seenSet.add(o);
      return true;
    }
    const seen = this.seen;
    const n = this.nSeen;
    for (let i = 0; i < n; i++) if (seen[i] === o) return false;
    if (n < 16) {
      seen[n] = o;
      this.nSeen = n + 1;
    } else {
      this.seenSet = new Set(seen as object[]);
      this.seenSet.add(o);
    }
    return true;
  }

  /** Forgets the objects met; with `start`, also rewinds (and drops a scratch a big message grew). */
  reset(start: boolean): void {
    if (start && this.buf.length > 1 << 20) {
      // A big message grew the scratch: let it go (its last bytes were copied out by now).
      this.buf = Buffer.allocUnsafeSlow(4096);
      this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    }
    if (start) this.pos = 0;
    for (let i = 0; i < this.nSeen; i++) this.seen[i] = undefined;
    this.nSeen = 0;
    this.seenSet = null;
  }

  need(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n + 1024));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  len(n: number): void {
    if (n < 0xff) {
      this.buf[this.pos++] = n;
    } else {
      this.buf[this.pos] = 0xff;
      this.view.setUint32(this.pos + 1, n, true);
      this.pos += 5;
    }
  }
}

const w = new Writer();

/**
 * Whether `s` has no lone surrogates (UTF-8 would replace them; structured clone keeps them).
 *
 * @example
 * ```ts
 * wellFormed('\uD800'); // false
 * ```
 */
export function wellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** Writes a string; false when it has lone surrogates (left to `node:v8`). */
function writeString(s: string): boolean {
  const n = s.length;
  if (n <= 64) {
    w.need(n + 2);
    const buf = w.buf;
    const start = w.pos;
    buf[start] = SA;
    buf[start + 1] = n;
    let p = start + 2;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        p = -1;
        break;
      }
      buf[p++] = c;
    }
    if (p >= 0) {
      w.pos = p;
      return true;
    }
  }
  w.need(n * 3 + 6);
  const at = w.pos;
  w.pos += 6; // tag + widest length, fixed up below
  const bytes = w.buf.write(s, w.pos, 'utf8');
  if (bytes !== n && !wellFormed(s)) return false;
  const tag = bytes === n ? SA : SU;
  if (bytes < 0xff) {
    w.buf.copy(w.buf, at + 2, at + 6, at + 6 + bytes);
    w.buf[at] = tag;
    w.buf[at + 1] = bytes;
    w.pos = at + 2 + bytes;
  } else {
    w.buf[at] = tag;
    w.buf[at + 1] = 0xff;
    w.view.setUint32(at + 2, bytes, true); // the bytes are already in place
    w.pos = at + 6 + bytes;
  }
  return true;
}

function writeValue(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case 'number':
      if ((v | 0) === v && (v !== 0 || 1 / v > 0)) {
        if (v >= -128 && v <= 127) {
          w.need(2);
          w.buf[w.pos] = I8;
          w.buf[w.pos + 1] = v & 0xff;
          w.pos += 2;
        } else {
          w.need(5);
          w.buf[w.pos] = I32;
          w.view.setInt32(w.pos + 1, v, true);
          w.pos += 5;
        }
      } else {
        w.need(9);
        w.buf[w.pos] = F64;
        w.view.setFloat64(w.pos + 1, v, true);
        w.pos += 9;
      }
      return true;
    case 'string':
      return writeString(v);
    case 'boolean':
      w.need(1);
      w.buf[w.pos++] = v ? T : F;
      return true;
    case 'undefined':
      w.need(1);
      w.buf[w.pos++] = U;
      return true;
    case 'object':
      if (v === null) {
        w.need(1);
        w.buf[w.pos++] = NUL;
        return true;
      }
      return writeObject(v, depth);
    default:
      return false;
  }
}

function writeObject(v: object, depth: number): boolean {
  if (depth >= MAX_DEPTH || isProxy(v) || !w.visit(v)) return false; // structured clone refuses proxies
  if (Array.isArray(v)) {
    const n = v.length;
    if (n > MAX_ARRAY || Object.getPrototypeOf(v) !== Array.prototype) return false;
    w.need(6);
    w.buf[w.pos++] = ARR;
    w.len(n);
    for (let i = 0; i < n; i++) {
      if (!(i in v) || !writeValue(v[i], depth + 1)) return false;
    }
    // Extra named properties (structured clone keeps them): `Object.values` counts them too and,
    // unlike `Object.keys`, does not turn every index into a string.
    return Object.values(v).length === n;
  }
  const p = Object.getPrototypeOf(v);
  if (p !== Object.prototype && p !== null) return false;
  const shape = encoderShape(Object.keys(v), writeValue);
  if (!shape) return false;
  const block = shape.bytes;
  w.need(1 + block.length);
  w.buf[w.pos++] = OBJ;
  copyBytes(block, 0, block.length, w.buf, w.pos);
  w.pos += block.length;
  if (shape.write) return shape.write(v as Record<string, unknown>, depth + 1);
  for (const k of shape.keys) {
    if (!writeValue((v as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

/**
 * Copies `src[start, end)` to `dst` at `at`: a plain loop for a few bytes (cheaper than a native
 * call), `Buffer.copy` for more.
 *
 * @example
 * ```ts
 * copyBytes(scratch, 0, n, ring, at);
 * ```
 */
export function copyBytes(src: Uint8Array, start: number, end: number, dst: Uint8Array, at: number): void {
  if (end - start <= 48) {
    for (let i = start; i < end; i++) dst[at++] = src[i]!;
  } else {
    Buffer.prototype.copy.call(src, dst, at, start, end);
  }
}

/**
 * Encodes `v` into this thread's scratch buffer ({@link compactScratch}): the number of bytes
 * written (valid until the next call; copy them to keep them), or -1 when `v` needs `node:v8`.
 *
 * @example
 * ```ts
 * const n = encodeCompact({ id: 1, tags: [1, 2] });
 * if (n >= 0) console.log(decodeCompact(compactScratch(), 0)); // { id: 1, tags: [1, 2] }
 * ```
 */
export function encodeCompact(v: unknown): number {
  w.reset(true);
  const ok = writeValue(v, 0);
  w.reset(false); // the scratch keeps its bytes until the next call
  return ok ? w.pos : -1;
}

/**
 * The buffer {@link encodeCompact} wrote into (it grows, so fetch it after encoding).
 *
 * @example
 * ```ts
 * const bytes = compactScratch().subarray(0, encodeCompact([1, 2]));
 * ```
 */
export function compactScratch(): Buffer {
  return w.buf;
}

const EMPTY = Buffer.alloc(0);
let rb: Buffer = EMPTY;
let rp = 0;
const readNext = (): unknown => readValue();

/** Reads one value at `rp` of `rb` (advancing `rp`). */
function readValue(): unknown {
  const buf = rb;
  const tag = buf[rp++];
  switch (tag) {
    case U:
      return undefined;
    case NUL:
      return null;
    case F:
      return false;
    case T:
      return true;
    case I8: {
      const b = buf[rp++]!;
      return b > 127 ? b - 256 : b;
    }
    case I32:
      rp += 4;
      return buf.readInt32LE(rp - 4);
    case F64:
      rp += 8;
      return buf.readDoubleLE(rp - 8);
    case SA:
    case SU:
      return readString(tag);
    case ARR: {
      const n = readLen();
      const a = new Array(n);
      for (let i = 0; i < n; i++) a[i] = readValue();
      return a;
    }
    case OBJ:
      return readObject();
    default:
      throw new Error(`corrupt queue message (compact tag ${tag})`);
  }
}

function readObject(): Record<string, unknown> {
  const n = readLen();
  const blockLen = readLen();
  const start = rp;
  const end = start + blockLen;
  let shape = findShape(rb, start, end);
  if (!shape) {
    const keys: string[] = [];
    for (let i = 0; i < n; i++) keys.push(readString(rb[rp++]!));
    shape = addShape(rb, start, end, keys);
  }
  rp = end;
  if (shape.make) return shape.make(readNext);
  const o: Record<string, unknown> = {};
  for (const k of shape.keys) o[k] = readValue();
  return o;
}

function readLen(): number {
  const n = rb[rp++]!;
  if (n < 0xff) return n;
  rp += 4;
  return rb.readUInt32LE(rp - 4);
}

function readString(tag: number): string {
  const n = readLen();
  const buf = rb;
  const p = rp;
  rp += n;
  if (tag === SA && n <= SHORT) return shortAscii(buf, p, n);
  return buf.toString(tag === SA ? 'latin1' : 'utf8', p, p + n);
}

/** Longest ASCII string decoded through {@link shortAscii}'s cache. */
const SHORT = 16;
/**
 * Recently decoded short ASCII strings, direct-mapped by a hash of their bytes: messages repeat
 * names, labels and enum-like values, and a hit returns the same (immutable) string instead of
 * building and later collecting a new one.
 */
const shortStrings: string[] = new Array<string>(256).fill('');

function shortAscii(buf: Buffer, p: number, n: number): string {
  let h = n;
  for (let i = p; i < p + n; i++) h = (Math.imul(h, 31) + buf[i]!) | 0;
  const slot = (h ^ (h >>> 8) ^ (h >>> 16)) & 255;
  const hit = shortStrings[slot]!;
  if (hit.length === n) {
    let i = 0;
    while (i < n && hit.charCodeAt(i) === buf[p + i]) i++;
    if (i === n) return hit;
  }
  let s = '';
  for (let i = p; i < p + n; i++) s += String.fromCharCode(buf[i]!);
  shortStrings[slot] = s;
  return s;
}

/**
 * Decodes the value {@link encodeCompact} wrote, starting at `buf[start]`.
 *
 * @example
 * ```ts
 * decodeCompact(encodeCompact([1, 'a'])!, 0); // [1, 'a']
 * ```
 */
export function decodeCompact(buf: Buffer, start: number): unknown {
  rb = buf;
  rp = start;
  try {
    return readValue();
  } finally {
    rb = EMPTY; // do not keep a large message alive
  }
}
