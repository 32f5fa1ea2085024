import { type SharedData } from './shareable.js';
import './kinds.js';
/**
 * The wire form of a shared primitive or a view over shared memory, for `backend`.
 *
 * @example
 * ```ts
 * const data = toShared(queue, 'processes'); // { k: 'Queue', r: { t: 'shm', name: 'pc.…' } }
 * ```
 */
export declare function toShared(v: unknown, backend: string): SharedData;
//# sourceMappingURL=serializer.d.ts.map