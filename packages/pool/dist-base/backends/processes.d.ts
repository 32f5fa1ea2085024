import type { Spawner } from './types.js';
/** Starts a process worker. */
export declare const spawnProcess: Spawner;
//# sourceMappingURL=processes.d.ts.map