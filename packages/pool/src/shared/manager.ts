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
import { registerKind, SHARE, type Shareable, type SharedData } from './shareable.js';
import { blockAsync } from './wait.js';

type Request = [reply: string, id: number, obj: number, op: string, args: unknown[]];
type Reply = [id: number, ok: boolean, value: unknown];

/** Client side of one manager in this thread: its reply ring and the calls in flight. */
class Client {
  readonly reply = new Ring({ capacity: 1 << 18, memory: 'shm' });
  readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  #next = 1;
  #reading = false;

  constructor(readonly requests: Ring) {}

  call(obj: number, op: string, args: unknown[]): Promise<unknown> {
    const id = this.#next++;
    const req: Request = [
      this.reply.region.handle.t === 'shm' ? this.reply.region.handle.name : '',
      id,
      obj,
      op,
      args,
    ];
    const e = this.requests.encode(req);
    const p = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    const put = (): Promise<unknown> =>
      blockAsync(
        this.requests.putter(() => this.requests.tryPut(e)),
        Infinity,
        undefined,
      ).then(() => undefined);
    try {
      if (!this.requests.tryPut(e)) void put().catch((err) => this.#fail(id, err));
    } catch (err) {
      this.pending.delete(id);
      return Promise.reject(err instanceof ClosedError ? new ClosedError('the Manager was shut down') : err);
    }
    if (!this.#reading) void this.#read();
    return p;
  }

  #fail(id: number, err: unknown): void {
    const w = this.pending.get(id);
    this.pending.delete(id);
    w?.reject(err instanceof ClosedError ? new ClosedError('the Manager was shut down') : err);
  }

  async #read(): Promise<void> {
    this.#reading = true;
    try {
      while (this.pending.size > 0) {
        const r = await blockAsync(
          this.reply.getter(() => this.reply.tryGet()),
          200,
          undefined,
        );
        if (typeof r === 'symbol') {
          if (this.requests.closed)
            for (const id of [...this.pending.keys()]) this.#fail(id, new ClosedError('shut down'));
          continue;
        }
        const [id, ok, value] = r.v as Reply;
        const w = this.pending.get(id);
        this.pending.delete(id);
        if (ok) w?.resolve(value);
        else
          w?.reject(
            Object.assign(new Error(String((value as { message: string }).message)), {
              name: (value as { name: string }).name,
            }),
          );
      }
    } finally {
      this.#reading = false;
    }
  }
}

const clients = new Map<string, Client>();
function clientFor(requests: Ring): Client {
  const key = (requests.region.handle as { name: string }).name;
  let c = clients.get(key);
  if (!c) {
    c = new Client(requests);
    clients.set(key, c);
  }
  return c;
}

/** Base of the proxies: a manager's request ring and an object id. */
abstract class ManagedProxy implements Shareable {
  /** @internal */ readonly requests: Ring;
  /** @internal */ readonly id: number;

  /** @internal */
  constructor(requests: Ring, id: number) {
    this.requests = requests;
    this.id = id;
  }

  /** @internal */ protected call<R>(op: string, ...args: unknown[]): Promise<R> {
    return clientFor(this.requests).call(this.id, op, args) as Promise<R>;
  }

