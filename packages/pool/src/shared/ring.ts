/**
 * The message ring behind `Queue` and `Pipe`: a byte ring buffer in a region with two robust
 * `Lock`s (a two-lock queue: producers serialise on one, consumers on the other, so a put and a
 * get never wait for each other), with "not empty"/"not full" sequence words to sleep on. Values are encoded into the ring
 * (numbers, strings, booleans, null/undefined directly; small trees of plain objects and dense
 * arrays of those with the compact binary encoding of compact.ts, which round-trips them exactly as
 * structured clone would and is several times faster than `node:v8`; everything else with
 * `node:v8`'s serializer, i.e. structured clone); a value too large for the ring spills into its own
 * SharedMemory segment (native memory only), which the receiver unlinks after reading.
 *
 * Layout (Int32 word indices; groups on separate 64-byte cache lines): producer lock 0..5, tail 6,
 * put lap 7; consumer lock 16..21, head 22, get lap 23; closed 34, maxsize, capacity, taskDone count; not-empty sequence
 * 48 + waiters; not-full sequence 64 + waiters; join sequence 80 + waiters; put count/bytes 96, 97;
 * get count/bytes 112, 113; data from byte 512. Counts and bytes are monotonic (mod 2^32): messages
 * held = puts - gets, bytes used = put bytes - get bytes. A producer writes a record into free
 * space (used only shrinks behind its back), then publishes it by storing its put bytes and, last,
 * its put count; a consumer reads only counted records and frees them by storing its get count and,
 * last, its get bytes after copying them out. Each side only stores to its own line, and reads the
 * other side's line only when its cached copy says "full" (producers) or "empty" (consumers), so a
 * ring with a backlog moves no counter cache line between cores per message. The lap words count
 * 2^30 boundaries crossed by PUT_BYTES and GET_N; a cached copy is used only while the lap it was
 * read in is current, which keeps mod-2^32 differences exact however long a handle sat idle.
 * Record: u32 header (tag << 28 | length), payload, padding to 4 bytes.
 * @module
 */
import { Buffer } from 'node:buffer';
import { deserialize, serialize } from 'node:v8';
import { compactScratch, copyBytes, decodeCompact, encodeCompact, wellFormed } from './compact.js';
import { ClosedError } from './errors.js';
import { Lock } from './mutex.js';
import { PutBatcher } from './put-batcher.js';
import { type MemoryKind, Region } from './region.js';
import { SharedMemory } from './shared-memory.js';
import { type Blocker, blockAsync, blockSync, TIMED_OUT, wake, wakeIfWaiting } from './wait.js';

// Groups of words on separate 64-byte cache lines: producers (their lock, tail) | consumers (their
// lock, head) | shared counters | consumer wake-ups | producer wake-ups | join.
const PLOCK = 0;
const TAIL = 6;
/** Bumped by producers each time PUT_BYTES crosses a 2^30 boundary (validates cached GET_BYTES). */
const PUT_LAP = 7;
const CLOCK = 16;
const HEAD = 22;
/** Bumped by consumers each time GET_N crosses a 2^30 boundary (validates cached PUT_N). */
const GET_LAP = 23;
const CLOSED = 34;
const MAXSIZE = 35;
const CAP = 36;
/** taskDone() calls so far (JoinableQueue: unfinished = PUT_N - DONE). */
const DONE = 37;
/** Sequence word bumped by every put (consumers sleep on it). */
export const NE_SEQ = 48;
const NE_WAITERS = 49;
const NE_PENDING = 50;
/** Sequence word bumped by every get (producers sleep on it). */
export const NF_SEQ = 64;
const NF_WAITERS = 65;
const NF_PENDING = 66;
const JOIN_SEQ = 80;
const JOIN_WAITERS = 81;
// Monotonic counters (mod 2^32), each side's on its own cache line: producers only write theirs and
// read the consumers' (and vice versa), so the two sides never contend on a read-modify-write.
/** Records published / bytes taken (records + wrap waste), written by producers under their lock. */
const PUT_N = 96;
const PUT_BYTES = 97;
/** Records taken / bytes freed, written by consumers under their lock. */
const GET_N = 112;
const GET_BYTES = 113;
const DATA = 512;
/** @internal Word indices of the counters (tests set them near their wrap-arounds). */
export const RING_COUNTERS = { PUT_N, PUT_BYTES, PUT_LAP, GET_N, GET_BYTES, GET_LAP } as const;

