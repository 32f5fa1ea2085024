export { getSerializer, registerSerializer, unregisterSerializer, } from './codec.js';
export { physicalCores } from './cores.js';
export { CancelledError, dataToError, errorToData, PoolClosedError, QueueFullError, RemoteError, TaskTimeoutError, WorkerCrashedError, } from './errors.js';
export { isTaskRef, resolveFn, task } from './fn-source.js';
export { asCompleted, Future } from './future.js';
export * from './joblib/index.js';
export { Pool } from './pool.js';
export * from './shared/index.js';
export { bigArraysShared, setBigArrayProvider } from './transport/bigArrays.js';
//# sourceMappingURL=index.js.map