import { type MemoryKind, Region } from './region.js';
import { type Blocker } from './wait.js';
/** Sequence word bumped by every put (consumers sleep on it). */
export declare const NE_SEQ = 48;
/** Sequence word bumped by every get (producers sleep on it). */
export declare const NF_SEQ = 64;
/** @internal Word indices of the counters (tests set them near their wrap-arounds). */
export declare const RING_COUNTERS: {
    readonly PUT_N: 96;
    readonly PUT_BYTES: 97;
    readonly PUT_LAP: 7;
    readonly GET_N: 112;
    readonly GET_BYTES: 113;
    readonly GET_LAP: 23;
};
/** Default ring capacity in bytes. */
export declare const DEFAULT_CAPACITY: number;
/** A value encoded for the ring (encoded outside the lock). */
interface Encoded {
    tag: number;
    len: number;
    num: number;
    str: string;
    bytes: Uint8Array | null;
    /** `bytes` is this thread's compact-encoder scratch (copied before the next encode may reuse it). */
    scratch: boolean;
}
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
export declare function ringOptions(o: RingOptions | undefined): [number, number, MemoryKind];
/** A message ring in shared memory. */
export declare class Ring {
    #private;
    readonly region: Region;
    /** New ring, or (with `region`) the ring already in that region. */
    constructor(options?: RingOptions, region?: Region);
    /** Most messages held at once (0: unbounded). */
    get maxsize(): number;
    /** Messages in the ring now. */
    get count(): number;
    /** Whether `close()` was called. */
    get closed(): boolean;
    /**
     * Encodes a value (outside the lock) into `e` (a fresh record unless given: synchronous callers
     * may reuse one). TypeError for values structured clone rejects.
     */
    encode(v: unknown, e?: Encoded): Encoded;
    /** Drops an encoded value that will not be sent (unlinks its spill segment, if any). */
    discard(e: Encoded): void;
    /** Tries to append `e`: true when written, undefined when full; throws ClosedError when closed. */
    tryPut(e: Encoded): true | undefined;
    /**
     * Tries to take one message into `box` (returned), undefined when empty; ClosedError when closed
     * and empty. Synchronous callers may pass a reused box.
     */
    tryGet(box?: {
        v: unknown;
    }): {
        v: unknown;
    } | undefined;
    /** Sends `value`, waiting for room up to `timeout`; false when it timed out (nothing sent). */
    put(value: unknown, timeout: number, signal: AbortSignal | undefined): Promise<boolean>;
    /** Blocking {@link put}. */
    putSync(value: unknown, timeout: number): boolean;
    /** Takes the next message, waiting up to `timeout`; undefined when it timed out. */
    get(timeout: number, signal: AbortSignal | undefined): Promise<{
        v: unknown;
    } | undefined>;
    /** Blocking {@link get}. The result box is reused: read `.v` before the next call. */
    getSync(timeout: number): {
        v: unknown;
    } | undefined;
    /** Marks the ring closed and wakes everyone. */
    close(): void;
    /** Blocker for "a message arrived" with the given attempt. */
    getter<T>(attempt: () => T | undefined): Blocker<T>;
    /** Blocker for "room freed" with the given attempt. */
    putter<T>(attempt: () => T | undefined): Blocker<T>;
    /** Marks one message processed (JoinableQueue). */
    taskDone(): void;
    /** Blocker for "every put item was marked done". */
    joiner(): Blocker<true>;
}
export {};
//# sourceMappingURL=ring.d.ts.map