const T_V8 = 0;
const T_NUM = 1;
const T_STR = 2;
const T_UNDEF = 3;
const T_NULL = 4;
const T_TRUE = 5;
const T_FALSE = 6;
const T_SPILL = 7;
/** The compact binary encoding of small plain trees (compact.ts). */
const T_CMP = 8;
/** ASCII-only variant of T_STR: written and read as latin1 (cheaper than UTF-8). */
const T_ASTR = 9;
const T_WRAP = 15;
const MAX_LEN = (1 << 28) - 1;
/**
 * Compact records up to this size are copied into a per-thread scratch under the consumer lock and
 * decoded after it is released (short critical sections; decoding makes fresh values, so the
 * scratch is free again at once). `node:v8` records are always copied to a fresh buffer: its
 * deserializer may return typed arrays that view its input.
 */
const READ_SCRATCH = 64 * 1024;
const readScratch = Buffer.allocUnsafeSlow(READ_SCRATCH);
const readScratchWords = new Int32Array(readScratch.buffer, readScratch.byteOffset, READ_SCRATCH >> 2);
/** Payloads up to this size are copied a 32-bit word at a time (bigger ones by `Buffer.copy`). */
const WORD_COPY = 256;

/** An Int32Array over `b` when it starts 4-byte aligned (cached for the last two buffers asked about). */
const viewed: (Uint8Array | null)[] = [null, null];
const views: (Int32Array | null)[] = [null, null];
let nextView = 0;
function wordView(b: Uint8Array): Int32Array | null {
  if (b === viewed[0]) return views[0]!;
  if (b === viewed[1]) return views[1]!;
  const i = nextView;
  nextView ^= 1;
  viewed[i] = b;
  views[i] = (b.byteOffset & 3) === 0 ? new Int32Array(b.buffer, b.byteOffset, b.byteLength >> 2) : null;
  return views[i]!;
}

/** Default ring capacity in bytes. */
export const DEFAULT_CAPACITY = 1 << 20;

