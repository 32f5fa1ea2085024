/**
 * The pools `Parallel` runs on when it is not given one: one per (backend, workers), shared by every
 * Parallel of the process and kept between calls, like joblib's reusable loky executor. The Pool unrefs idle
 * workers, so a kept pool never holds the process open; `parallel.close()` shuts its pool down.
 */
import { Pool } from '../pool.js';
const shared = new Map();
/**
 * The shared pool for `backend` with `workers` workers (created on first use).
 *
 * @example
 * ```ts
 * const pool = sharedPool('threads', 2);
 * ```
 */
export function sharedPool(backend, workers) {
    const key = `${backend}:${workers}`;
    let pool = shared.get(key);
    if (!pool) {
        pool = new Pool({ backend, workers });
        shared.set(key, pool);
    }
    return pool;
}
/**
 * The shared pool for `backend`/`workers` if one was created, without creating it (backend 'auto' asks
 * whether its workers are already running).
 *
 * @example
 * ```ts
 * const warm = (peekSharedPool('threads', 2)?.stats().workers ?? 0) > 0;
 * ```
 */
export function peekSharedPool(backend, workers) {
    return shared.get(`${backend}:${workers}`);
}
/** Closes and forgets the shared pool for `backend`/`workers` (the next call starts a fresh one). */
export async function closeSharedPool(backend, workers) {
    const key = `${backend}:${workers}`;
    const pool = shared.get(key);
    shared.delete(key);
    if (pool)
        await pool.close();
}
//# sourceMappingURL=pool-factory.js.map