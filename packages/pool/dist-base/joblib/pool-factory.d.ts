/**
 * The pools `Parallel` runs on when it is not given one: one per (backend, workers), shared by every
 * Parallel of the process and kept between calls, like joblib's reusable loky executor. The Pool unrefs idle
 * workers, so a kept pool never holds the process open; `parallel.close()` shuts its pool down.
 */
import { Pool } from '../pool.js';
/**
 * The shared pool for `backend` with `workers` workers (created on first use).
 *
 * @example
 * ```ts
 * const pool = sharedPool('threads', 2);
 * ```
 */
export declare function sharedPool(backend: 'threads' | 'processes', workers: number): Pool;
/**
 * The shared pool for `backend`/`workers` if one was created, without creating it (backend 'auto' asks
 * whether its workers are already running).
 *
 * @example
 * ```ts
 * const warm = (peekSharedPool('threads', 2)?.stats().workers ?? 0) > 0;
 * ```
 */
export declare function peekSharedPool(backend: 'threads' | 'processes', workers: number): Pool | undefined;
/** Closes and forgets the shared pool for `backend`/`workers` (the next call starts a fresh one). */
export declare function closeSharedPool(backend: 'threads' | 'processes', workers: number): Promise<void>;
//# sourceMappingURL=pool-factory.d.ts.map