/**
 * Where `Parallel` runs a batch of `delayed` calls: in this thread (nJobs 1, for debugging: closures work and
 * stack traces are yours) or through a Pool, one pool task per batch (see batch-runner.ts).
 */
import { dataToError, TaskTimeoutError } from '../errors.js';
import { resolveFn } from '../fn-source.js';
import { R_ERROR } from './batch-runner.js';
import { CACHED_SPEC } from './cached.js';
function fnName(fn) {
    return typeof fn === 'function' ? fn.name || 'anonymous' : fn.exportName;
}
/** A TaskTimeoutError naming the task. */
export function timeoutError(index, fn, timeout) {
    const e = new TaskTimeoutError(timeout);
    e.message = `tasks[${index}] (${fnName(fn)}) timed out after ${timeout} ms`;
    return e;
}
const isThenable = (v) => v !== null &&
    (typeof v === 'object' || typeof v === 'function') &&
    typeof v.then === 'function';
async function resolveLocal(fn) {
    if (typeof fn === 'function')
        return fn;
    const f = (await import(fn.url))[fn.exportName];
    if (typeof f !== 'function')
        throw new TypeError(`export '${fn.exportName}' of ${fn.url} is not a function`);
    return f;
}
/**
 * Runs calls one at a time in this thread, in order. A `timeout` stops waiting for an async call (its work
 * cannot be interrupted here); a synchronous call that overran fails after it returns.
 */
export class InlineExecutor {
    timeout;
    constructor(timeout) {
        this.timeout = timeout;
    }
    async run({ first, calls }) {
        const values = new Array(calls.length);
        const errors = new Map();
        const start = performance.now();
        for (let i = 0; i < calls.length; i++) {
            const { fn, args } = calls[i];
            const t0 = performance.now();
            try {
                let v = (await resolveLocal(fn))(...args);
                if (isThenable(v)) {
                    v = this.timeout === undefined ? await v : await withTimeout(v, this.timeout, first + i, fn);
                }
                if (this.timeout !== undefined && performance.now() - t0 > this.timeout) {
                    throw timeoutError(first + i, fn, this.timeout);
                }
                values[i] = v;
            }
            catch (error) {
                errors.set(i, error);
            }
        }
        return { first, values, errors: errors.size > 0 ? errors : undefined, ms: performance.now() - start };
    }
    async close() { }
}
function withTimeout(p, ms, index, fn) {
    let timer;
    return Promise.race([
        p,
        new Promise((_, reject) => {
            timer = setTimeout(() => reject(timeoutError(index, fn, ms)), ms);
        }),
    ]).finally(() => clearTimeout(timer));
}
const RUNNER = Object.freeze({
    kind: 'module',
    url: new URL('./batch-runner.js', import.meta.url).href,
    exportName: 'runBatch',
});
/**
 * The wire form of a task function, validated for workers: self-contained source (Pool's check), a module
 * reference, or a cached function (whose inner function must itself be self-contained).
 */
export function wireFn(fn, index) {
    const cached = typeof fn === 'function' ? fn[CACHED_SPEC] : undefined;
    if (cached)
        resolveFn(fn.func, `tasks[${index}]: the function cached by memory.cache`);
    return resolveFn(fn, `tasks[${index}]: delayed(fn)`).spec;
}
/**
 * The pool-task timeout of a batch of `n` calls, each limited to `timeout` ms. Overruns are detected exactly
 * in the worker (each call is timed there); this is the guard against a call that never returns, which the
 * Pool stops by replacing the worker. It adds slack for what the Pool's clock also counts (starting a
 * replacement worker, loading the batch runner) so a healthy call is never killed.
 */
export function batchTimeout(timeout, n, expectedMs) {
    const slack = Math.max(200, timeout / 2);
    if (n === 1)
        return timeout + slack;
    const healthy = expectedMs === undefined ? timeout * n : Math.min(timeout * n, timeout + 3 * expectedMs);
    return healthy + slack;
}
/** Runs each batch as one task of a Pool. */
export class PoolExecutor {
    pool;
    timeout;
    #specs = new WeakMap();
    constructor(pool, timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }
    #spec(fn, index) {
        let spec = this.#specs.get(fn);
        if (!spec) {
            spec = wireFn(fn, index);
            this.#specs.set(fn, spec);
        }
        return spec;
    }
    async run(batch) {
        const { first, calls } = batch;
        const n = calls.length;
        const fns = [];
        const fnIdx = new Array(n);
        let single = true;
        let oneArg = true;
        let lastFn;
        let lastIdx = 0;
        for (let i = 0; i < n; i++) {
            const { fn, args } = calls[i];
            if (fn !== lastFn) {
                const spec = this.#spec(fn, first + i);
                lastIdx = fns.indexOf(spec);
                if (lastIdx < 0)
                    lastIdx = fns.push(spec) - 1;
                lastFn = fn;
            }
            fnIdx[i] = lastIdx;
            if (lastIdx !== 0)
                single = false;
            if (args.length !== 1)
                oneArg = false;
        }
        const payload = {
            fns,
            fn: single ? 0 : fnIdx,
            ...(oneArg ? { items: calls.map((c) => c.args[0]) } : { args: calls.map((c) => c.args) }),
            ...(this.timeout !== undefined ? { timeout: this.timeout } : {}),
        };
        let reply;
        try {
            // The pool's timeout kills a worker stuck in a call. A healthy batch takes at most n × timeout, but
            // waiting that long to notice a hang defeats the timeout; so allow the expected batch time (×3) plus
            // one timeout. If that kills a batch whose calls were merely slow, they re-run one by one anyway.
            const opts = this.timeout === undefined ? undefined : { timeout: batchTimeout(this.timeout, n, batch.expectedMs) };
            reply = (await this.pool.apply(RUNNER, [payload], opts));
        }
        catch (error) {
            if (error instanceof TaskTimeoutError && n > 1)
                return this.#oneByOne(batch);
            const err = error instanceof TaskTimeoutError
                ? timeoutError(first, calls[0].fn, this.timeout ?? error.timeout)
                : error;
            return { first, values: new Array(n), errors: new Map(calls.map((_, i) => [i, err])), ms: 0 };
        }
        const errors = new Map();
        for (const [at, kind, data] of reply.failed ?? []) {
            const error = kind === R_ERROR
                ? dataToError(data)
                : timeoutError(first + at, calls[at].fn, this.timeout);
            errors.set(at, error);
        }
        return { first, values: reply.values, errors: errors.size > 0 ? errors : undefined, ms: reply.ms };
    }
    /** A call of this batch hung and its worker was replaced: run the calls again one per pool task. */
    async #oneByOne({ first, calls }) {
        const singles = await Promise.all(calls.map((c, i) => this.run({ first: first + i, calls: [c] })));
        const errors = new Map();
        singles.forEach((s, i) => {
            const e = s.errors?.get(0);
            if (s.errors?.has(0))
                errors.set(i, e);
        });
        return {
            first,
            values: singles.map((s) => s.values[0]),
            errors: errors.size > 0 ? errors : undefined,
            ms: singles.reduce((a, s) => a + s.ms, 0),
        };
    }
    async close() { }
}
//# sourceMappingURL=executor.js.map