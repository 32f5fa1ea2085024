/**
 * Shared primitives (issue 6): Queue, Pipe, Value/RawArray, locks and friends, SharedMemory,
 * Manager and Process, working the same on the main thread and in workers of both backends.
 * @module
 */
import './serializer.js';

export { Barrier } from './barrier.js';
export { Condition } from './condition.js';
export type { ElementType, SharedTypedArray, TypedArrayCtor } from './ctypes.js';
export { BrokenBarrierError, ClosedError, Empty, Full, TimeoutError } from './errors.js';
export { Event } from './event.js';
export { DictProxy, ListProxy, Manager } from './manager.js';
export { Lock, type LockOptions, RLock } from './mutex.js';
export { Connection, Pipe } from './pipe.js';
export { Process, type ProcessOptions } from './process.js';
export { flushPuts } from './put-batcher.js';
export { JoinableQueue, Queue, type QueueOptions } from './queue.js';
export type { MemoryKind } from './region.js';
export { BoundedSemaphore, Semaphore } from './semaphore.js';
export { toShared } from './serializer.js';
export { SharedMemory, type SharedMemoryOptions } from './shared-memory.js';
export { RawArray, Value } from './value.js';
export type { WaitOptions } from './wait.js';
