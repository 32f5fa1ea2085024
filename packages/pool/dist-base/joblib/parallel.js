import { Engine, openTasks } from './engine.js';
import { InlineExecutor, PoolExecutor } from './executor.js';
import { planAuto } from './parallel-auto.js';
import { ParallelError } from './parallel-error.js';
import { resolveParallelOptions, } from './parallel-options.js';
import { closeSharedPool, sharedPool } from './pool-factory.js';
import { Reporter } from './report.js';
const STATE = Symbol('polycore.joblib.parallelState');
function executorFor(state, backend) {
    const { opts } = state;
    if (backend === 'inline')
        return new InlineExecutor(opts.timeout);
    const pool = typeof backend === 'object' ? backend : sharedPool(backend, opts.workers);
    return new PoolExecutor(pool, opts.timeout);
}
/** Task `first + i` of a batch as `Promise.allSettled` would report it. */
function settled(b, i) {
    return b.errors?.has(i)
        ? { status: 'rejected', reason: b.errors.get(i) }
        : { status: 'fulfilled', value: b.values[i] };
}
/**
 * Opens a call: the executor, reporter and engine. With backend 'auto' the first calls run here while
 * timed (parallel-auto.ts); their outcomes come back as `probed`, to deliver before the engine's.
 */
async function start(state, { iterator, total }) {
    const { opts } = state;
    const reporter = new Reporter(opts.label, opts.verbose, opts.progress, opts.onProgress, total);
    let exec;
    let probed = [];
    let resume;
    let backend;
    if (opts.backend === 'auto') {
        const plan = await planAuto(iterator, total, opts).catch((e) => {
            reporter.finish(true);
            throw e;
        });
        if (opts.verbose > 0)
            console.error(`[${opts.label}]: ${plan.line}`);
        if (plan.backend !== 'inline')
            state.used.add(plan.backend);
        ({ exec, probed, backend } = plan);
        if (plan.perTaskMs !== undefined)
            resume = { taken: plan.taken, perTaskMs: Math.max(plan.perTaskMs, 1e-4), size: plan.size };
    }
    else {
        backend = opts.backend;
        exec = executorFor(state, backend);
    }
    const inline = backend === 'inline';
    reporter.start(typeof backend === 'object' ? 'pool' : backend, inline ? 1 : opts.workers);
    for (const b of probed)
        reporter.add(b.values.length);
    const engine = new Engine(iterator, total, exec, inline ? 1 : opts.preDispatch, opts.backend === 'inline' ? 1 : opts.batchSize, opts.workers, reporter, state.learned, resume);
    return { engine, exec, reporter, probed };
}
async function collect(state, tasks) {
    const { engine, exec, reporter, probed } = await start(state, tasks);
    const results = tasks.total === undefined ? [] : new Array(tasks.total);
    let count = 0;
    const finished = [];
    const failures = [];
    const settle = state.opts.settle;
    try {
        for (;;) {
            let batch = probed.shift();
            try {
                batch ??= await engine.next();
            }
            catch (e) {
                await engine.drain();
                throw e;
            }
            if (!batch)
                break;
            const { first, values, errors } = batch;
            const n = values.length;
            count = Math.max(count, first + n);
            if (settle)
                for (let i = 0; i < n; i++)
                    results[first + i] = settled(batch, i);
            else {
                for (let i = 0; i < n; i++) {
                    if (errors?.has(i))
                        failures.push({ index: first + i, error: errors.get(i) });
                    else {
                        results[first + i] = values[i];
                        finished[first + i] = true;
                    }
                }
            }
            if (failures.length > 0) {
                // Stop dispatching; keep what is already running, so its results are not lost.
                engine.stop();
                await engine.closeIterator();
            }
        }
        if (failures.length > 0) {
            throw new ParallelError(failures, Array.from({ length: count }, (_, i) => results[i]), Array.from({ length: count }, (_, i) => finished[i] === true));
        }
        results.length = count;
        return results;
    }
    finally {
        reporter.finish(failures.length > 0);
        await exec.close();
    }
}
async function* stream(state, tasks, ordered) {
    const { engine, exec, reporter, probed } = await start(state, tasks);
    const settle = state.opts.settle;
    /** Finished batches waiting for an earlier one (ordered mode), by first index. */
    const held = new Map();
    let nextIndex = 0;
    let failed = false;
    const deliver = (b, i) => {
        if (settle)
            return settled(b, i);
        if (!b.errors?.has(i))
            return b.values[i];
        failed = true;
        throw new ParallelError([{ index: b.first + i, error: b.errors.get(i) }], [], []);
    };
    try {
        for (;;) {
            const batch = probed.shift() ?? (await engine.next());
            if (!batch)
                break;
            if (!ordered) {
                for (let i = 0; i < batch.values.length; i++)
                    yield deliver(batch, i);
                continue;
            }
            held.set(batch.first, batch);
            engine.held += batch.values.length;
            for (let b = held.get(nextIndex); b; b = held.get(nextIndex)) {
                held.delete(nextIndex);
                nextIndex += b.values.length;
                for (let i = 0; i < b.values.length; i++) {
                    engine.held--;
                    yield deliver(b, i);
                }
            }
        }
    }
    finally {
        // Also runs when the consumer breaks out early: stop, let running batches end, release workers.
        engine.stop();
        await engine.closeIterator();
        await engine.drain();
        reporter.finish(failed);
        await exec.close();
    }
}
/**
 * Runs `delayed` calls in parallel, like joblib.Parallel. Create it with options, then call it with tasks:
 * the result is an array in input order (or an async iterable with `returnAs: 'generator' | 'unordered'`).
 * `nJobs: 1` runs everything here, in order (closures work, stack traces are yours).
 *
 * Workers are kept between calls in a pool shared by every Parallel with the same backend and nJobs (like
 * joblib's reusable loky executor; idle workers do not hold the process open). Pass your own Pool as
 * `backend` to control its lifetime.
 *
 * @example
 * ```ts
 * import { Parallel, delayed } from '@polycore/pool';
 * const sqrt = (x: number) => Math.sqrt(x);
 * const roots = await new Parallel({ nJobs: -1 })(Array.from({ length: 10 }, (_, i) => delayed(sqrt)(i ** 2)));
 * // [0, 1, 2, ..., 9]
 * ```
 */
export const Parallel = function Parallel(options) {
    if (!new.target)
        throw new TypeError("Class constructor Parallel cannot be invoked without 'new'");
    const state = { opts: resolveParallelOptions(options), learned: new WeakMap(), used: new Set() };
    const call = (tasks) => {
        // Opened here, so a bad argument throws at the call in every mode.
        const opened = openTasks(tasks);
        if (state.opts.returnAs === 'array')
            return collect(state, opened);
        return stream(state, opened, state.opts.returnAs === 'generator');
    };
    Object.setPrototypeOf(call, new.target.prototype);
    Object.defineProperty(call, STATE, { value: state });
    return call;
};
Object.setPrototypeOf(Parallel.prototype, Function.prototype);
Object.defineProperties(Parallel.prototype, {
    nJobs: {
        get() {
            return this[STATE].opts.workers;
        },
    },
    close: {
        async value() {
            const { opts, used } = this[STATE];
            const { backend, workers } = opts;
            if (backend === 'threads' || backend === 'processes')
                await closeSharedPool(backend, workers);
            for (const b of used)
                await closeSharedPool(b, workers);
            used.clear();
        },
    },
    [Symbol.asyncDispose]: {
        value() {
            return this.close();
        },
    },
});
//# sourceMappingURL=parallel.js.map