/** A value encoded for the ring (encoded outside the lock). */
export interface Encoded {
  tag: number;
  len: number;
  num: number;
  str: string;
  /** The payload is `bytes[off, off + len)` (tags T_V8, T_CMP). */
  bytes: Uint8Array | null;
  off: number;
  /** `bytes` is this thread's compact-encoder scratch (copied before the next encode may reuse it). */
  scratch: boolean;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Gives `e` its own copy of its bytes if they are the encoder's scratch (before it waits). */
function detach(e: Encoded): void {
  if (e.scratch) {
    e.bytes = Buffer.from(e.bytes!.subarray(e.off, e.off + e.len));
    e.off = 0;
    e.scratch = false;
  }
}
const newEncoded = (): Encoded => ({
  tag: T_V8,
  len: 0,
  num: 0,
  str: '',
  bytes: null,
  off: 0,
  scratch: false,
});

/** Options of a ring. */
export interface RingOptions {
  /** Most messages held at once (0: limited by `capacity` only). */
  maxsize?: number;
  /** Bytes of the ring buffer (default 1 MiB); larger messages spill into their own segment. */
  capacity?: number;
  /** 'auto' (native shared memory when available, else SharedArrayBuffer), 'shm' or 'sab'. */
  memory?: MemoryKind;
}

/** Checks ring options; returns [maxsize, capacity, memory]. */
export function ringOptions(o: RingOptions | undefined): [number, number, MemoryKind] {
  if (o === undefined) return [0, DEFAULT_CAPACITY, 'auto'];
  if (o === null || typeof o !== 'object') throw new TypeError('options must be an object');
  const maxsize = o.maxsize ?? 0;
  if (typeof maxsize !== 'number')
    throw new TypeError(`options.maxsize must be a number, got ${typeof maxsize}`);
  if (!Number.isInteger(maxsize) || maxsize < 0 || maxsize > 0x7fffffff)
    throw new RangeError(`options.maxsize must be an integer >= 0, got ${maxsize}`);
  const cap = o.capacity ?? DEFAULT_CAPACITY;
  if (typeof cap !== 'number') throw new TypeError(`options.capacity must be a number, got ${typeof cap}`);
  if (!Number.isInteger(cap) || cap < 64 || cap > 1 << 30)
    throw new RangeError(`options.capacity must be an integer in [64, 2^30], got ${cap}`);
  const m = o.memory ?? 'auto';
  if (m !== 'auto' && m !== 'shm' && m !== 'sab')
    throw new TypeError(`options.memory must be 'auto', 'shm' or 'sab', got ${String(m)}`);
  return [maxsize, cap, m];
}

/** A message ring in shared memory. */
export class Ring {
  readonly region: Region;
  readonly #plock: Lock;
  readonly #clock: Lock;
  readonly #i32: Int32Array;
  readonly #buf: Buffer;
  readonly #cap: number;
  readonly #maxsize: number;
  /** Reused by the blocking calls (nothing else runs on this thread while they wait). */
  readonly #syncEnc = newEncoded();
  readonly #syncBox = { v: undefined as unknown };
  /** The data area as 32-bit words (small payloads are copied in and out a word at a time). */
  readonly #d32: Int32Array;
  /** Reused one-item list for {@link tryPut}. */
  readonly #one: (Encoded | undefined)[] = [undefined];
  /** This handle's async puts (created on the first). */
  #batcher: PutBatcher | undefined;
  // Cached counters of the other side (see #freeBytes, #hasRecord): a producer re-reads the
  // consumers' GET_BYTES only when its older copy says "no room", a consumer re-reads PUT_N only
  // when its copy says "empty", so while the ring holds a backlog the two sides stop pulling each
  // other's cache lines on every message. A stale copy only errs towards "full"/"empty" (counters
  // only grow); the lap words bound how stale a copy may be, so mod-2^32 differences stay exact.
  #seenGetBytes = 0;
  #seenGetBytesLap = -1;
  #seenPutN = 0;
  #seenPutNLap = -1;

  /** New ring, or (with `region`) the ring already in that region. */
  constructor(options?: RingOptions, region?: Region) {
    if (region) {
      this.region = region;
    } else {
      const [maxsize, cap, memory] = ringOptions(options);
      const c = (cap + 7) & ~7;
      this.region = Region.create(DATA + c, memory);
      Atomics.store(this.region.i32, CAP, c);
      Atomics.store(this.region.i32, MAXSIZE, maxsize);
    }
    this.#i32 = this.region.i32;
    this.#cap = this.#i32[CAP]!;
    this.#maxsize = this.#i32[MAXSIZE]!;
    this.#buf = Buffer.from(this.region.buffer as ArrayBuffer, DATA, this.#cap);
    this.#d32 = new Int32Array(this.region.buffer, DATA, this.#cap >> 2);
    this.#plock = new Lock({}, { region: this.region, base: PLOCK });
    this.#clock = new Lock({}, { region: this.region, base: CLOCK });
  }

  /** Most messages held at once (0: unbounded). */
  get maxsize(): number {
    return this.#maxsize;
  }

