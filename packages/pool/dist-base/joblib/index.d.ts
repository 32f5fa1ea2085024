/** joblib for TypeScript: Parallel/delayed on the Pool, and Memory (disk caching of function results). */
import './cached-codec.js';
export { CACHED_SPEC, type CachedFunction, type CacheSpec, type MissExplanation } from './cached.js';
export { type Delayed, delayed, isDelayed } from './delayed.js';
export type { EntryMeta } from './entry.js';
export { stableHash } from './hash.js';
export { type CacheOptions, Memory, type MemoryOptions, type ReduceSizeOptions, type ReduceSizeResult, } from './memory.js';
export type { Duration } from './options.js';
export { type OnError, Parallel, type ParallelConstructor, type ParallelResult, type ReturnAs, type Settled, type TaskSource, } from './parallel.js';
export { ParallelError, type TaskFailure } from './parallel-error.js';
export type { ParallelBackend, ParallelOptions, PoolLike } from './parallel-options.js';
export { expiresAfter, type ValidateCallback } from './validate.js';
//# sourceMappingURL=index.d.ts.map