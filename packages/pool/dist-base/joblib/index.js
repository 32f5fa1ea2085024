/** joblib for TypeScript: Parallel/delayed on the Pool, and Memory (disk caching of function results). */
import './cached-codec.js';
export { CACHED_SPEC } from './cached.js';
export { delayed, isDelayed } from './delayed.js';
export { stableHash } from './hash.js';
export { Memory, } from './memory.js';
export { Parallel, } from './parallel.js';
export { ParallelError } from './parallel-error.js';
export { expiresAfter } from './validate.js';
//# sourceMappingURL=index.js.map