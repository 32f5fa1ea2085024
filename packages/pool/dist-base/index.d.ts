export { type CodecBackend, type EncodeContext, getSerializer, registerSerializer, type Serializer, type StructuredCloneable, unregisterSerializer, } from './codec.js';
export { physicalCores } from './cores.js';
export { CancelledError, dataToError, type ErrorData, errorToData, PoolClosedError, QueueFullError, RemoteError, TaskTimeoutError, WorkerCrashedError, } from './errors.js';
export { type FnEntry, type FnSpec, isTaskRef, resolveFn, task } from './fn-source.js';
export { asCompleted, type DoneFuture, Future } from './future.js';
export * from './joblib/index.js';
export { Pool } from './pool.js';
export * from './shared/index.js';
export { type BigArrayProvider, bigArraysShared, setBigArrayProvider } from './transport/bigArrays.js';
export type * from './types.js';
export type { TaskContext } from './worker/runtime.js';
//# sourceMappingURL=index.d.ts.map