/**
 * `Manager`: a shared `dict` and `list` whose operations a server in the creating thread applies
 * one at a time, so every worker sees one consistent state. Requests travel through a shared
 * message ring (`Queue`); each client thread/process gets its own reply ring, whose name rides
 * along with its requests. The server polls with unref'd timers when idle, so a Manager never
 * keeps a process alive by itself.
 * @module
 */
import { ClosedError } from './errors.js';
import { requireShm } from './native.js';
import { Region } from './region.js';
import { Ring } from './ring.js';
import { registerKind, SHARE } from './shareable.js';
import { blockAsync } from './wait.js';
/** Client side of one manager in this thread: its reply ring and the calls in flight. */
class Client {
    requests;
    reply = new Ring({ capacity: 1 << 18, memory: 'shm' });
    pending = new Map();
    #next = 1;
    #reading = false;
    constructor(requests) {
        this.requests = requests;
    }
    call(obj, op, args) {
        const id = this.#next++;
        const req = [
            this.reply.region.handle.t === 'shm' ? this.reply.region.handle.name : '',
            id,
            obj,
            op,
            args,
        ];
        const e = this.requests.encode(req);
        const p = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
        const put = () => blockAsync(this.requests.putter(() => this.requests.tryPut(e)), Infinity, undefined).then(() => undefined);
        try {
            if (!this.requests.tryPut(e))
                void put().catch((err) => this.#fail(id, err));
        }
        catch (err) {
            this.pending.delete(id);
            return Promise.reject(err instanceof ClosedError ? new ClosedError('the Manager was shut down') : err);
        }
        if (!this.#reading)
            void this.#read();
        return p;
    }
    #fail(id, err) {
        const w = this.pending.get(id);
        this.pending.delete(id);
        w?.reject(err instanceof ClosedError ? new ClosedError('the Manager was shut down') : err);
    }
    async #read() {
        this.#reading = true;
        try {
            while (this.pending.size > 0) {
                const r = await blockAsync(this.reply.getter(() => this.reply.tryGet()), 200, undefined);
                if (typeof r === 'symbol') {
                    if (this.requests.closed)
                        for (const id of [...this.pending.keys()])
                            this.#fail(id, new ClosedError('shut down'));
                    continue;
                }
                const [id, ok, value] = r.v;
                const w = this.pending.get(id);
                this.pending.delete(id);
                if (ok)
                    w?.resolve(value);
                else
                    w?.reject(Object.assign(new Error(String(value.message)), {
                        name: value.name,
                    }));
            }
        }
        finally {
            this.#reading = false;
        }
    }
}
const clients = new Map();
function clientFor(requests) {
    const key = requests.region.handle.name;
    let c = clients.get(key);
    if (!c) {
        c = new Client(requests);
        clients.set(key, c);
    }
    return c;
}
/** Base of the proxies: a manager's request ring and an object id. */
class ManagedProxy {
    /** @internal */ requests;
    /** @internal */ id;
    /** @internal */
    constructor(requests, id) {
        this.requests = requests;
        this.id = id;
    }
    /** @internal */ call(op, ...args) {
        return clientFor(this.requests).call(this.id, op, args);
    }
}
/**
 * A dict that lives in the manager's server; every method is one request, applied atomically.
 * Keys are strings or numbers; values pass by structured clone.
 *
 * @example
 * ```ts
 * const d = manager.dict<number>();
 * await d.set('a', 1);
 * await d.add('a', 41); // atomic read-modify-write on the server → 42
 * console.log(await d.get('a'), await d.toObject());
 * ```
 */
export class DictProxy extends ManagedProxy {
    /** Value of `key`, or `fallback` when absent. @example `await d.get('k', 0)` */
    get(key, fallback) {
        return this.call('get', key, fallback);
    }
    /** Sets `key`. @example `await d.set('k', 1)` */
    set(key, value) {
        return this.call('set', key, value);
    }
    /** Whether `key` is present. @example `await d.has('k')` */
    has(key) {
        return this.call('has', key);
    }
    /** Removes `key`; whether it was present. @example `await d.delete('k')` */
    delete(key) {
        return this.call('delete', key);
    }
    /** Removes and returns `key`'s value (or `fallback`). @example `await d.pop('k')` */
    pop(key, fallback) {
        return this.call('pop', key, fallback);
    }
    /** Sets `key` to `value` unless present; returns the value now stored. @example `await d.setDefault('k', [])` */
    setDefault(key, value) {
        return this.call('setDefault', key, value);
    }
    /** Adds `delta` to a numeric value (missing: 0) and returns the sum, atomically. @example `await d.add('hits', 1)` */
    add(key, delta) {
        return this.call('add', key, delta);
    }
    /** Sets every entry of `entries`. @example `await d.update({ a: 1, b: 2 })` */
    update(entries) {
        return this.call('update', entries);
    }
    /** Keys. @example `await d.keys()` */
    keys() {
        return this.call('keys');
    }
    /** Values. @example `await d.values()` */
    values() {
        return this.call('values');
    }
    /** [key, value] pairs. @example `await d.entries()` */
    entries() {
        return this.call('entries');
    }
    /** Number of entries. @example `await d.size()` */
    size() {
        return this.call('size');
    }
    /** Removes every entry. @example `await d.clear()` */
    clear() {
        return this.call('clear');
    }
    /** A plain-object copy. @example `await d.toObject()` */
    toObject() {
        return this.call('toObject');
    }
    /** @internal */
    [SHARE](backend) {
        return { k: 'DictProxy', q: this.requests.region.handleFor(backend, 'this Manager dict'), id: this.id };
    }
}
/**
 * A list that lives in the manager's server; every method is one request, applied atomically.
 *
 * @example
 * ```ts
 * const l = manager.list<string>();
 * await l.append('x');
 * console.log(await l.length(), await l.toArray());
 * ```
 */
