/**
 * The native shared-memory surface of `@polycore/native` (named segments, futex), loaded lazily:
 * importing `@polycore/pool` does not load the addon; the first primitive that needs shared memory
 * (or a lock's liveness check) does, synchronously, through `require()` of the ES module (Node ≥
 * 20.19) or, on older Node, of the package's `binding.cjs` directly (the same file, so the same
 * loaded addon either way).
 * @module
 */
/** The functions this module needs from the binding. */
export interface ShmBinding {
    shmCreate(name: string, size: number, track?: boolean): ArrayBuffer;
    shmOpen(name: string): ArrayBuffer;
    shmUnlink(name: string): boolean;
    futexWait(arr: Int32Array, index: number, expected: number, timeoutMs: number): string;
    futexWaitAsync(arr: Int32Array, index: number, expected: number, timeoutMs: number): Promise<unknown>;
    futexWake(arr: Int32Array, index: number, count: number): number;
    threadYield(): void;
    registerThread(threadId: number): void;
    threadAlive(threadId: number): boolean;
}
/**
 * The binding when the native core loads and has shared memory, else null. The first call loads
 * the addon and registers this thread (for lock owner liveness checks).
 *
 * @example
 * ```ts
 * const b = shmBinding();
 * if (b) b.futexWake(i32, 0, 1);
 * ```
 */
export declare function shmBinding(): ShmBinding | null;
/** The binding, or an Error saying why shared memory between processes is unavailable. */
export declare function requireShm(what: string): ShmBinding;
//# sourceMappingURL=native.d.ts.map