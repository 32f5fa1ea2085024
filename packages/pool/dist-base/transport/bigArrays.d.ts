/**
 * Large typed arrays for process workers. Above `maxNbytes` (joblib's `max_nbytes`, default 1 MiB)
 * an array can travel through named shared memory instead of being copied through the IPC pipe.
 * A provider (the native `SharedMemory` of `src/shared/`) plugs in with {@link setBigArrayProvider};
 * without one, arrays are copied by the IPC's structured clone (the fallback), which is always correct.
 * Thread workers never need this: SharedArrayBuffer-backed arrays are shared, others may be transferred.
 * @module
 */
import type { CodecBackend, EncodeContext } from '../codec.js';
/** Moves one typed array into shared memory and returns a codec marker the worker can decode. */
export interface BigArrayProvider {
    /** Returns a marker (`{ __polycore$codec: tag, d }`) for `view`, or undefined to copy it instead. */
    encode(view: ArrayBufferView): unknown;
    /** Whether the provider can work here (asked lazily, on the first big array; default true). */
    available?(): boolean;
}
/**
 * Installs (or, with undefined, removes) the shared-memory provider for large arrays.
 *
 * @example
 * ```ts
 * setBigArrayProvider({ encode: (view) => undefined }); // always copy
 * ```
 */
export declare function setBigArrayProvider(p: BigArrayProvider | undefined): void;
/**
 * Whether large arrays go through shared memory (a provider is installed).
 *
 * @example
 * ```ts
 * bigArraysShared(); // true when the native core (POSIX shm) is present
 * ```
 */
export declare function bigArraysShared(): boolean;
/** The codec hook for one call, or undefined (copy path / not a process backend). */
export declare function bigArrayHook(backend: CodecBackend, maxNbytes: number): EncodeContext['big'];
//# sourceMappingURL=bigArrays.d.ts.map