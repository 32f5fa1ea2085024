/**
 * The scheduler behind a pool: one FIFO queue, workers started lazily, tasks packed per worker and
 * per event-loop tick into one message, pipelined by measured task time, crash/timeout/abort
 * handling and counters. Backend-agnostic: a {@link Spawner} starts workers.
 * @module
 */
import type { Spawner, SpawnOptions, WorkerHandle } from './backends/types.js';
import { type CodecBackend } from './codec.js';
import type { FnEntry, FnSpec } from './fn-source.js';
import { InFlight } from './inflight.js';
import { type InitData } from './protocol.js';
import { Counters } from './stats.js';
import type { PoolStats } from './types.js';
/** Where a task's outcome goes (a Future, or a map chunk). */
export interface TaskSink {
    /** Final outcome (called once). */
    _settle(ok: boolean, value: unknown, cancelled: boolean): void;
    /** Sent to a worker. */
    _setRunning?(): void;
    /** Items finished so far inside a chunk. */
    onProgress?(n: number): void;
}
/** A task inside the scheduler. */
export declare class Task {
    readonly fn: FnEntry;
    readonly kind: number;
    readonly payload: unknown;
    readonly flags: number;
    readonly transfer: ArrayBuffer[] | undefined;
    readonly timeout: number | undefined;
    readonly retries: number;
    readonly signal: AbortSignal | undefined;
    readonly sink: TaskSink;
    readonly id: number;
    /** 0 queued, 1 in a worker, 2 settled. */
    state: 0 | 1 | 2;
    readonly exclusive: boolean;
    slot: Slot | undefined;
    enqueuedAt: number;
    attempts: number;
    timer: ReturnType<typeof setTimeout> | undefined;
    onAbort: (() => void) | undefined;
    /** Run time reported by the worker (set before the sink settles). */
    runMs: number;
    constructor(fn: FnEntry, kind: number, payload: unknown, flags: number, transfer: ArrayBuffer[] | undefined, timeout: number | undefined, retries: number, signal: AbortSignal | undefined, sink: TaskSink);
}
interface Slot {
    id: number;
    handle: WorkerHandle;
    inflight: InFlight<Task>;
    known: Set<number>;
    codecVersion: number;
    outbox: unknown[];
    defs: [number, FnSpec][];
    transfer: ArrayBuffer[];
    dispatched: number;
    alive: boolean;
    retiring: boolean;
    exclusive: boolean;
    expected: boolean;
}
/** Scheduler settings (resolved pool options). */
export interface SchedulerOptions {
    spawner: Spawner;
    backend: CodecBackend;
    workers: number;
    maxTasksPerChild: number;
    maxQueue: number;
    abortGraceMs: number;
    initializer: InitData['initializer'];
    spawn: Omit<SpawnOptions, 'init'>;
}
/** Queue + workers of one backend. */
export declare class Scheduler {
    readonly opts: SchedulerOptions;
    private queue;
    private head;
    private queued;
    private readonly slots;
    private nextSlotId;
    private avgMs;
    private pumpScheduled;
    private closing;
    private terminated;
    private joinWaiters;
    private roomWaiters;
    readonly counters: Counters;
    constructor(opts: SchedulerOptions);
    /** Workers this scheduler may run. */
    get maxWorkers(): number;
    /** True after close() or terminate(). */
    get closed(): boolean;
    /** Tasks waiting in the queue. */
    get queuedCount(): number;
    /**
     * Starts the first worker now (it boots in the background while the caller checks the task
     * function): called at the start of the first call, so cold start overlaps with that work.
     */
    prestart(): void;
    /** Workers started and alive. */
    get liveWorkers(): number;
    /** Ms per task measured recently (moving average). */
    get averageTaskMs(): number;
    /** Queues a task; throws PoolClosedError / QueueFullError (unless `force`, used by map's own backpressure). */
    submit(t: Task, force?: boolean): Task;
    /** Resolves once the queue holds fewer than `maxQueue` tasks. */
    waitForRoom(): Promise<void>;
    /** Drops a queued task (CancelledError); false once it was sent to a worker. */
    cancel(t: Task): boolean;
    private abort;
    private finish;
    private schedulePump;
    /**
     * Tasks a worker may hold: about TARGET_MS of measured work, and at least 2 while tasks are
     * waiting (the next task is already there when one finishes: no round-trip gap).
     */
    private cap;
    private peek;
    private canTake;
    /** Hands queued tasks to workers (idle ones first, then pipelined), then sends one message per worker. */
    private pump;
    private wakeRoom;
    private assign;
    private flush;
    private spawn;
    private onMessage;
    private retire;
    private kill;
    private onExit;
    private maybeFinishClose;
    private resolveJoin;
    /** Stops accepting tasks; workers exit once the queue drains. */
    close(): void;
    /** Resolves when every worker has exited (after close() or terminate()). */
    join(): Promise<void>;
    /** Kills every worker now; queued and running tasks reject with PoolClosedError. */
    terminate(): void;
    /** Counters and timings. */
    stats(): PoolStats;
}
export {};
//# sourceMappingURL=scheduler.d.ts.map