import { SharedMemory } from './shared-memory.js';
/** How a region travels to a worker: a segment name, or the SharedArrayBuffer itself. */
export type RegionHandle = {
    t: 'shm';
    name: string;
} | {
    t: 'sab';
    sab: SharedArrayBuffer;
};
/** Which memory a primitive is created in: 'auto' = native shared memory when available, else SAB. */
export type MemoryKind = 'auto' | 'shm' | 'sab';
/** Result of a wait, as `Atomics.wait` reports it. */
export type WaitResult = 'ok' | 'not-equal' | 'timed-out';
/** Longest single native wait; longer waits loop, so aborts, liveness checks and queued waits get a turn. */
export declare const SLICE_MS = 50;
/**
 * Shared memory plus wait/notify on its Int32 words.
 *
 * @example
 * ```ts
 * const r = Region.create(64);
 * Atomics.store(r.i32, 0, 1);
 * r.notify(0, 1);
 * ```
 */
export declare class Region {
    #private;
    readonly i32: Int32Array;
    readonly u8: Uint8Array;
    readonly view: DataView;
    readonly handle: RegionHandle;
    /** The SharedMemory behind a 'shm' region (kept reachable while the region is). */
    readonly shm: SharedMemory | undefined;
    private constructor();
    /** The underlying buffer. */
    get buffer(): ArrayBuffer | SharedArrayBuffer;
    /** True when processes can share it (native shared memory). */
    get crossProcess(): boolean;
    /**
     * New zero-filled region of at least `bytes` bytes (rounded up to 8).
     *
     * @example
     * ```ts
     * const r = Region.create(128, 'sab'); // threads only
     * ```
     */
    static create(bytes: number, kind?: MemoryKind): Region;
    /**
     * The region a handle names (cached per thread: attaching twice maps once).
     *
     * @example
     * ```ts
     * const same = Region.from(region.handle);
     * ```
     */
    static from(handle: RegionHandle): Region;
    /** Handle for `backend`; throws a TypeError when a SAB region would go to a process. */
    handleFor(backend: string, what: string): RegionHandle;
    /** Blocks while `i32[index] === expected`, up to `ms` (Infinity: forever). */
    waitSync(index: number, expected: number, ms: number): WaitResult;
    /** Resolves once `i32[index] !== expected` may hold, or after `ms`. */
    waitAsync(index: number, expected: number, ms: number): Promise<WaitResult> | WaitResult;
    /** Wakes up to `count` waiters on `i32[index]`. */
    notify(index: number, count?: number): void;
}
//# sourceMappingURL=region.d.ts.map