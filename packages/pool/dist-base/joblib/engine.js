/**
 * The scheduling core of `Parallel`: pulls `delayed` calls from the task iterable lazily (at most
 * `preDispatch` batches ahead), sizes batches, hands them to an {@link Executor} and delivers outcomes in
 * completion order to one consumer (which orders them, collects them, or streams them).
 */
import { Batcher } from './batcher.js';
import { isDelayed, notDelayedError } from './delayed.js';
/**
 * Opens `tasks` for iteration, or throws a TypeError when it is not iterable.
 *
 * @example
 * ```ts
 * const { iterator, total } = openTasks([delayed(f)(1)]); // total 1
 * ```
 */
export function openTasks(tasks) {
    if ((tasks !== null && typeof tasks === 'object') || typeof tasks === 'function') {
        const t = tasks;
        const total = Array.isArray(tasks) ? tasks.length : undefined;
        if (typeof t[Symbol.asyncIterator] === 'function')
            return { iterator: t[Symbol.asyncIterator](), total };
        if (typeof t[Symbol.iterator] === 'function')
            return { iterator: t[Symbol.iterator](), total };
    }
    if (isDelayed(tasks))
        throw new TypeError('tasks must be an iterable of delayed(...) calls; got a single delayed call: wrap it in an array');
    throw new TypeError(`tasks must be an iterable or async iterable of delayed(fn)(...args) calls (got ${tasks === null ? 'null' : typeof tasks})`);
}
/** Dispatches batches and queues their outcomes. */
export class Engine {
    iterator;
    exec;
    maxInFlight;
    reporter;
    learned;
    #taken = 0;
    #exhausted = false;
    #stopped = false;
    #inFlight = 0;
    #pumping = false;
    /** Finished batches' outcomes, not yet taken by the consumer. */
    #ready = [];
    #readyCount = 0;
    #fatal;
    #wake;
    #batcher;
    /** Outcomes the consumer holds but has not delivered yet (e.g. waiting for an earlier index). */
    held = 0;
    constructor(iterator, total, exec, maxInFlight, batchSize, workers, reporter, 
    /** Per-task times learned by earlier calls, by task function. */
    learned, 
    /** Go on after `taken` tasks already ran (backend 'auto''s inline probe), batches starting at `size`. */
    resume) {
        this.iterator = iterator;
        this.exec = exec;
        this.maxInFlight = maxInFlight;
        this.reporter = reporter;
        this.learned = learned;
        this.#batcher = new Batcher(batchSize, workers, total);
        if (resume) {
            this.#taken = resume.taken;
            this.#batcher.seed(resume.perTaskMs, resume.size);
        }
    }
    /** Stops dispatching new batches (batches already running still deliver). */
    stop() {
        this.#stopped = true;
    }
    /** Closes the task iterator early (e.g. the consumer stopped or a task failed). */
    async closeIterator() {
        if (!this.#exhausted) {
            this.#exhausted = true;
            try {
                await this.iterator.return?.();
            }
            catch {
                // the generator's own cleanup failed: nothing more to do
            }
        }
    }
    #signal() {
        const w = this.#wake;
        this.#wake = undefined;
        w?.();
    }
    /** Pulls the next calls from the iterator (validating each item). */
    async #take(n) {
        const calls = [];
        while (calls.length < n && !this.#exhausted) {
            let r = this.iterator.next();
            if (r instanceof Promise)
                r = await r;
            const { done, value } = r;
            if (done) {
                this.#exhausted = true;
                break;
            }
            if (!isDelayed(value))
                throw notDelayedError(this.#taken, value);
            this.#taken++;
            calls.push(value);
        }
        return calls;
    }
    /** Keeps up to `maxInFlight` batches running while the consumer keeps up. */
    pump() {
        if (this.#pumping)
            return;
        this.#pumping = true;
        void this.#pumpLoop();
    }
    async #pumpLoop() {
        try {
            while (!this.#stopped && !this.#exhausted && !this.#fatal && this.#inFlight < this.maxInFlight) {
                const size = this.#batcher.next(this.#taken);
                // Bound what is computed ahead of a slow consumer. (No deadlock: outcomes held for ordering always
                // wait for an earlier task that is running or ready.)
                if (this.#readyCount + this.held >= Math.max(this.maxInFlight * size, 1))
                    break;
                const first = this.#taken;
                const calls = await this.#take(size);
                if (calls.length === 0)
                    break;
                const fn = calls[0].fn;
                if (first === 0) {
                    const hint = this.learned.get(fn);
                    if (hint !== undefined)
                        this.#batcher.seed(hint);
                }
                this.#inFlight++;
                this.exec
                    .run({
                    first,
                    calls,
                    expectedMs: this.#batcher.perTaskMs === undefined ? undefined : this.#batcher.perTaskMs * calls.length,
                })
                    .then((result) => {
                    const n = result.values.length;
                    this.#batcher.record(n, result.ms);
                    const per = this.#batcher.perTaskMs;
                    if (per !== undefined)
                        this.learned.set(fn, per);
                    this.#ready.push(result);
                    this.#readyCount += n;
                    this.reporter.add(n);
                }, (error) => {
                    this.#fatal ??= { error };
                })
                    .finally(() => {
                    this.#inFlight--;
                    this.#signal();
                    this.pump();
                });
            }
        }
        catch (error) {
            // The iterator threw, or yielded something that is not a delayed call (then close it: its
            // `finally` blocks run).
            this.#fatal ??= { error };
            await this.closeIterator();
        }
        finally {
            this.#pumping = false;
            this.#signal();
        }
    }
    /** The next finished batch (completion order), or undefined when all were delivered. */
    async next() {
        for (;;) {
            const o = this.#ready.shift();
            if (o) {
                this.#readyCount -= o.values.length;
                this.pump();
                return o;
            }
            if (this.#fatal)
                throw this.#fatal.error;
            if (this.#inFlight === 0 && !this.#pumping && (this.#exhausted || this.#stopped))
                return undefined;
            this.pump();
            await new Promise((resolve) => {
                this.#wake = resolve;
            });
        }
    }
    /** Waits until no batch is running (used before rejecting, so finished results are kept). */
    async drain() {
        this.stop();
        while (this.#inFlight > 0 || this.#pumping) {
            await new Promise((resolve) => {
                this.#wake = resolve;
            });
        }
    }
}
//# sourceMappingURL=engine.js.map