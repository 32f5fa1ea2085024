import type { Spawner } from './types.js';
/** Starts a thread worker. */
export declare const spawnThread: Spawner;
//# sourceMappingURL=threads.d.ts.map