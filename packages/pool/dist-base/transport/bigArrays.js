let provider;
/**
 * Installs (or, with undefined, removes) the shared-memory provider for large arrays.
 *
 * @example
 * ```ts
 * setBigArrayProvider({ encode: (view) => undefined }); // always copy
 * ```
 */
export function setBigArrayProvider(p) {
    provider = p;
}
/**
 * Whether large arrays go through shared memory (a provider is installed).
 *
 * @example
 * ```ts
 * bigArraysShared(); // true when the native core (POSIX shm) is present
 * ```
 */
export function bigArraysShared() {
    return provider !== undefined && (provider.available?.() ?? true);
}
/** The codec hook for one call, or undefined (copy path / not a process backend). */
export function bigArrayHook(backend, maxNbytes) {
    const p = provider;
    if (backend !== 'processes' || p === undefined)
        return undefined;
    return {
        test: (v) => v.byteLength >= maxNbytes && (p.available?.() ?? true),
        encode: (v) => p.encode(v) ?? v,
    };
}
//# sourceMappingURL=bigArrays.js.map