export class ListProxy extends ManagedProxy {
    /** Appends. @example `await l.append(1)` */
    append(value) {
        return this.call('append', value);
    }
    /** Appends all. @example `await l.extend([1, 2])` */
    extend(values) {
        return this.call('extend', values);
    }
    /** Item `index` (negative: from the end); RangeError when out of range. @example `await l.get(-1)` */
    get(index) {
        return this.call('get', index);
    }
    /** Replaces item `index`. @example `await l.set(0, 'a')` */
    set(index, value) {
        return this.call('set', index, value);
    }
    /** Inserts before `index`. @example `await l.insert(0, 'first')` */
    insert(index, value) {
        return this.call('insert', index, value);
    }
    /** Removes and returns item `index` (default: last). @example `await l.pop()` */
    pop(index) {
        return this.call('pop', index);
    }
    /** Index of the first item equal to `value` (structured data compared by JSON), or -1. @example `await l.indexOf('x')` */
    indexOf(value) {
        return this.call('indexOf', value);
    }
    /** Number of items. @example `await l.length()` */
    length() {
        return this.call('length');
    }
    /** Removes every item. @example `await l.clear()` */
    clear() {
        return this.call('clear');
    }
    /** A copy of the items. @example `await l.toArray()` */
    toArray() {
        return this.call('toArray');
    }
    /** @internal */
    [SHARE](backend) {
        return { k: 'ListProxy', q: this.requests.region.handleFor(backend, 'this Manager list'), id: this.id };
    }
}
function key(k) {
    if (typeof k !== 'string' && typeof k !== 'number')
        throw new TypeError(`dict keys must be strings or numbers, got ${typeof k}`);
    return k;
}
function index(l, i, insert = false) {
    if (typeof i !== 'number' || !Number.isInteger(i))
        throw new TypeError(`index must be an integer, got ${typeof i}`);
    const j = i < 0 ? l.length + i : i;
    if (j < 0 || j > l.length || (!insert && j === l.length))
        throw new RangeError(`list index ${i} out of range (length ${l.length})`);
    return j;
}
const same = (a, b) => a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));
function applyDict(d, op, a) {
    switch (op) {
        case 'get':
            return d.has(key(a[0])) ? d.get(key(a[0])) : a[1];
        case 'set':
            d.set(key(a[0]), a[1]);
            return undefined;
        case 'has':
            return d.has(key(a[0]));
        case 'delete':
            return d.delete(key(a[0]));
        case 'pop': {
            const k = key(a[0]);
            if (!d.has(k))
                return a[1];
            const v = d.get(k);
            d.delete(k);
            return v;
        }
        case 'setDefault':
            if (!d.has(key(a[0])))
                d.set(key(a[0]), a[1]);
            return d.get(key(a[0]));
        case 'add': {
            const k = key(a[0]);
            const cur = d.get(k) ?? 0;
            if (typeof cur !== 'number' || typeof a[1] !== 'number')
                throw new TypeError(`add() needs numbers (key ${String(k)})`);
            d.set(k, cur + a[1]);
            return cur + a[1];
        }
        case 'update':
            for (const [k, v] of Object.entries(a[0]))
                d.set(k, v);
            return undefined;
        case 'keys':
            return [...d.keys()];
        case 'values':
            return [...d.values()];
        case 'entries':
            return [...d.entries()];
        case 'size':
            return d.size;
        case 'clear':
            d.clear();
            return undefined;
        case 'toObject':
            return Object.fromEntries(d);
    }
    throw new TypeError(`unknown dict operation '${op}'`);
}
function applyList(l, op, a) {
    switch (op) {
        case 'append':
            l.push(a[0]);
            return undefined;
        case 'extend':
            if (!Array.isArray(a[0]))
                throw new TypeError('extend() needs an array');
            for (const v of a[0])
                l.push(v);
            return undefined;
        case 'get':
            return l[index(l, a[0])];
        case 'set':
            l[index(l, a[0])] = a[1];
            return undefined;
        case 'insert':
            l.splice(index(l, a[0], true), 0, a[1]);
            return undefined;
        case 'pop':
            return l.splice(index(l, a[0] ?? -1), 1)[0];
        case 'indexOf':
            return l.findIndex((x) => same(x, a[0]));
        case 'length':
            return l.length;
        case 'clear':
            l.length = 0;
            return undefined;
        case 'toArray':
            return l;
    }
    throw new TypeError(`unknown list operation '${op}'`);
}
/**
 * Hosts shared dicts and lists in this thread (Python's `multiprocessing.Manager()`). Proxies
 * (`manager.dict()`, `manager.list()`) can be handed to pool workers and `Process`es on both
 * backends. Needs the native core (shared memory). Call `shutdown()` when done.
 *
 * @example
 * ```ts
 * import { Manager, Process } from '@polycore/pool';
 * const manager = new Manager();
 * const d = manager.dict<number>();
 * const p = new Process({ target: async (d) => { await d.add('n', 1); }, args: [d], backend: 'processes' });
 * p.start(); await p.join();
 * console.log(await d.get('n')); // 1
 * manager.shutdown();
 * ```
 */
