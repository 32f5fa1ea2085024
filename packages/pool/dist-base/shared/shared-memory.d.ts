/** Options of {@link SharedMemory}. */
export interface SharedMemoryOptions {
    /** Name to create (`[A-Za-z0-9._-]`, 1..250 chars); a unique one is generated when omitted. */
    name?: string;
    /** Size in bytes (a positive integer). */
    size: number;
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
export declare class SharedMemory {
    #private;
    /** The segment's name (without a leading '/'). */
    readonly name: string;
    /** Size in bytes. */
    readonly size: number;
    /** Whether this object created the segment. */
    readonly created: boolean;
    constructor(options: SharedMemoryOptions);
    /** @internal attach form */
    constructor(options: SharedMemoryOptions, attachBuffer: ArrayBuffer);
    /**
     * Maps an existing segment by name (from any process).
     *
     * @example
     * ```ts
     * const shm = SharedMemory.attach('my-block');
     * console.log(shm.size);
     * ```
     */
    static attach(name: string): SharedMemory;
    /** The mapped memory; view it with TypedArrays. Throws after {@link close}. */
    get buffer(): ArrayBuffer;
    /** Whether {@link close} was called. */
    get closed(): boolean;
    /**
     * Drops this object's reference to the mapping; the pages are unmapped once no view of
     * `.buffer` is reachable (the garbage collector decides, so views stay valid meanwhile).
     *
     * @example
     * ```ts
     * SharedMemory.attach(name).close();
     * ```
     */
    close(): void;
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
    unlink(): boolean;
    /**
     * Removes a segment by name; false when there was none.
     *
     * @example
     * ```ts
     * SharedMemory.unlink('my-block');
     * ```
     */
    static unlink(name: string): boolean;
    /** The SharedMemory whose `.buffer` is `buffer`, if any (to recognise shared views). @internal */
    static of(buffer: ArrayBufferLike): SharedMemory | undefined;
    /**
     * @internal A segment this process does not unlink at exit (its receiver does): spilled messages.
     */
    static createHandedOff(size: number): SharedMemory;
    /** `Symbol.dispose`: {@link close}. */
    [Symbol.dispose](): void;
}
//# sourceMappingURL=shared-memory.d.ts.map