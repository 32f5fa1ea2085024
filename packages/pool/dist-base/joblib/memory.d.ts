import type { AnyFn } from '../types.js';
import { type CachedFunction } from './cached.js';
import { type Duration } from './options.js';
import { type ValidateCallback } from './validate.js';
/** Options of `new Memory(location, options)`. */
export interface MemoryOptions {
    /** 0 silent (default); 1 logs each computation; 2 also logs hits. Lines go to stderr. */
    verbose?: number | boolean;
    /** Typed arrays of at least this many bytes are stored as raw aligned blocks (default 1 MiB). */
    rawThreshold?: number;
    /**
     * How raw blocks load. Only 'copy' exists today: the entry file is read once and large typed arrays are
     * views of that buffer. Memory-mapped loading ('r') needs the native core and is not available yet.
     */
    mmapMode?: 'copy';
    /**
     * What a load checks. 'checksum' (default): the header, the file length and a CRC-32 of every byte, so a
     * damaged entry is never served (computed by the native core when it loads, ~0.02 ms per MB; else by
     * node:zlib, ~0.2 ms per MB). 'length': large typed arrays (raw blocks) are only length-checked;
     * everything else is still checksummed.
     */
    verify?: 'checksum' | 'length';
}
/** Options of `memory.cache(fn, options)`. */
export interface CacheOptions {
    /**
     * Arguments left out of the key: parameter names ('verbose'), 'options.key' for one key of an options
     * object argument, or positional indices.
     */
    ignore?: (string | number)[];
    /** Decides whether a stored entry may be served, e.g. `expiresAfter({ hours: 1 })`. */
    validate?: ValidateCallback;
    /**
     * What else the result depends on: helper functions (their source is hashed), `URL`s of files or modules
     * (their content is hashed, so editing a helper module invalidates), or any hashable value (a version, a
     * closure's captured constants). A change to any of them invalidates the function's entries.
     */
    dependsOn?: unknown[];
    /** The directory name of this function's entries (default: `fn.name`); use it to tell same-named functions apart. */
    name?: string;
}
/** Limits for {@link Memory.reduceSize}; entries are dropped least recently used first. */
export interface ReduceSizeOptions {
    /** Keep at most this many bytes (a number, or '500M', '2G'). */
    bytesLimit?: number | string;
    /** Keep at most this many entries. */
    itemsLimit?: number;
    /** Drop entries not used for this long (ms, or `{ days, hours, ... }`). */
    ageLimit?: Duration;
}
/** What {@link Memory.reduceSize} did. */
export interface ReduceSizeResult {
    removedItems: number;
    removedBytes: number;
    keptItems: number;
    keptBytes: number;
}
/**
 * A disk cache of function results, like joblib.Memory. Keys are the function's name, its normalized source
 * (plus `dependsOn`) and a stable hash of the arguments; values are stored with node:v8 structured
 * serialization (loading never runs code) and large typed arrays as raw blocks. Safe with several processes
 * writing at once: entries are written atomically and checksummed, and a damaged entry is recomputed.
 *
 * @example
 * ```ts
 * import { Memory } from '@polycore/pool';
 * const memory = new Memory('./cache');
 * const cube = memory.cache((x: number) => x ** 3);
 * await cube(3); // computed
 * await cube(3); // read from ./cache
 * ```
 */
export declare class Memory {
    #private;
    /** Absolute cache directory, or null when caching is off. */
    readonly location: string | null;
    /**
     * @param location - directory of the cache (created with mode 0o700 on first write); `null` turns caching off
     *   (cached functions just call through), as `Memory(None)` does in joblib.
     */
    constructor(location: string | URL | null, options?: MemoryOptions);
    /**
     * Wraps `fn` so its results are cached: returns an async function taking the same arguments.
     *
     * @throws TypeError when `fn` is not a function, for unknown options, unknown `ignore` names or unhashable
     *   `dependsOn` items.
     * @example
     * ```ts
     * const load = memory.cache(function load(path: string, verbose = false) { ... }, { ignore: ['verbose'] });
     * ```
     */
    cache<F extends AnyFn>(fn: F, options?: CacheOptions): CachedFunction<F>;
    /**
     * Removes every cached result under this location.
     *
     * @example
     * ```ts
     * await memory.clear();
     * ```
     */
    clear(): Promise<void>;
    /**
     * Shrinks the cache to the given limits, dropping least recently used entries first (and entries unused
     * for longer than `ageLimit`). Also removes temporary files left by killed writers.
     *
     * @example
     * ```ts
     * await memory.reduceSize({ bytesLimit: '1G', itemsLimit: 10_000, ageLimit: { days: 30 } });
     * ```
     */
    reduceSize(limits?: ReduceSizeOptions): Promise<ReduceSizeResult>;
}
//# sourceMappingURL=memory.d.ts.map