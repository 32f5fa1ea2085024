/**
 * Worker side of `Parallel`: one pool task runs a batch of `delayed` calls, each possibly with a different
 * function, and reports the results, the calls that failed (in place, without stopping the batch) and the
 * time the batch ran. Loaded in workers as a module task. The wire form is flat (one array of values, one
 * of arguments, or of single items when every call has one argument) because cloning many small arrays
 * costs more than the calls of tiny tasks.
 */
import { createRequire } from 'node:module';
import { errorToData } from '../errors.js';
/** Failure kinds in {@link BatchReply.failed}. */
export const R_ERROR = 1;
export const R_TIMEOUT = 2;
const require = createRequire(import.meta.url);
const loaded = new Map();
function keyOf(spec) {
    return spec.kind === 'source' ? `s:${spec.source}` : `m:${spec.url}#${spec.exportName}`;
}
async function importExport(url, name) {
    const mod = (await import(url));
    const fn = mod[name];
    if (typeof fn !== 'function')
        throw new TypeError(`export '${name}' of ${url} is not a function (got ${typeof fn})`);
    return fn;
}
function load(spec) {
    const key = keyOf(spec);
    let fn = loaded.get(key);
    if (!fn) {
        fn =
            spec.kind === 'source'
                ? new Function('require', `"use strict"; return ${spec.source};`)(require)
                : importExport(spec.url, spec.exportName);
        loaded.set(key, fn);
        if (fn instanceof Promise)
            void fn.then((f) => loaded.set(key, f), () => loaded.delete(key));
    }
    return fn;
}
const isThenable = (v) => v !== null &&
    (typeof v === 'object' || typeof v === 'function') &&
    typeof v.then === 'function';
/**
 * Runs every call of a batch in order; a failing call is reported in `failed` and the batch goes on.
 *
 * @example
 * ```ts
 * await runBatch({ fns: [{ kind: 'source', source: '(x) => x * 2', name: '' }], fn: 0, items: [21] }); // { values: [42], ms }
 * ```
 */
export async function runBatch(payload) {
    const { fn: fnIdx, args, items, timeout } = payload;
    const fns = [];
    const n = items ? items.length : args.length;
    const values = new Array(n);
    const failed = [];
    const start = performance.now();
    for (let i = 0; i < n; i++) {
        try {
            const fi = typeof fnIdx === 'number' ? fnIdx : fnIdx[i];
            let fn = fns[fi];
            if (fn === undefined) {
                fn = load(payload.fns[fi]);
                fns[fi] = fn;
            }
            if (fn instanceof Promise) {
                fn = await fn;
                fns[fi] = fn;
            }
            // The call's own time: loading its function (a module import) does not count against `timeout`.
            const t0 = timeout === undefined ? 0 : performance.now();
            let v = items ? fn(items[i]) : fn(...args[i]);
            if (isThenable(v))
                v = await v;
            if (timeout !== undefined && performance.now() - t0 > timeout)
                failed.push([i, R_TIMEOUT, undefined]);
            else
                values[i] = v;
        }
        catch (e) {
            failed.push([i, R_ERROR, errorToData(e)]);
        }
    }
    const ms = performance.now() - start;
    return failed.length > 0 ? { values, failed, ms } : { values, ms };
}
//# sourceMappingURL=batch-runner.js.map