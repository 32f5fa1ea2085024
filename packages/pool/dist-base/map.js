/**
 * Map-like calls (`map`, `starmap`, `imap`, `imapUnordered`): pull items lazily from a (sync or
 * async) iterable, cut them into chunks (fixed or auto-sized), keep a bounded number of chunks in
 * flight, and hand results back in order or as they finish.
 * @module
 */
import { ChunkSizer } from './chunking.js';
import { encode } from './codec.js';
import { ProgressTracker } from './progress.js';
import { F_ABORTABLE, F_ENCODED, F_PROGRESS, F_TRANSFER, KIND_MAP, KIND_STARMAP } from './protocol.js';
import { Task } from './scheduler.js';
/** Checks and opens an iterable (TypeError naming `iterable` otherwise). */
export function openSource(iterable) {
    if (iterable !== null && iterable !== undefined) {
        const o = iterable;
        if (typeof o[Symbol.iterator] === 'function' && typeof iterable !== 'string')
            return { sync: true, it: o[Symbol.iterator]() };
        if (typeof o[Symbol.asyncIterator] === 'function')
            return { sync: false, it: o[Symbol.asyncIterator]() };
    }
    const what = iterable === null ? 'null' : typeof iterable === 'string' ? 'a string' : typeof iterable;
    throw new TypeError(`iterable must be an iterable or async iterable (an array, a generator, ...), got ${what}`);
}
/** Length of an iterable when cheap to know. */
export function knownLength(iterable) {
    if (Array.isArray(iterable) || ArrayBuffer.isView(iterable))
        return iterable.length;
    if (iterable instanceof Set || iterable instanceof Map)
        return iterable.size;
    return undefined;
}
/** Pulls items, submits chunks, reports them to a sink. */
export class Feeder {
    s;
    src;
    total;
    sink;
    sizer;
    tracker;
    live = new Set();
    maxInFlight;
    pulled = 0;
    exhausted = false;
    failed = false;
    stopped = false;
    filling = false;
    refill = false;
    array;
    constructor(s, src, total, sink, array, lazy = false) {
        this.s = s;
        this.src = src;
        this.total = total;
        this.sink = sink;
        const o = s.opts;
        const workers = s.sched.maxWorkers;
        // Arrays are sliced, not iterated item by item (when nothing was pulled from their iterator yet).
        this.array = Array.isArray(array) && !s.prefix?.length ? array : undefined;
        const fixed = o.chunksize ?? s.chunksize ?? (o.timeout !== undefined ? 1 : undefined);
        this.sizer = new ChunkSizer(fixed, workers, s.hintMs);
        // imap: 2 chunks per worker keeps input consumption lazy; map holds all results anyway: 4.
        this.maxInFlight = o.maxInFlight ?? workers * (lazy ? 2 : 4);
        this.tracker = new ProgressTracker(total, o.onProgress, o.progress);
        if (s.prefix?.length) {
            this.pulled = s.prefix.length;
            this.tracker.add(s.prefix.length);
            sink.chunk(0, s.prefix);
        }
    }
    /** Chunks in flight. */
    get inFlight() {
        return this.live.size;
    }
    /** Starts or continues pulling. */
    async fill() {
        if (this.filling) {
            this.refill = true;
            return;
        }
        this.filling = true;
        const { sched, opts } = this.s;
        try {
            do {
                this.refill = false;
                while (!this.exhausted &&
                    !this.failed &&
                    !this.stopped &&
                    this.live.size < this.maxInFlight &&
                    this.sink.room()) {
                    if (opts.signal?.aborted)
                        throw opts.signal.reason;
                    if (sched.queuedCount >= sched.opts.maxQueue) {
                        await sched.waitForRoom();
                        continue;
                    }
                    const size = this.sizer.next(this.total === undefined ? undefined : this.total - this.pulled);
                    let items;
                    const arr = this.array;
                    if (arr) {
                        items = arr.slice(this.pulled, this.pulled + size);
                        if (this.pulled + items.length >= arr.length)
                            this.exhausted = true;
                    }
                    else
                        items = [];
                    while (!arr && items.length < size) {
                        const r = this.src.sync ? this.src.it.next() : await this.src.it.next();
                        if (r.done) {
                            this.exhausted = true;
                            break;
                        }
                        items.push(r.value);
                    }
                    if (items.length > 0)
                        this.submit(items);
                }
            } while (this.refill && !this.failed && !this.stopped);
        }
        catch (e) {
            this.fail(e);
        }
        finally {
            this.filling = false;
        }
        this.checkDone();
    }
    submit(items) {
        const { s } = this;
        const start = this.pulled;
        this.pulled += items.length;
        if (s.star) {
            for (let i = 0; i < items.length; i++) {
                const it = items[i];
                if (!Array.isArray(it)) {
                    if (it === null ||
                        typeof it?.[Symbol.iterator] !== 'function' ||
                        typeof it === 'string') {
                        throw new TypeError(`starmap: iterable[${start + i}] must be an array (tuple) of arguments, got ${it === null ? 'null' : typeof it}`);
                    }
                    items[i] = Array.from(it);
                }
            }
        }
        const ctx = s.codecCtx();
        const { value, encoded } = encode(items, s.backend, 'iterable', ctx, start);
        const o = s.opts;
        const flags = (encoded ? F_ENCODED : 0) |
            (this.tracker.active ? F_PROGRESS : 0) |
            (o.signal ? F_ABORTABLE : 0) |
            (o.transfer ? F_TRANSFER : 0);
        let reported = 0;
        const sink = {
            _settle: (ok, v) => {
                this.live.delete(task);
                if (this.failed || this.stopped)
                    return;
                if (!ok) {
                    this.fail(v);
                    return;
                }
                this.sizer.record(items.length, task.runMs);
                this.tracker.add(items.length - reported);
                this.sink.chunk(start, v);
                void this.fill();
            },
            onProgress: (n) => {
                this.tracker.add(n - reported);
                reported = n;
            },
        };
        const task = new Task(s.fn, s.star ? KIND_STARMAP : KIND_MAP, value, flags, ctx.transfer?.length ? ctx.transfer : undefined, o.timeout, o.retries ?? 0, o.signal, sink);
        this.live.add(task);
        s.sched.submit(task, true);
    }
    fail(e) {
        if (this.failed || this.stopped)
            return;
        this.failed = true;
        this.cancelQueued();
        this.tracker.end();
        this.sink.error(e);
    }
    cancelQueued() {
        for (const t of [...this.live])
            this.s.sched.cancel(t);
    }
    checkDone() {
        if (this.exhausted && this.live.size === 0 && !this.failed && !this.stopped && !this.filling) {
            this.stopped = true;
            this.tracker.end();
            this.sink.done();
        }
    }
    /** Stops pulling and drops queued chunks (early `break` out of imap). */
    stop() {
        if (this.stopped)
            return;
        this.stopped = true;
        this.cancelQueued();
        if (!this.src.sync)
            void this.src.it.return?.();
        else
            this.src.it.return?.();
    }
    /** Called by the sink after it consumed a chunk (imap), to pull more. */
    poke() {
        if (this.exhausted)
            this.checkDone();
        else
            void this.fill();
    }
}
/** Runs a map-like call to completion: the ordered array of results. */
export function collect(setup, src, total, array) {
    return new Promise((resolve, reject) => {
        const out = total !== undefined ? new Array(total) : [];
        let f;
        let count = 0;
        const sink = {
            chunk(start, values) {
                for (let j = 0; j < values.length; j++)
                    out[start + j] = values[j];
                count += values.length;
                f?.poke();
            },
            error: reject,
            done() {
                if (out.length !== count)
                    out.length = count;
                resolve(out);
            },
            room: () => true,
        };
        f = new Feeder(setup, src, total, sink, array);
        void f.fill();
    });
}
/** Runs a map-like call as an async iterator (ordered, or as chunks finish). */
export function iterate(setup, src, total, ordered) {
    const chunks = new Map(); // ordered: by start index
    const ready = []; // unordered: finished chunks
    let nextStart = 0;
    let current = [];
    let pos = 0;
    let error;
    let finished = false;
    let wake;
    const signal = () => {
        const w = wake;
        wake = undefined;
        w?.();
    };
    const sink = {
        chunk(start, values) {
            if (ordered)
                chunks.set(start, values);
            else
                ready.push(values);
            signal();
        },
        error(e) {
            error = { e };
            signal();
        },
        done() {
            finished = true;
            signal();
        },
        room: () => chunks.size + ready.length < (setup.opts.maxInFlight ?? setup.sched.maxWorkers * 2),
    };
    const feeder = new Feeder(setup, src, total, sink, undefined, true);
    let started = false;
    const take = () => {
        if (pos < current.length)
            return true;
        if (ordered) {
            const c = chunks.get(nextStart);
            if (c === undefined)
                return false;
            chunks.delete(nextStart);
            nextStart += c.length;
            current = c;
        }
        else {
            const c = ready.shift();
            if (c === undefined)
                return false;
            current = c;
        }
        pos = 0;
        feeder.poke();
        return pos < current.length || take();
    };
    const it = {
        async next() {
            if (!started) {
                started = true;
                void feeder.fill();
            }
            for (;;) {
                if (take())
                    return { value: current[pos++], done: false };
                if (error) {
                    const e = error.e;
                    error = undefined;
                    finished = true;
                    throw e;
                }
                if (finished)
                    return { value: undefined, done: true };
                await new Promise((r) => (wake = r));
            }
        },
        async return() {
            finished = true;
            feeder.stop();
            return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]() {
            return it;
        },
    };
    return it;
}
//# sourceMappingURL=map.js.map