  /** Messages in the ring now. */
  get count(): number {
    return (Atomics.load(this.#i32, PUT_N) - Atomics.load(this.#i32, GET_N)) | 0;
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return Atomics.load(this.#i32, CLOSED) !== 0;
  }

  /**
   * Encodes a value (outside the lock) into `e` (a fresh record unless given: synchronous callers
   * may reuse one). TypeError for values structured clone rejects.
   */
  encode(v: unknown, e: Encoded = newEncoded()): Encoded {
    e.tag = T_V8;
    e.len = 0;
    e.str = '';
    e.bytes = null;
    e.off = 0;
    e.scratch = false;
    switch (typeof v) {
      case 'number':
        e.tag = T_NUM;
        e.num = v;
        e.len = 8;
        return e;
      case 'string':
        e.len = Buffer.byteLength(v);
        if (e.len === v.length || wellFormed(v)) {
          e.str = v;
          e.tag = e.len === v.length ? T_ASTR : T_STR;
          break;
        }
        e.bytes = serialize(v); // lone surrogates: UTF-8 would replace them
        e.len = e.bytes.length;
        break;
      case 'undefined':
        e.tag = T_UNDEF;
        return e;
      case 'boolean':
        e.tag = v ? T_TRUE : T_FALSE;
        return e;
      case 'function':
      case 'symbol':
        throw new TypeError(
          `a ${typeof v} cannot be sent through a queue or pipe (values pass by structured clone)`,
        );
      default:
        if (v === null) {
          e.tag = T_NULL;
          return e;
        }
        e.len = encodeCompact(v);
        if (e.len >= 0) {
          e.tag = T_CMP;
          e.bytes = compactScratch();
          e.scratch = true;
          break;
        }
        try {
          e.bytes = serialize(v);
        } catch (err) {
          throw new TypeError(`value cannot be sent through a queue or pipe: ${(err as Error).message}`);
        }
        e.len = e.bytes.length;
    }
    if (4 + align4(e.len) > this.#cap >>> 1 || e.len > MAX_LEN) this.#spill(e);
    return e;
  }

  /** Moves a large payload into its own segment; the record then carries the segment's name. */
  #spill(e: Encoded): void {
    if (!this.region.crossProcess) {
      throw new RangeError(
        `a message of ${e.len} bytes does not fit this ring (capacity ${this.#cap} bytes); pass a larger options.capacity`,
      );
    }
    const bytes = e.bytes ? e.bytes.subarray(e.off, e.off + e.len) : Buffer.from(e.str, 'utf8');
    const shm = SharedMemory.createHandedOff(Math.max(1, bytes.length));
    new Uint8Array(shm.buffer).set(bytes);
    const base = e.tag === T_ASTR ? T_STR : e.tag;
    e.str = `${base}:${bytes.length}:${shm.name}`;
    e.tag = T_SPILL;
    e.bytes = null;
    e.scratch = false;
    e.len = Buffer.byteLength(e.str);
    shm.close();
  }

  /** Drops an encoded value that will not be sent (unlinks its spill segment, if any). */
  discard(e: Encoded): void {
    if (e.tag !== T_SPILL) return;
    const name = e.str.split(':')[2];
    e.tag = T_UNDEF;
    if (name) SharedMemory.unlink(name);
  }

  /** Tries to append `e`: true when written, undefined when full; throws ClosedError when closed. */
  tryPut(e: Encoded): true | undefined {
    this.#one[0] = e;
    let n: number;
    try {
      n = this.putMany(this.#one, 0);
    } catch (err) {
      this.discard(e); // closed: it will never be sent
      throw err;
    } finally {
      this.#one[0] = undefined;
    }
    if (n === 1) return true;
    detach(e); // it waits: keep its bytes from the next encode
    return undefined;
  }

  /**
   * Appends `list[start]`, `list[start + 1]`, ... while they fit, under one acquisition of the
   * producers' lock and with one publishing store; returns how many were written (in order).
   * ClosedError when the queue is closed (nothing written; the caller discards the values).
   */
  putMany(list: readonly (Encoded | undefined)[], start: number): number {
    const i32 = this.#i32;
    const first = list[start]!;
    const rec0 = 4 + align4(first.len);
    // Peek without the lock, so producers waiting for room do not fight over it (and over the
    // consumers' counters). Never a false "full": gets only make room, and a sleeper re-checks
    // after announcing itself, which the freeing consumer sees (see wakeIfWaiting). Plain reads
    // here are hints; everything is re-read under the lock.
    if (
      i32[CLOSED] === 0 &&
      (this.#freeBytes(i32[PUT_BYTES]!, rec0) < rec0 ||
        (this.#maxsize > 0 && ((Atomics.load(i32, PUT_N) - Atomics.load(i32, GET_N)) | 0) >= this.#maxsize))
    )
      return 0;
    let k = start;
    this.#plock.enter();
    try {
      // Plain reads and stores of the producers' words: taking the lock (a CAS) and releasing it
      // (a seq-cst store) order them; only the publishing store below is atomic. (Atomics calls
      // are not inlined by V8: ~7 ns each, a large share of a put.)
      if (i32[CLOSED] !== 0) throw new ClosedError('put on a closed queue');
      const putN = i32[PUT_N]!; // only producers write it, and we hold their lock
      const cap = this.#cap;
      let putBytes = i32[PUT_BYTES]!;
      let tail = i32[TAIL]!;
      for (; k < list.length; k++) {
        if (this.#maxsize > 0 && ((putN + k - start - Atomics.load(i32, GET_N)) | 0) >= this.#maxsize) break;
        const e = list[k]!;
        const rec = 4 + align4(e.len);
        const toEnd = cap - tail;
        // Needed: `rec` bytes before the end, or (wrapping) the rest of this lap plus `rec` at 0.
        const need = toEnd >= rec ? rec : toEnd + rec;
        // Free space starts at `tail` and spans `free` bytes circularly (at least: the copy may be stale).
        const free = this.#freeBytes(putBytes, need);
        let at: number;
        let waste = 0;
        if (rec <= Math.min(free, toEnd)) at = tail;
        else if (toEnd < rec && free - toEnd >= rec) {
          this.#d32[tail >> 2] = T_WRAP << 28;
          waste = toEnd;
          at = 0;
        } else break;
        this.#write(at, e);
        const next = at + rec;
        tail = next === cap ? 0 : next;
        const putBytes2 = (putBytes + waste + rec) | 0;
        if ((putBytes ^ putBytes2) >>> 30 !== 0) i32[PUT_LAP] = (i32[PUT_LAP]! + 1) | 0;
        putBytes = putBytes2;
      }
      if (k > start) {
        // Bytes before tail: a producer killed between the two leaves the space counted as used
        // (a leak of one batch's bytes) rather than the records' space counted as free.
        i32[PUT_BYTES] = putBytes;
        i32[TAIL] = tail;
        Atomics.store(i32, PUT_N, (putN + k - start) | 0); // publish last (a release: the records are written)
      }
    } finally {
      this.#plock.exit();
    }
    if (k > start) wakeIfWaiting(this.region, NE_SEQ, NE_WAITERS, k - start, NE_PENDING);
    return k - start;
  }

  /**
   * Free bytes given the producers' `putBytes`: from this handle's copy of GET_BYTES while that
   * shows at least `want` free, else from a fresh read. Never more than the truth.
   */
  #freeBytes(putBytes: number, want: number): number {
    const i32 = this.#i32;
    if (this.#seenGetBytesLap === i32[PUT_LAP]) {
      const free = this.#cap - ((putBytes - this.#seenGetBytes) | 0);
      if (free >= want && free <= this.#cap) return free;
    }
    this.#seenGetBytesLap = i32[PUT_LAP]!; // the lap first: the copy is at least this recent
    this.#seenGetBytes = Atomics.load(i32, GET_BYTES); // an acquire: the space it frees was read out
    return this.#cap - ((putBytes - this.#seenGetBytes) | 0);
  }

  /**
   * Whether a record is published beyond the consumers' `getN`: from this handle's copy of PUT_N
   * while that says so, else from a fresh read.
   */
  #hasRecord(getN: number): boolean {
    const i32 = this.#i32;
    if (this.#seenPutNLap === i32[GET_LAP] && ((this.#seenPutN - getN) | 0) > 0) return true;
    this.#seenPutNLap = i32[GET_LAP]!;
    this.#seenPutN = Atomics.load(i32, PUT_N); // an acquire: the records it counts are written
    return this.#seenPutN !== getN;
  }

  /** Copies `src[off, off + len)` to the ring at `p` (4-aligned; whole words when `src` allows). */
  #copyIn(src: Uint8Array, off: number, len: number, p: number): void {
    const from = len <= WORD_COPY && (off & 3) === 0 && off + len + 3 <= src.length ? wordView(src) : null;
    if (from) {
      // The record is padded to 4 bytes, so the last word's extra bytes land in its padding.
      const d32 = this.#d32;
      const at = p >> 2;
      const o = off >> 2;
      for (let i = 0, n = (len + 3) >> 2; i < n; i++) d32[at + i] = from[o + i]!;
    } else copyBytes(src, off, off + len, this.#buf, p);
  }

  #write(at: number, e: Encoded): void {
    const buf = this.#buf;
    this.#d32[at >> 2] = (e.tag << 28) | e.len; // records start 4-byte aligned
    const p = at + 4;
    switch (e.tag) {
      case T_NUM:
        buf.writeDoubleLE(e.num, p);
        break;
      case T_STR:
      case T_SPILL:
        buf.write(e.str, p, e.len, 'utf8');
        break;
      case T_ASTR:
        buf.write(e.str, p, e.len, 'latin1');
        break;
      case T_V8:
      case T_CMP:
        this.#copyIn(e.bytes!, e.off, e.len, p);
        break;
    }
  }

  /**
   * Tries to take one message into `box` (returned), undefined when empty; ClosedError when closed
   * and empty. Synchronous callers may pass a reused box.
   */
  tryGet(box: { v: unknown } = { v: undefined }): { v: unknown } | undefined {
    const i32 = this.#i32;
    // Peek without the lock so idle consumers spinning here do not contend (plain reads: hints).
    if (!this.#hasRecord(i32[GET_N]!)) {
      if (Atomics.load(i32, CLOSED) !== 0) throw new ClosedError('the queue is closed and empty');
      return undefined;
    }
    let tag = 0;
    let text: string | undefined;
    let copy: Buffer | undefined;
    let value: unknown;
    this.#clock.enter();
    try {
      const getN = i32[GET_N]!; // only consumers write it, and we hold their lock
      if (!this.#hasRecord(getN)) {
        if (Atomics.load(i32, CLOSED) !== 0) throw new ClosedError('the queue is closed and empty');
        return undefined;
      }
      let head = i32[HEAD]!;
      let waste = 0;
      let hdr = this.#d32[head >> 2]!;
      if (hdr >>> 28 === T_WRAP) {
        waste = this.#cap - head;
        head = 0;
        hdr = this.#d32[0]!;
      }
      tag = hdr >>> 28;
      const len = hdr & MAX_LEN;
      const p = head + 4;
      // Copy out under the lock; decode after releasing it (short critical sections).
      if (tag === T_ASTR) {
        text = this.#buf.toString('latin1', p, p + len);
        tag = T_STR;
      } else if (tag === T_STR || tag === T_SPILL) text = this.#buf.toString('utf8', p, p + len);
      else if (tag === T_CMP && len <= READ_SCRATCH) {
        if (len <= WORD_COPY) {
          // Whole words (the record is padded to 4 bytes; the scratch is bigger than any such copy).
          const from = p >> 2;
          for (let i = 0, n = (len + 3) >> 2; i < n; i++) readScratchWords[i] = this.#d32[from + i]!;
        } else copyBytes(this.#buf, p, p + len, readScratch, 0);
        copy = readScratch;
      } else if (tag === T_V8 || tag === T_CMP) copy = Buffer.from(this.#buf.subarray(p, p + len));
      else value = this.#read(tag, p, len);
      const rec = 4 + align4(len);
      head += rec;
      // Plain stores of the consumers' words, as for producers; the freeing store is atomic.
      i32[HEAD] = head === this.#cap ? 0 : head;
      const getN2 = (getN + 1) | 0;
      if ((getN2 & 0x3fffffff) === 0) i32[GET_LAP] = (i32[GET_LAP]! + 1) | 0;
      i32[GET_N] = getN2;
      Atomics.store(i32, GET_BYTES, (i32[GET_BYTES]! + waste + rec) | 0); // frees the space last (a release)
    } finally {
      this.#clock.exit();
    }
    wakeIfWaiting(this.region, NF_SEQ, NF_WAITERS, 1, NF_PENDING);
    switch (tag) {
      case T_STR:
        box.v = text;
        break;
      case T_CMP:
        box.v = decodeCompact(copy!, 0);
        break;
      case T_SPILL:
        box.v = this.#unspill(text!);
        break;
      case T_V8:
        box.v = deserialize(copy!);
        break;
      default:
        box.v = value;
    }
    return box;
  }

  #read(tag: number, p: number, len: number): unknown {
    const buf = this.#buf;
    switch (tag) {
      case T_NUM:
        return buf.readDoubleLE(p);
      case T_STR:
        return buf.toString('utf8', p, p + len);
      case T_UNDEF:
        return undefined;
      case T_NULL:
        return null;
      case T_TRUE:
        return true;
      case T_FALSE:
        return false;
      default:
        return deserialize(buf.subarray(p, p + len));
    }
  }

  #unspill(ref: string): unknown {
    const [tag, len, name] = ref.split(':') as [string, string, string];
    const shm = SharedMemory.attach(name);
    shm.unlink();
    const bytes = Buffer.from(shm.buffer, 0, Number(len));
    const t = Number(tag);
    const v =
      t === T_STR ? bytes.toString('utf8') : t === T_CMP ? decodeCompact(bytes, 0) : deserialize(bytes);
    shm.close();
    return v;
  }

  /**
   * This handle's async puts: written in call order, those made in one tick together (see
   * put-batcher.ts).
   */
  get puts(): PutBatcher {
    this.#batcher ??= new PutBatcher(this);
    return this.#batcher;
  }

  /** Blocking put: false when `timeout` passed (nothing sent). */
  putSync(value: unknown, timeout: number): boolean {
    const e = this.encode(value, this.#syncEnc);
    if (this.tryPut(e)) return true;
    if (
      blockSync(
        this.putter(() => this.tryPut(e)),
        timeout,
      ) !== TIMED_OUT
    )
      return true;
    this.discard(e);
    return false;
  }

  /** Takes the next message, waiting up to `timeout`; undefined when it timed out. */
  async get(timeout: number, signal: AbortSignal | undefined): Promise<{ v: unknown } | undefined> {
    const hit = this.tryGet();
    if (hit) return hit;
    const r = await blockAsync(
      this.getter(() => this.tryGet()),
      timeout,
      signal,
    );
    return r === TIMED_OUT ? undefined : r;
  }

  /** Blocking {@link get}. The result box is reused: read `.v` before the next call. */
  getSync(timeout: number): { v: unknown } | undefined {
    const box = this.#syncBox;
    const hit = this.tryGet(box);
    if (hit || timeout <= 0) return hit;
    const r = blockSync(
      this.getter(() => this.tryGet(box)),
      timeout,
    );
    return r === TIMED_OUT ? undefined : r;
  }

  /** Marks the ring closed and wakes everyone. */
  close(): void {
    Atomics.store(this.#i32, CLOSED, 1);
    wake(this.region, NE_SEQ, NE_WAITERS);
    wake(this.region, NF_SEQ, NF_WAITERS);
    wake(this.region, JOIN_SEQ, JOIN_WAITERS);
  }

  /** Blocker for "a message arrived" with the given attempt. */
  getter<T>(attempt: () => T | undefined): Blocker<T> {
    return { region: this.region, word: NE_SEQ, waiters: NE_WAITERS, pending: NE_PENDING, attempt };
  }

  /** Blocker for "room freed" with the given attempt. */
  putter<T>(attempt: () => T | undefined): Blocker<T> {
    return { region: this.region, word: NF_SEQ, waiters: NF_WAITERS, pending: NF_PENDING, attempt };
  }

  /** Marks one message processed (JoinableQueue). */
  taskDone(): void {
    const done = Atomics.add(this.#i32, DONE, 1) + 1;
    const left = (Atomics.load(this.#i32, PUT_N) - done) | 0;
    if (left < 0) {
      Atomics.sub(this.#i32, DONE, 1);
      throw new RangeError('taskDone() called more times than there were items');
    }
    if (left === 0) wake(this.region, JOIN_SEQ, JOIN_WAITERS);
  }

  /** Blocker for "every put item was marked done". */
  joiner(): Blocker<true> {
    return {
      region: this.region,
      word: JOIN_SEQ,
      waiters: JOIN_WAITERS,
      attempt: () => (Atomics.load(this.#i32, PUT_N) === Atomics.load(this.#i32, DONE) ? true : undefined),
    };
  }
}
