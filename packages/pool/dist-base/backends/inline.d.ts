import type { Spawner } from './types.js';
/** Starts an inline "worker". */
export declare const spawnInline: Spawner;
//# sourceMappingURL=inline.d.ts.map