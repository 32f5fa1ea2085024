/**
 * The task runner inside a worker (a thread, a child process, or the calling thread for the inline
 * backend): loads task functions, runs queued tasks one at a time in order, and sends results back
 * packed into as few messages as possible.
 * @module
 */
import { createRequire } from 'node:module';
import { collectTags, decode, encodeValue, getSerializer, NO_CTX, } from '../codec.js';
import { errorToData } from '../errors.js';
import { F_ABORTABLE, F_ENCODED, F_PROGRESS, F_TRANSFER, KIND_APPLY, KIND_STARMAP, S_DROPPED, S_ERROR, S_OK, S_OK_ENCODED, TASK_FIELDS, } from '../protocol.js';
const FLUSH_MS = 2;
const PROGRESS_MS = 50;
const idleSignal = new AbortController().signal;
const isThenable = (v) => v !== null &&
    (typeof v === 'object' || typeof v === 'function') &&
    typeof v.then === 'function';
/** Runs tasks for one worker. */
export class Runtime {
    tr;
    fns = new Map();
    direct = new Set();
    specs = new Map();
    mods = new Map();
    q = [];
    qHead = 0;
    running = false;
    out = [];
    outTransfer;
    lastFlush = 0;
    current;
    initError;
    ready = Promise.resolve();
    /** `require` for task functions, made on first use (creating it costs memory in every worker). */
    require;
    constructor(tr) {
        this.tr = tr;
        let real;
        const get = () => {
            real ??= createRequire(tr.requireFrom);
            return real;
        };
        this.require = Object.assign((id) => get()(id), { resolve: (id) => get().resolve(id) });
    }
    /** Handles one message from the pool. */
    onMessage(msg) {
        switch (msg.t) {
            case 'run': {
                if (msg.defs)
                    for (const [id, spec] of msg.defs)
                        this.specs.set(id, spec);
                if (msg.mods)
                    for (const k in msg.mods)
                        this.mods.set(k, msg.mods[k]);
                const t = msg.tasks;
                for (let i = 0; i < t.length; i += TASK_FIELDS) {
                    this.q.push({
                        id: t[i],
                        fnId: t[i + 1],
                        kind: t[i + 2],
                        payload: t[i + 3],
                        flags: t[i + 4],
                    });
                }
                if (!this.running)
                    void this.drain();
                return;
            }
            case 'abort':
                for (const id of msg.ids) {
                    if (this.current?.id === id)
                        this.current.ac.abort(new DOMException('The task was aborted', 'AbortError'));
                    for (let i = this.qHead; i < this.q.length; i++) {
                        const q = this.q[i];
                        if (q.id === id) {
                            this.q.splice(i, 1);
                            this.out.push(id, S_DROPPED, undefined, 0);
                            break;
                        }
                    }
                }
                if (!this.running)
                    this.flush();
                return;
            case 'init':
                this.init(msg.init);
                return;
            case 'exit':
                this.flush();
                this.onExit?.();
                return;
        }
    }
    /** Called on a graceful `exit` request (set by the entry file). */
    onExit;
    /** Runs the pool's initializer (if any) before any task. */
    init(init) {
        for (const k in init.mods)
            this.mods.set(k, init.mods[k]);
        const ini = init.initializer;
        if (!ini)
            return;
        this.ready = (async () => {
            try {
                const fn = await this.load(ini.spec);
                const args = ini.encoded ? await this.decodeAsync(ini.args) : ini.args;
                await fn.apply({ signal: idleSignal, taskId: -1 }, args);
            }
            catch (e) {
                this.initError = errorToData(e);
                this.initError.message = `initializer failed: ${this.initError.message}`;
            }
        })();
    }
    async load(spec) {
        if (spec.kind === 'source') {
            const fn = new Function('require', `"use strict"; return ${spec.source};`)(this.require);
            if (typeof fn !== 'function')
                throw setupError(`task source did not evaluate to a function`);
            return fn;
        }
        let mod;
        try {
            mod = (await import(spec.url));
        }
        catch (e) {
            throw setupError(`cannot load task module ${spec.url}: ${e.message}${tsHint(spec.url, e)}`);
        }
        const fn = mod[spec.exportName];
        if (fn === undefined)
            throw setupError(`task module ${spec.url} has no export named '${spec.exportName}' (exports: ${Object.keys(mod).join(', ') || 'none'})`);
        if (typeof fn !== 'function')
            throw setupError(`export '${spec.exportName}' of ${spec.url} is not a function (got ${typeof fn})`);
        return fn;
    }
    async resolve(fnId) {
        const spec = this.specs.get(fnId);
        if (!spec)
            throw setupError(`unknown task function #${fnId}`);
        const fn = await this.load(spec);
        this.fns.set(fnId, fn);
        // Functions that never mention `this` are called directly in chunks (measurably faster than .call).
        if (spec.kind === 'source' && !/\bthis\b/.test(spec.source))
            this.direct.add(fnId);
        return fn;
    }
    async decodeAsync(v) {
        for (const tag of collectTags(v, new Set())) {
            if (!getSerializer(tag)) {
                const url = this.mods.get(tag);
                if (url)
                    await import(url);
            }
        }
        return decode(v, this.tr.backend);
    }
    async drain() {
        this.running = true;
        await this.ready;
        const tr = this.tr;
        while (this.qHead < this.q.length) {
            const t = this.q[this.qHead++];
            if (this.qHead > 1024 && this.qHead * 2 > this.q.length) {
                this.q = this.q.slice(this.qHead);
                this.qHead = 0;
            }
            tr.markStarted(t.id);
            const t0 = performance.now();
            try {
                if (this.initError)
                    throw this.initError;
                let fn = this.fns.get(t.fnId);
                if (fn === undefined) {
                    this.flush();
                    fn = await this.resolve(t.fnId);
                }
                let payload = t.payload;
                if (t.flags & F_ENCODED)
                    payload = await this.decodeAsync(payload);
                let ctx = { signal: idleSignal, taskId: t.id };
                if (t.flags & F_ABORTABLE) {
                    const ac = new AbortController();
                    this.current = { id: t.id, ac };
                    ctx = { signal: ac.signal, taskId: t.id };
                }
                let r = t.kind === KIND_APPLY
                    ? fn.apply(ctx, payload)
                    : this.runChunk(fn, ctx, t, payload, 0, []);
                if (isThenable(r)) {
                    this.flush();
                    r = await r;
                }
                this.pushResult(t, r, performance.now() - t0);
            }
            catch (e) {
                this.out.push(t.id, S_ERROR, isErrorData(e) ? e : errorToData(e), performance.now() - t0);
            }
            this.current = undefined;
            if (performance.now() - this.lastFlush > FLUSH_MS)
                this.flush();
        }
        this.q = [];
        this.qHead = 0;
        this.running = false;
        this.flush();
    }
    /** Runs a chunk from item `i`; returns the results, or a promise of them once an item is async. */
    runChunk(fn, ctx, t, items, i, res) {
        const star = t.kind === KIND_STARMAP;
        const direct = this.direct.has(t.fnId);
        const progress = (t.flags & F_PROGRESS) !== 0;
        let last = performance.now();
        for (; i < items.length; i++) {
            const r = star ? fn.apply(ctx, items[i]) : direct ? fn(items[i]) : fn.call(ctx, items[i]);
            if (isThenable(r)) {
                return (async () => {
                    res.push(await r);
                    return this.runChunk(fn, ctx, t, items, i + 1, res);
                })();
            }
            res.push(r);
            if (progress) {
                const now = performance.now();
                if (now - last >= PROGRESS_MS) {
                    last = now;
                    this.tr.post({ t: 'progress', id: t.id, n: i + 1 });
                }
            }
        }
        if (progress && items.length > 0)
            this.tr.post({ t: 'progress', id: t.id, n: items.length });
        return res;
    }
    pushResult(t, r, ms) {
        const ctx = t.flags & F_TRANSFER ? { transfer: [] } : NO_CTX;
        const value = encodeValue(r, this.tr.backend, 'the task result', ctx);
        if (ctx.transfer?.length) {
            this.outTransfer ??= [];
            this.outTransfer.push(...ctx.transfer);
        }
        this.out.push(t.id, value !== r ? S_OK_ENCODED : S_OK, value, ms);
    }
    /** Sends pending results in one message (one by one if the pack cannot be cloned). */
    flush() {
        this.lastFlush = performance.now();
        if (this.out.length === 0)
            return;
        const r = this.out;
        const transfer = this.outTransfer;
        this.out = [];
        this.outTransfer = undefined;
        try {
            this.tr.post({ t: 'done', r }, transfer);
        }
        catch {
            for (let i = 0; i < r.length; i += 4) {
                const one = r.slice(i, i + 4);
                try {
                    this.tr.post({ t: 'done', r: one });
                }
                catch (e) {
                    const err = errorToData(e);
                    err.message = `the task result could not be sent back: ${err.message}`;
                    this.tr.post({ t: 'done', r: [one[0], S_ERROR, err, one[3]] });
                }
            }
        }
    }
}
/** How to load a TypeScript task module, when the worker could not (no loader registered in it). */
function tsHint(url, e) {
    if (e.code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !/\.[cm]?ts$/.test(url))
        return '';
    return "; TypeScript module tasks need a loader in every worker, e.g. new Pool({ initializer: task(import.meta.resolve('tsx/esm/api'), 'register') })";
}
function setupError(message) {
    return { name: 'TypeError', message, stack: undefined, setup: true };
}
function isErrorData(e) {
    return (typeof e === 'object' &&
        e !== null &&
        !(e instanceof Error) &&
        typeof e.message === 'string' &&
        'stack' in e);
}
//# sourceMappingURL=runtime.js.map