export class Manager {
    #requests;
    #objects = new Map();
    #replies = new Map();
    #nextId = 1;
    #stopped = false;
    constructor() {
        requireShm('Manager');
        this.#requests = new Ring({ capacity: 1 << 20, memory: 'shm' });
        void this.#serve();
    }
    /**
     * A new shared dict (optionally filled from `init`).
     *
     * @example
     * ```ts
     * const d = manager.dict({ a: 1 });
     * ```
     */
    dict(init) {
        const id = this.#add(new Map(Object.entries(init ?? {})));
        return new DictProxy(this.#requests, id);
    }
    /**
     * A new shared list (optionally a copy of `init`).
     *
     * @example
     * ```ts
     * const l = manager.list([1, 2, 3]);
     * ```
     */
    list(init) {
        if (init !== undefined && !Array.isArray(init))
            throw new TypeError('init must be an array');
        const id = this.#add([...(init ?? [])]);
        return new ListProxy(this.#requests, id);
    }
    #add(s) {
        if (this.#stopped)
            throw new ClosedError('the Manager was shut down');
        const id = this.#nextId++;
        this.#objects.set(id, s);
        return id;
    }
    /**
     * Stops the server; later calls on its proxies reject with ClosedError.
     *
     * @example
     * ```ts
     * manager.shutdown();
     * ```
     */
    shutdown() {
        this.#stopped = true;
        this.#requests.close();
    }
    #handle(req) {
        const [replyName, id, obj, op, args] = req;
        let reply;
        try {
            const s = this.#objects.get(obj);
            if (!s)
                throw new RangeError(`no managed object ${obj}`);
            reply = [id, true, Array.isArray(s) ? applyList(s, op, args) : applyDict(s, op, args)];
        }
        catch (e) {
            reply = [id, false, { name: e.name, message: e.message }];
        }
        let ring = this.#replies.get(replyName);
        if (!ring) {
            ring = new Ring(undefined, Region.from({ t: 'shm', name: replyName }));
            this.#replies.set(replyName, ring);
        }
        const out = ring;
        let e;
        try {
            e = out.encode(reply);
        }
        catch (err) {
            e = out.encode([id, false, { name: 'TypeError', message: err.message }]);
        }
        if (!ring.tryPut(e))
            void blockAsync(ring.putter(() => ring.tryPut(e)), 10_000, undefined).catch(() => { });
    }
    async #serve() {
        let idle = 0;
        while (!this.#stopped) {
            let r;
            try {
                r = this.#requests.tryGet();
            }
            catch {
                return; // closed
            }
            if (r) {
                idle = 0;
                this.#handle(r.v);
                continue;
            }
            idle++;
            if (idle < 32)
                await new Promise((res) => setImmediate(res));
            else
                await new Promise((res) => setTimeout(res, Math.min(16, 1 << Math.min(4, (idle - 32) >> 3))).unref());
        }
    }
}
const ringFrom = (d) => new Ring(undefined, Region.from(d.q));
registerKind('DictProxy', (d) => new DictProxy(ringFrom(d), d.id));
registerKind('ListProxy', (d) => new ListProxy(ringFrom(d), d.id));
//# sourceMappingURL=manager.js.map