import type { AnyFn } from '../types.js';
import type { IgnoreRule } from './args-key.js';
import { EXPIRES_MS, type ValidateCallback } from './validate.js';
/** Everything needed to rebuild a cached function anywhere: plain, JSON-safe data. */
export interface CacheSpec {
    /** Absolute cache directory, or null when caching is off. */
    location: string | null;
    verbose: number;
    rawThreshold: number;
    /** 'checksum': verify every byte on load; 'length': raw blocks are only length-checked. */
    verify: 'checksum' | 'length';
    /** The function's display name and its directory name. */
    name: string;
    dirName: string;
    /** The function's source as written, and the hash of its normalized form. */
    source: string;
    sourceHash: string;
    /** Hashes of `dependsOn` items, labelled for `explainMiss`. */
    deps: {
        label: string;
        hash: string;
    }[];
    /** Hash of the normalized source and the dependencies: names the version directory. */
    codeHash: string;
    ignore: IgnoreRule[];
    /** An `expiresAfter` age, or a custom callback's source. */
    validate?: {
        expiresMs: number;
    } | {
        source: string;
    };
}
/** Why a call is, or is not, served from the cache. */
export interface MissExplanation {
    cached: boolean;
    reason: 'cached' | 'new-arguments' | 'source-changed' | 'dependency-changed' | 'expired' | 'corrupt' | 'disabled';
    /** One human-readable sentence. */
    message: string;
}
/** The async function `memory.cache(fn)` returns: same arguments, result awaited, plus cache helpers. */
export type CachedFunction<F extends AnyFn> = ((...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>) & {
    /** The original function. */
    readonly func: F;
    /** True when this call would be served from the cache (present, intact and valid). */
    checkCallInCache(...args: Parameters<F>): Promise<boolean>;
    /** Says why this call is or is not cached: new arguments, changed source or dependency, expired, corrupt. */
    explainMiss(...args: Parameters<F>): Promise<MissExplanation>;
    /** Computes the call even if it is cached, and stores the new result (joblib's `func.call`). */
    recompute(...args: Parameters<F>): Promise<Awaited<ReturnType<F>>>;
    /** Removes every stored result of this function (all versions). */
    clear(): Promise<void>;
};
/**
 * Property holding a cached function's {@link CacheSpec}; pools use it to rebuild the function in a worker.
 *
 * @example
 * ```ts
 * const spec = cube[CACHED_SPEC]; // { location, name, source, codeHash, ... }
 * ```
 */
export declare const CACHED_SPEC: unique symbol;
/**
 * Builds the cached function for `spec`; `fn` is the original (or, in a worker, rebuilt from `spec.source`).
 *
 * @example
 * ```ts
 * const cube = createCached(spec, (x: number) => x ** 3);
 * ```
 */
export declare function createCached<F extends AnyFn>(spec: CacheSpec, fn: F, validate?: ValidateCallback): CachedFunction<F>;
/**
 * The cached function described by `spec`, rebuilt from its source once per process (how workers get
 * cached functions, both as task functions and as arguments).
 *
 * @example
 * ```ts
 * const again = cachedFromSpec(cube[CACHED_SPEC]);
 * ```
 */
export declare function cachedFromSpec(spec: CacheSpec): CachedFunction<(...args: unknown[]) => unknown>;
/**
 * Calls the cached function described by `spec`: what a cached function's own source runs inside a worker.
 *
 * @example
 * ```ts
 * await callCached(cube[CACHED_SPEC], [3]);
 * ```
 */
export declare function callCached(spec: CacheSpec, args: unknown[]): Promise<unknown>;
/** Re-exported for the validate marker check in memory.ts. */
export { EXPIRES_MS };
//# sourceMappingURL=cached.d.ts.map