/**
 * `SharedMemory`: a named block of memory every process and thread can map (Python's
 * `multiprocessing.shared_memory.SharedMemory`), backed by the native core (POSIX `shm_open` +
 * `mmap`). `.buffer` is an `ArrayBuffer` over the mapped pages (no copy).
 * @module
 */
import { readdirSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { requireShm } from './native.js';
const NAME_RE = /^[A-Za-z0-9._-]{1,250}$/;
/** Prefix of generated names: `pc.<pid>.` so a later process can sweep segments of crashed creators. */
const AUTO_PREFIX = 'pc.';
/** Prefix of spill segments (handed from a producer to a consumer, who unlinks them). */
const SPILL_PREFIX = 'pq.';
let counter = 0;
let swept = false;
let untracked = false;
/** Buffers made by this module, to recognise views over shared memory (for the argument codec). */
const owners = new WeakMap();
function checkName(name, arg) {
    if (typeof name !== 'string')
        throw new TypeError(`${arg} must be a string, got ${name === null ? 'null' : typeof name}`);
    const n = name.startsWith('/') ? name.slice(1) : name;
    if (!NAME_RE.test(n))
        throw new RangeError(`${arg} must be 1..250 characters of [A-Za-z0-9._-], got ${JSON.stringify(name)}`);
    return n;
}
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
/** Linux: unlinks generated segments whose creator process no longer exists (it crashed). */
function sweepStale(unlink) {
    swept = true;
    if (process.platform !== 'linux')
        return;
    let names;
    try {
        names = readdirSync('/dev/shm');
    }
    catch {
        return;
    }
    for (const n of names) {
        if (!n.startsWith(AUTO_PREFIX))
            continue;
        const pid = Number(n.split('.')[1]);
        if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) {
            try {
                unlink(`/${n}`);
            }
            catch {
                // another process swept it first
            }
        }
    }
}
function mapErr(e, name) {
    const msg = e instanceof Error ? e.message : String(e);
    if (msg.startsWith('ENOENT'))
        return Object.assign(new Error(`no shared memory named '${name}'`), { code: 'ENOENT' });
    if (msg.startsWith('EEXIST'))
        return Object.assign(new Error(`shared memory '${name}' already exists`), { code: 'EEXIST' });
    if (msg.startsWith('RangeError'))
        return new RangeError(msg.replace(/^RangeError: /, ''));
    return e instanceof Error ? e : new Error(msg);
}
/**
 * A named shared memory block. Create one with `new SharedMemory({ size })`, attach from any process
 * or thread with `SharedMemory.attach(name)` (or pass it to a pool worker as a task argument), and
 * view `.buffer` through TypedArrays. The creator unlinks the name at normal exit; after a crash
 * (Linux) the next polycore process that creates shared memory sweeps generated names of dead creators.
 *
 * @example
 * ```ts
 * import { SharedMemory } from '@polycore/pool';
 * const shm = new SharedMemory({ size: 8 * 1024 });
 * const a = new Float64Array(shm.buffer);
 * a[0] = 42;
 * const other = SharedMemory.attach(shm.name); // e.g. in another process
 * console.log(new Float64Array(other.buffer)[0]); // 42
 * other.close();
 * shm.unlink();
 * ```
 */
export class SharedMemory {
    /** The segment's name (without a leading '/'). */
    name;
    /** Size in bytes. */
    size;
    /** Whether this object created the segment. */
    created;
    #buffer;
    constructor(options, attachBuffer) {
        if (options === null || typeof options !== 'object')
            throw new TypeError('options must be an object: { name?, size }');
        if (attachBuffer) {
            this.name = options.name;
            this.size = attachBuffer.byteLength;
            this.created = false;
            this.#buffer = attachBuffer;
        }
        else {
            const { size } = options;
            if (typeof size !== 'number')
                throw new TypeError(`options.size must be a number of bytes, got ${typeof size}`);
            if (!Number.isInteger(size) || size < 1)
                throw new RangeError(`options.size must be a positive integer, got ${size}`);
            const b = requireShm('SharedMemory');
            if (!swept)
                sweepStale((n) => b.shmUnlink(n));
            const name = options.name === undefined
                ? `${untracked ? SPILL_PREFIX : AUTO_PREFIX}${process.pid}.${threadId}.${++counter}.${Math.random().toString(36).slice(2, 8)}`
                : checkName(options.name, 'options.name');
            try {
                this.#buffer = b.shmCreate(`/${name}`, size, !untracked);
            }
            catch (e) {
                throw mapErr(e, name);
            }
            this.name = name;
            this.size = size;
            this.created = true;
        }
        owners.set(this.#buffer, this);
    }
    /**
     * Maps an existing segment by name (from any process).
     *
     * @example
     * ```ts
     * const shm = SharedMemory.attach('my-block');
     * console.log(shm.size);
     * ```
     */
    static attach(name) {
        const n = checkName(name, 'name');
        const b = requireShm('SharedMemory.attach');
        let buf;
        try {
            buf = b.shmOpen(`/${n}`);
        }
        catch (e) {
            throw mapErr(e, n);
        }
        return new SharedMemory({ name: n, size: buf.byteLength }, buf);
    }
    /** The mapped memory; view it with TypedArrays. Throws after {@link close}. */
    get buffer() {
        if (this.#buffer === null)
            throw new Error(`SharedMemory '${this.name}' is closed`);
        return this.#buffer;
    }
    /** Whether {@link close} was called. */
    get closed() {
        return this.#buffer === null;
    }
    /**
     * Drops this object's reference to the mapping; the pages are unmapped once no view of
     * `.buffer` is reachable (the garbage collector decides, so views stay valid meanwhile).
     *
     * @example
     * ```ts
     * SharedMemory.attach(name).close();
     * ```
     */
    close() {
        this.#buffer = null;
    }
    /**
     * Removes the name so nobody can attach any more; existing mappings stay valid. Returns false
     * when it was already gone.
     *
     * @example
     * ```ts
     * const shm = new SharedMemory({ size: 64 });
     * shm.unlink();
     * ```
     */
    unlink() {
        return SharedMemory.unlink(this.name);
    }
    /**
     * Removes a segment by name; false when there was none.
     *
     * @example
     * ```ts
     * SharedMemory.unlink('my-block');
     * ```
     */
    static unlink(name) {
        const n = checkName(name, 'name');
        return requireShm('SharedMemory.unlink').shmUnlink(`/${n}`);
    }
    /** The SharedMemory whose `.buffer` is `buffer`, if any (to recognise shared views). @internal */
    static of(buffer) {
        return owners.get(buffer);
    }
    /**
     * @internal A segment this process does not unlink at exit (its receiver does): spilled messages.
     */
    static createHandedOff(size) {
        untracked = true;
        try {
            return new SharedMemory({ size });
        }
        finally {
            untracked = false;
        }
    }
    /** `Symbol.dispose`: {@link close}. */
    [Symbol.dispose]() {
        this.close();
    }
}
//# sourceMappingURL=shared-memory.js.map