  abstract [SHARE](backend: string): SharedData;
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
export class DictProxy<V = unknown> extends ManagedProxy {
  /** Value of `key`, or `fallback` when absent. @example `await d.get('k', 0)` */
  get(key: string | number, fallback?: V): Promise<V | undefined> {
    return this.call('get', key, fallback);
  }
  /** Sets `key`. @example `await d.set('k', 1)` */
  set(key: string | number, value: V): Promise<void> {
    return this.call('set', key, value);
  }
  /** Whether `key` is present. @example `await d.has('k')` */
  has(key: string | number): Promise<boolean> {
    return this.call('has', key);
  }
  /** Removes `key`; whether it was present. @example `await d.delete('k')` */
  delete(key: string | number): Promise<boolean> {
    return this.call('delete', key);
  }
  /** Removes and returns `key`'s value (or `fallback`). @example `await d.pop('k')` */
  pop(key: string | number, fallback?: V): Promise<V | undefined> {
    return this.call('pop', key, fallback);
  }
  /** Sets `key` to `value` unless present; returns the value now stored. @example `await d.setDefault('k', [])` */
  setDefault(key: string | number, value: V): Promise<V> {
    return this.call('setDefault', key, value);
  }
  /** Adds `delta` to a numeric value (missing: 0) and returns the sum, atomically. @example `await d.add('hits', 1)` */
  add(key: string | number, delta: number): Promise<number> {
    return this.call('add', key, delta);
  }
  /** Sets every entry of `entries`. @example `await d.update({ a: 1, b: 2 })` */
  update(entries: Record<string, V>): Promise<void> {
    return this.call('update', entries);
  }
  /** Keys. @example `await d.keys()` */
  keys(): Promise<(string | number)[]> {
    return this.call('keys');
  }
  /** Values. @example `await d.values()` */
  values(): Promise<V[]> {
    return this.call('values');
  }
  /** [key, value] pairs. @example `await d.entries()` */
  entries(): Promise<[string | number, V][]> {
    return this.call('entries');
  }
  /** Number of entries. @example `await d.size()` */
  size(): Promise<number> {
    return this.call('size');
  }
  /** Removes every entry. @example `await d.clear()` */
  clear(): Promise<void> {
    return this.call('clear');
  }
  /** A plain-object copy. @example `await d.toObject()` */
  toObject(): Promise<Record<string, V>> {
    return this.call('toObject');
  }
  /** @internal */
  [SHARE](backend: string): SharedData {
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
export class ListProxy<V = unknown> extends ManagedProxy {
  /** Appends. @example `await l.append(1)` */
  append(value: V): Promise<void> {
    return this.call('append', value);
  }
  /** Appends all. @example `await l.extend([1, 2])` */
  extend(values: V[]): Promise<void> {
    return this.call('extend', values);
  }
  /** Item `index` (negative: from the end); RangeError when out of range. @example `await l.get(-1)` */
  get(index: number): Promise<V> {
    return this.call('get', index);
  }
  /** Replaces item `index`. @example `await l.set(0, 'a')` */
  set(index: number, value: V): Promise<void> {
    return this.call('set', index, value);
  }
  /** Inserts before `index`. @example `await l.insert(0, 'first')` */
  insert(index: number, value: V): Promise<void> {
    return this.call('insert', index, value);
  }
  /** Removes and returns item `index` (default: last). @example `await l.pop()` */
  pop(index?: number): Promise<V> {
    return this.call('pop', index);
  }
  /** Index of the first item equal to `value` (structured data compared by JSON), or -1. @example `await l.indexOf('x')` */
  indexOf(value: V): Promise<number> {
    return this.call('indexOf', value);
  }
  /** Number of items. @example `await l.length()` */
  length(): Promise<number> {
    return this.call('length');
  }
  /** Removes every item. @example `await l.clear()` */
  clear(): Promise<void> {
    return this.call('clear');
  }
  /** A copy of the items. @example `await l.toArray()` */
  toArray(): Promise<V[]> {
    return this.call('toArray');
  }
  /** @internal */
  [SHARE](backend: string): SharedData {
    return { k: 'ListProxy', q: this.requests.region.handleFor(backend, 'this Manager list'), id: this.id };
  }
}

type Store = Map<string | number, unknown> | unknown[];

function key(k: unknown): string | number {
  if (typeof k !== 'string' && typeof k !== 'number')
    throw new TypeError(`dict keys must be strings or numbers, got ${typeof k}`);
  return k;
}

function index(l: unknown[], i: unknown, insert = false): number {
  if (typeof i !== 'number' || !Number.isInteger(i))
    throw new TypeError(`index must be an integer, got ${typeof i}`);
  const j = i < 0 ? l.length + i : i;
  if (j < 0 || j > l.length || (!insert && j === l.length))
    throw new RangeError(`list index ${i} out of range (length ${l.length})`);
  return j;
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));

function applyDict(d: Map<string | number, unknown>, op: string, a: unknown[]): unknown {
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
      if (!d.has(k)) return a[1];
      const v = d.get(k);
      d.delete(k);
      return v;
    }
    case 'setDefault':
      if (!d.has(key(a[0]))) d.set(key(a[0]), a[1]);
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
      for (const [k, v] of Object.entries(a[0] as object)) d.set(k, v);
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

function applyList(l: unknown[], op: string, a: unknown[]): unknown {
  switch (op) {
    case 'append':
      l.push(a[0]);
      return undefined;
    case 'extend':
      if (!Array.isArray(a[0])) throw new TypeError('extend() needs an array');
      for (const v of a[0]) l.push(v);
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
  readonly #requests: Ring;
  readonly #objects = new Map<number, Store>();
  readonly #replies = new Map<string, Ring>();
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
  dict<V = unknown>(init?: Record<string, V>): DictProxy<V> {
    const id = this.#add(new Map(Object.entries(init ?? {})));
    return new DictProxy<V>(this.#requests, id);
  }

  /**
   * A new shared list (optionally a copy of `init`).
   *
   * @example
   * ```ts
   * const l = manager.list([1, 2, 3]);
   * ```
   */
  list<V = unknown>(init?: V[]): ListProxy<V> {
    if (init !== undefined && !Array.isArray(init)) throw new TypeError('init must be an array');
    const id = this.#add([...(init ?? [])]);
    return new ListProxy<V>(this.#requests, id);
  }

  #add(s: Store): number {
    if (this.#stopped) throw new ClosedError('the Manager was shut down');
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
  shutdown(): void {
    this.#stopped = true;
    this.#requests.close();
  }

  #handle(req: Request): void {
    const [replyName, id, obj, op, args] = req;
    let reply: Reply;
    try {
      const s = this.#objects.get(obj);
      if (!s) throw new RangeError(`no managed object ${obj}`);
      reply = [id, true, Array.isArray(s) ? applyList(s, op, args) : applyDict(s, op, args)];
    } catch (e) {
      reply = [id, false, { name: (e as Error).name, message: (e as Error).message }];
    }
    let ring = this.#replies.get(replyName);
    if (!ring) {
      ring = new Ring(undefined, Region.from({ t: 'shm', name: replyName }));
      this.#replies.set(replyName, ring);
    }
    const out = ring;
    let e: ReturnType<Ring['encode']>;
    try {
      e = out.encode(reply);
    } catch (err) {
      e = out.encode([id, false, { name: 'TypeError', message: (err as Error).message }]);
    }
    if (!ring.tryPut(e))
      void blockAsync(
        ring.putter(() => ring.tryPut(e)),
        10_000,
        undefined,
      ).catch(() => {});
  }

  async #serve(): Promise<void> {
    let idle = 0;
    while (!this.#stopped) {
      let r: { v: unknown } | undefined;
      try {
        r = this.#requests.tryGet();
      } catch {
        return; // closed
      }
      if (r) {
        idle = 0;
        this.#handle(r.v as Request);
        continue;
      }
      idle++;
      if (idle < 32) await new Promise<void>((res) => setImmediate(res));
      else
        await new Promise<void>((res) =>
          setTimeout(res, Math.min(16, 1 << Math.min(4, (idle - 32) >> 3))).unref(),
        );
    }
  }
}

const ringFrom = (d: SharedData): Ring => new Ring(undefined, Region.from(d.q as never));
registerKind('DictProxy', (d) => new DictProxy(ringFrom(d), d.id as number));
registerKind('ListProxy', (d) => new ListProxy(ringFrom(d), d.id as number));
