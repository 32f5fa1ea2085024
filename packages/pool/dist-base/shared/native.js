/**
 * The native shared-memory surface of `@polycore/native` (named segments, futex), loaded lazily:
 * importing `@polycore/pool` does not load the addon; the first primitive that needs shared memory
 * (or a lock's liveness check) does, synchronously, through `require()` of the ES module (Node ≥
 * 20.19) or, on older Node, of the package's `binding.cjs` directly (the same file, so the same
 * loaded addon either way).
 * @module
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
const require = createRequire(import.meta.url);
let cached;
let why = '';
/** Loads the addon: `{ binding }`, or `{ error }` saying why there is none. */
function loadNative() {
    if (process.features.require_module) {
        const m = require('@polycore/native');
        return m.isNativeAvailable() ? { binding: m.native() } : { error: m.nativeStatus().error ?? '' };
    }
    if (process.env.POLYCORE_NATIVE === '0')
        return { error: 'disabled by POLYCORE_NATIVE=0' };
    try {
        return {
            binding: require(join(dirname(require.resolve('@polycore/native/package.json')), 'binding.cjs')),
        };
    }
    catch (e) {
        return { error: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) };
    }
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
export function shmBinding() {
    if (cached !== undefined)
        return cached;
    cached = null;
    const { binding, error } = loadNative();
    const b = binding;
    if (b && typeof b.shmCreate === 'function' && typeof b.futexWait === 'function') {
        cached = b;
        cached.registerThread(threadId);
    }
    else {
        why = error || 'the loaded native core has no shared-memory support';
    }
    return cached;
}
/** The binding, or an Error saying why shared memory between processes is unavailable. */
export function requireShm(what) {
    const b = shmBinding();
    if (!b)
        throw new Error(`${what} needs polycore's native core for shared memory between processes (${why})`);
    return b;
}
//# sourceMappingURL=native.js.map