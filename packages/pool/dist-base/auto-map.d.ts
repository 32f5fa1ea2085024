import { type MapSetup } from './map.js';
import type { ResolvedPoolOptions } from './options.js';
/** What `backend: 'auto'` uses of the pool's options. */
export type AutoPoolOptions = Pick<ResolvedPoolOptions, 'workers' | 'needsIsolation' | 'threadUnsafe' | 'verbose'>;
/**
 * `backend: 'auto'` for map/starmap: runs the first items in this thread (compiled from the checked
 * source, as workers would), times them ({@link Probe}), and lets {@link chooseBackend} decide whether
 * the rest runs here or on the pool's workers (with the model's chunk size). The pool's workers are
 * threads, or processes when `needsIsolation`/`threadUnsafe` is set; with `needsIsolation` nothing
 * runs inline (no probe). A 'processes' choice for long tasks on a threads pool runs on its threads
 * (the model only prefers processes there when they cost about the same).
 *
 * @example
 * ```ts
 * // inside Pool.map when backend is 'auto':
 * const out = await autoMap(setup, [1, 2, 3][Symbol.iterator](), 3, [1, 2, 3], resolvedOptions, false);
 * ```
 */
export declare function autoMap(setup: MapSetup, it: Iterator<unknown>, total: number | undefined, array: unknown[] | undefined, o: AutoPoolOptions, warm: boolean): Promise<unknown[]>;
//# sourceMappingURL=auto-map.d.ts.map