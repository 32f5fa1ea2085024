/**
 * A region: the memory a shared primitive lives in, plus wait/notify on its Int32 words. Backed
 * by native shared memory (works across threads and processes) or, without the native core, by a
 * SharedArrayBuffer (threads only). Waits: `Atomics.wait`/`waitAsync` on a SharedArrayBuffer, the
 * native futex on shared memory.
 * @module
 */
import { shmBinding } from './native.js';
import { SharedMemory } from './shared-memory.js';
/** Longest single native wait; longer waits loop, so aborts, liveness checks and queued waits get a turn. */
export const SLICE_MS = 50;
const attached = new Map();
const cleanup = new FinalizationRegistry((name) => {
    const r = attached.get(name);
    if (r && r.deref() === undefined)
        attached.delete(name);
});
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
export class Region {
    i32;
    u8;
    view;
    handle;
    /** The SharedMemory behind a 'shm' region (kept reachable while the region is). */
    shm;
    #native;
    constructor(buffer, handle, shm) {
        this.i32 = new Int32Array(buffer);
        this.u8 = new Uint8Array(buffer);
        this.view = new DataView(buffer);
        this.handle = handle;
        this.shm = shm;
        this.#native = handle.t === 'shm' ? shmBinding() : null;
    }
    /** The underlying buffer. */
    get buffer() {
        return this.u8.buffer;
    }
    /** True when processes can share it (native shared memory). */
    get crossProcess() {
        return this.handle.t === 'shm';
    }
    /**
     * New zero-filled region of at least `bytes` bytes (rounded up to 8).
     *
     * @example
     * ```ts
     * const r = Region.create(128, 'sab'); // threads only
     * ```
     */
    static create(bytes, kind = 'auto') {
        const size = Math.max(8, Math.ceil(bytes / 8) * 8);
        const useShm = kind === 'shm' || (kind === 'auto' && shmBinding() !== null);
        if (useShm) {
            const shm = new SharedMemory({ size });
            const r = new Region(shm.buffer, { t: 'shm', name: shm.name }, shm);
            attached.set(shm.name, new WeakRef(r));
            return r;
        }
        const sab = new SharedArrayBuffer(size);
        return new Region(sab, { t: 'sab', sab }, undefined);
    }
    /**
     * The region a handle names (cached per thread: attaching twice maps once).
     *
     * @example
     * ```ts
     * const same = Region.from(region.handle);
     * ```
     */
    static from(handle) {
        if (handle.t === 'sab')
            return new Region(handle.sab, handle, undefined);
        const hit = attached.get(handle.name)?.deref();
        if (hit)
            return hit;
        const shm = SharedMemory.attach(handle.name);
        const r = new Region(shm.buffer, { t: 'shm', name: shm.name }, shm);
        attached.set(shm.name, new WeakRef(r));
        cleanup.register(r, shm.name);
        return r;
    }
    /** Handle for `backend`; throws a TypeError when a SAB region would go to a process. */
    handleFor(backend, what) {
        if (this.handle.t === 'sab' && backend === 'processes') {
            throw new TypeError(`${what} lives in a SharedArrayBuffer (created with memory: 'sab' or without the native core) and cannot be sent to a process worker`);
        }
        return this.handle;
    }
    /** Blocks while `i32[index] === expected`, up to `ms` (Infinity: forever). */
    waitSync(index, expected, ms) {
        if (this.#native)
            return this.#native.futexWait(this.i32, index, expected, ms === Infinity ? -1 : ms);
        return Atomics.wait(this.i32, index, expected, ms);
    }
    /** Resolves once `i32[index] !== expected` may hold, or after `ms`. */
    waitAsync(index, expected, ms) {
        if (this.#native) {
            if (Atomics.load(this.i32, index) !== expected)
                return 'not-equal';
            return this.#native.futexWaitAsync(this.i32, index, expected, ms === Infinity ? -1 : ms);
        }
        const r = Atomics.waitAsync(this.i32, index, expected, ms);
        if (!r.async)
            return r.value;
        // Atomics.waitAsync does not keep the event loop alive; a pending wait should (as the native one does).
        const keep = setTimeout(() => { }, ms === Infinity ? 2 ** 31 - 1 : ms + 1);
        return r.value.finally(() => clearTimeout(keep));
    }
    /** Wakes up to `count` waiters on `i32[index]`. */
    notify(index, count = Infinity) {
        if (this.#native)
            this.#native.futexWake(this.i32, index, count === Infinity ? 0x7fffffff : count);
        else
            Atomics.notify(this.i32, index, count);
    }
}
//# sourceMappingURL=region.js.map