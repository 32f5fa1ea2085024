/**
 * The scheduler behind a pool: one FIFO queue, workers started lazily, tasks packed per worker and
 * per event-loop tick into one message, pipelined by measured task time, crash/timeout/abort
 * handling and counters. Backend-agnostic: a {@link Spawner} starts workers.
 * @module
 */
import { codecVersion, decode, serializerModules } from './codec.js';
import { CancelledError, dataToError, PoolClosedError, QueueFullError, TaskTimeoutError, WorkerCrashedError, } from './errors.js';
import { InFlight } from './inflight.js';
import { RESULT_FIELDS, S_DROPPED, S_ERROR, S_OK_ENCODED, } from './protocol.js';
import { Counters } from './stats.js';
/** Pipelining targets: keep about this many ms of work queued in each worker. */
const TARGET_MS = 4;
const MAX_PIPELINE = 4096;
const EXIT_GRACE_MS = 5000;
let nextTaskId = 1;
/** A task inside the scheduler. */
export class Task {
    fn;
    kind;
    payload;
    flags;
    transfer;
    timeout;
    retries;
    signal;
    sink;
    id = nextTaskId++;
    /** 0 queued, 1 in a worker, 2 settled. */
    state = 0;
    exclusive;
    slot = undefined;
    enqueuedAt = 0;
    attempts = 0;
    timer = undefined;
    onAbort = undefined;
    /** Run time reported by the worker (set before the sink settles). */
    runMs = 0;
    constructor(fn, kind, payload, flags, transfer, timeout, retries, signal, sink) {
        this.fn = fn;
        this.kind = kind;
        this.payload = payload;
        this.flags = flags;
        this.transfer = transfer;
        this.timeout = timeout;
        this.retries = retries;
        this.signal = signal;
        this.sink = sink;
        this.exclusive = timeout !== undefined || signal !== undefined;
    }
}
/** Queue + workers of one backend. */
export class Scheduler {
    opts;
    queue = [];
    head = 0;
    queued = 0;
    slots = [];
    nextSlotId = 1;
    avgMs = 1;
    pumpScheduled = false;
    closing = false;
    terminated = false;
    joinWaiters = [];
    roomWaiters = [];
    counters = new Counters();
    constructor(opts) {
        this.opts = opts;
    }
    /** Workers this scheduler may run. */
    get maxWorkers() {
        return this.opts.workers;
    }
    /** True after close() or terminate(). */
    get closed() {
        return this.closing;
    }
    /** Tasks waiting in the queue. */
    get queuedCount() {
        return this.queued;
    }
    /**
     * Starts the first worker now (it boots in the background while the caller checks the task
     * function): called at the start of the first call, so cold start overlaps with that work.
     */
    prestart() {
        if (this.slots.length > 0 || this.closing || this.opts.workers < 1)
            return;
        try {
            this.spawn();
        }
        catch {
            // reported when a task needs the worker (pump)
        }
    }
    /** Workers started and alive. */
    get liveWorkers() {
        return this.slots.length;
    }
    /** Ms per task measured recently (moving average). */
    get averageTaskMs() {
        return this.avgMs;
    }
    /** Queues a task; throws PoolClosedError / QueueFullError (unless `force`, used by map's own backpressure). */
    submit(t, force = false) {
        // `force`: a chunk of a map that started before close() (it still runs to the end).
        if (this.closing && (!force || this.terminated))
            throw new PoolClosedError(this.terminated ? 'the pool was terminated' : undefined);
        if (!force && this.queued >= this.opts.maxQueue)
            throw new QueueFullError(this.opts.maxQueue);
        t.enqueuedAt = performance.now();
        this.counters.firstTaskAt ??= t.enqueuedAt;
        const signal = t.signal;
        if (signal) {
            if (signal.aborted) {
                t.state = 2;
                this.counters.failed++;
                t.sink._settle(false, signal.reason, false);
                return t;
            }
            t.onAbort = () => this.abort(t, signal.reason);
            signal.addEventListener('abort', t.onAbort, { once: true });
        }
        this.queue.push(t);
        this.queued++;
        this.schedulePump();
        return t;
    }
    /** Resolves once the queue holds fewer than `maxQueue` tasks. */
    waitForRoom() {
        if (this.queued < this.opts.maxQueue || this.closing)
            return Promise.resolve();
        return new Promise((r) => this.roomWaiters.push(r));
    }
    /** Drops a queued task (CancelledError); false once it was sent to a worker. */
    cancel(t) {
        if (t.state !== 0)
            return false;
        this.queued--;
        this.finish(t, false, new CancelledError(), true);
        this.wakeRoom();
        return true;
    }
    abort(t, reason) {
        if (t.state === 2)
            return;
        if (t.state === 0) {
            this.queued--;
            this.finish(t, false, reason);
            this.wakeRoom();
            return;
        }
        const s = t.slot;
        this.finish(t, false, reason);
        s.handle.send({ t: 'abort', ids: [t.id] });
        const timer = setTimeout(() => {
            if (s.alive && s.inflight.has(t.id))
                this.kill(s);
        }, this.opts.abortGraceMs);
        timer.unref();
    }
    finish(t, ok, value, cancelled = false) {
        if (t.state === 2)
            return;
        t.state = 2;
        if (t.timer)
            clearTimeout(t.timer);
        if (t.onAbort)
            t.signal.removeEventListener('abort', t.onAbort);
        if (ok)
            this.counters.completed++;
        else
            this.counters.failed++;
        t.sink._settle(ok, value, cancelled);
    }
    schedulePump() {
        if (this.pumpScheduled)
            return;
        this.pumpScheduled = true;
        queueMicrotask(() => this.pump());
    }
    /**
     * Tasks a worker may hold: about TARGET_MS of measured work, and at least 2 while tasks are
     * waiting (the next task is already there when one finishes: no round-trip gap).
     */
    cap() {
        const byTime = Math.ceil(TARGET_MS / Math.max(this.avgMs, 1e-6));
        const floor = this.queued > 0 ? 2 : 1;
        return Math.max(floor, Math.min(MAX_PIPELINE, byTime));
    }
    peek() {
        while (this.head < this.queue.length) {
            const t = this.queue[this.head];
            if (t.state === 0)
                return t;
            this.head++;
        }
        return undefined;
    }
    canTake(s, t, cap) {
        if (!s.alive || s.retiring || s.exclusive)
            return false;
        return t.exclusive ? s.inflight.size === 0 : s.inflight.size < cap;
    }
    /** Hands queued tasks to workers (idle ones first, then pipelined), then sends one message per worker. */
    pump() {
        this.pumpScheduled = false;
        if (this.terminated)
            return;
        const dirty = new Set();
        const cap = this.cap();
        for (;;) {
            let t = this.peek();
            if (!t)
                break;
            for (const s of this.slots) {
                if (t && s.inflight.size === 0 && this.canTake(s, t, cap)) {
                    this.assign(s, t);
                    dirty.add(s);
                    t = this.peek();
                }
            }
            if (!t)
                break;
            if (this.slots.length < this.opts.workers) {
                try {
                    this.spawn();
                }
                catch (e) {
                    // A worker cannot even start (e.g. invalid execArgv): fail what is queued rather than loop.
                    if (this.slots.length > 0)
                        break;
                    for (let q = this.peek(); q; q = this.peek()) {
                        this.head++;
                        this.queued--;
                        this.finish(q, false, e);
                    }
                    break;
                }
                continue;
            }
            let progressed = false;
            for (const s of this.slots) {
                if (t && this.canTake(s, t, cap)) {
                    this.assign(s, t);
                    dirty.add(s);
                    progressed = true;
                    t = this.peek();
                }
            }
            if (!progressed)
                break;
        }
        if (this.head > 1024 && this.head * 2 > this.queue.length) {
            this.queue = this.queue.slice(this.head);
            this.head = 0;
        }
        for (const s of dirty)
            this.flush(s);
        this.wakeRoom();
        this.maybeFinishClose();
    }
    wakeRoom() {
        while (this.roomWaiters.length > 0 && (this.queued < this.opts.maxQueue || this.closing))
            this.roomWaiters.shift()();
    }
    assign(s, t) {
        this.head++;
        this.queued--;
        t.state = 1;
        t.slot = s;
        if (s.inflight.size === 0)
            s.handle.ref();
        s.inflight.set(t.id, t);
        s.dispatched++;
        if (this.opts.maxTasksPerChild > 0 && s.dispatched >= this.opts.maxTasksPerChild)
            s.retiring = true;
        if (t.exclusive)
            s.exclusive = true;
        if (!s.known.has(t.fn.id)) {
            s.known.add(t.fn.id);
            s.defs.push([t.fn.id, t.fn.spec]);
        }
        s.outbox.push(t.id, t.fn.id, t.kind, t.payload, t.flags);
        if (t.transfer)
            s.transfer.push(...t.transfer);
        if (t.timeout !== undefined) {
            const ms = t.timeout;
            t.timer = setTimeout(() => {
                if (t.state !== 1)
                    return;
                this.finish(t, false, new TaskTimeoutError(ms));
                this.kill(s);
            }, ms);
        }
        t.sink._setRunning?.();
    }
    flush(s) {
        if (s.outbox.length === 0)
            return;
        const msg = {
            t: 'run',
            tasks: s.outbox,
        };
        if (s.defs.length)
            msg.defs = s.defs;
        const v = codecVersion();
        if (s.codecVersion !== v) {
            s.codecVersion = v;
            msg.mods = serializerModules();
        }
        const transfer = s.transfer.length ? s.transfer : undefined;
        s.outbox = [];
        s.defs = [];
        s.transfer = [];
        try {
            s.handle.send(msg, transfer);
        }
        catch (e) {
            // A value that passed validation but cannot be cloned: fail those tasks, keep the worker.
            const tasks = msg.tasks;
            for (let i = 0; i < tasks.length; i += 5) {
                const t = s.inflight.get(tasks[i]);
                if (!t)
                    continue;
                s.inflight.delete(t.id);
                if (t.exclusive)
                    s.exclusive = false;
                this.finish(t, false, new TypeError(`task arguments could not be sent to a worker: ${e.message}`));
            }
            for (const [id] of msg.defs ?? [])
                s.known.delete(id);
            if (s.inflight.size === 0)
                s.handle.unref();
        }
    }
    spawn() {
        const id = this.nextSlotId++;
        const init = { workerId: id, backend: this.opts.backend, mods: serializerModules() };
        if (this.opts.initializer)
            init.initializer = this.opts.initializer;
        const s = {
            id,
            handle: undefined,
            inflight: new InFlight(),
            known: new Set(),
            codecVersion: codecVersion(),
            outbox: [],
            defs: [],
            transfer: [],
            dispatched: 0,
            alive: true,
            retiring: false,
            exclusive: false,
            expected: false,
        };
        s.handle = this.opts.spawner({ ...this.opts.spawn, init }, { message: (m) => this.onMessage(s, m), exit: (info) => this.onExit(s, info) });
        s.handle.unref();
        this.slots.push(s);
        return s;
    }
    onMessage(s, m) {
        if (m.t === 'progress') {
            s.inflight.get(m.id)?.sink.onProgress?.(m.n);
            return;
        }
        if (m.t !== 'done')
            return;
        const r = m.r;
        const now = performance.now();
        const c = this.counters;
        for (let i = 0; i < r.length; i += RESULT_FIELDS) {
            const t = s.inflight.get(r[i]);
            if (!t)
                continue;
            s.inflight.delete(t.id);
            if (t.exclusive)
                s.exclusive = false;
            const status = r[i + 1];
            const ms = r[i + 3];
            t.runMs = ms;
            if (status !== S_DROPPED) {
                c.busyMs += ms;
                c.run.add(ms);
                c.wait.add(Math.max(0, now - t.enqueuedAt - ms));
                this.avgMs = this.avgMs * 0.7 + ms * 0.3;
            }
            if (t.state === 2)
                continue;
            if (status === S_ERROR)
                this.finish(t, false, dataToError(r[i + 2]));
            else if (status === S_DROPPED)
                this.finish(t, false, new CancelledError('the task was dropped'));
            else {
                let value = r[i + 2];
                if (status === S_OK_ENCODED) {
                    try {
                        value = decode(value, this.opts.backend);
                    }
                    catch (e) {
                        this.finish(t, false, e);
                        continue;
                    }
                }
                this.finish(t, true, value);
            }
        }
        if (s.inflight.size === 0) {
            s.handle.unref();
            if (s.retiring)
                this.retire(s);
        }
        this.pump();
    }
    retire(s) {
        if (!s.alive || s.expected)
            return;
        s.expected = true;
        s.handle.ref(); // keep the process alive until the worker has exited (join waits for it)
        s.handle.send({ t: 'exit' });
        setTimeout(() => s.alive && s.handle.kill(), EXIT_GRACE_MS).unref();
    }
    kill(s) {
        if (!s.alive)
            return;
        if (!s.expected)
            this.counters.replaced++;
        s.expected = true;
        s.handle.ref(); // an idle worker is unref'd: keep the loop alive until its exit is seen
        s.handle.kill();
    }
    onExit(s, info) {
        s.alive = false;
        const i = this.slots.indexOf(s);
        if (i >= 0)
            this.slots.splice(i, 1);
        const tasks = [...s.inflight.values()].filter((t) => t.state !== 2);
        s.inflight.clear();
        if (!s.expected)
            this.counters.replaced++;
        let culprit;
        if (tasks.length > 0 && !this.terminated) {
            const last = s.handle.lastStarted();
            culprit = tasks.find((t) => t.id === last);
            // Died before starting any task (e.g. in its initializer): blame the first, so nothing loops forever.
            if (!culprit && last === -1 && !s.expected)
                culprit = tasks[0];
        }
        const requeue = [];
        for (const t of tasks) {
            if (this.terminated)
                this.finish(t, false, new PoolClosedError('the pool was terminated'));
            else if (t === culprit && ++t.attempts > t.retries)
                this.finish(t, false, crashError(info));
            else
                requeue.push(t);
        }
        if (requeue.length > 0) {
            for (const t of requeue) {
                t.state = 0;
                t.slot = undefined;
            }
            this.queue.splice(this.head, 0, ...requeue);
            this.queued += requeue.length;
        }
        if (this.slots.length === 0 && this.closing && this.queued === 0)
            this.resolveJoin();
        this.schedulePump();
    }
    maybeFinishClose() {
        if (!this.closing || this.queued > 0)
            return;
        for (const s of this.slots)
            if (s.inflight.size > 0)
                return;
        for (const s of this.slots)
            this.retire(s);
        if (this.slots.length === 0)
            this.resolveJoin();
    }
    resolveJoin() {
        for (const w of this.joinWaiters.splice(0))
            w();
    }
    /** Stops accepting tasks; workers exit once the queue drains. */
    close() {
        this.closing = true;
        this.wakeRoom();
        this.maybeFinishClose();
    }
    /** Resolves when every worker has exited (after close() or terminate()). */
    join() {
        if (this.slots.length === 0 && (this.queued === 0 || this.terminated))
            return Promise.resolve();
        return new Promise((r) => this.joinWaiters.push(r));
    }
    /** Kills every worker now; queued and running tasks reject with PoolClosedError. */
    terminate() {
        this.closing = true;
        this.terminated = true;
        for (let t = this.peek(); t; t = this.peek()) {
            this.head++;
            this.queued--;
            this.finish(t, false, new PoolClosedError('the pool was terminated'));
        }
        for (const s of [...this.slots]) {
            for (const t of s.inflight.values())
                this.finish(t, false, new PoolClosedError('the pool was terminated'));
            // ref first: an idle (unref'd) child's exit would otherwise never be seen, and join() never settle
            s.expected = true;
            s.handle.ref();
            s.handle.kill();
        }
        this.wakeRoom();
        if (this.slots.length === 0)
            this.resolveJoin();
    }
    /** Counters and timings. */
    stats() {
        const c = this.counters;
        let running = 0;
        for (const s of this.slots)
            running += s.inflight.size;
        const span = c.firstTaskAt === undefined ? 0 : (performance.now() - c.firstTaskAt) * this.opts.workers;
        return {
            completed: c.completed,
            failed: c.failed,
            queued: this.queued,
            running,
            workers: this.slots.length,
            replaced: c.replaced,
            utilization: span > 0 ? Math.min(1, c.busyMs / span) : 0,
            runTime: c.run.percentiles(),
            waitTime: c.wait.percentiles(),
        };
    }
}
function crashError(info) {
    const oom = info.error && info.error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    const how = oom
        ? 'ran out of memory'
        : info.signal
            ? `was killed by ${info.signal}`
            : info.error
                ? `died: ${info.error.message}`
                : `exited with code ${info.code}`;
    return new WorkerCrashedError(`the worker running this task ${how}`, info.code, info.signal, info.error);
}
//# sourceMappingURL=scheduler.js.map