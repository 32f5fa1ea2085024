import { Ring } from './ring.js';
import { SHARE, type Shareable, type SharedData } from './shareable.js';
/** Base of the proxies: a manager's request ring and an object id. */
declare abstract class ManagedProxy implements Shareable {
    /** @internal */ readonly requests: Ring;
    /** @internal */ readonly id: number;
    /** @internal */
    constructor(requests: Ring, id: number);
    /** @internal */ protected call<R>(op: string, ...args: unknown[]): Promise<R>;
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
export declare class DictProxy<V = unknown> extends ManagedProxy {
    /** Value of `key`, or `fallback` when absent. @example `await d.get('k', 0)` */
    get(key: string | number, fallback?: V): Promise<V | undefined>;
    /** Sets `key`. @example `await d.set('k', 1)` */
    set(key: string | number, value: V): Promise<void>;
    /** Whether `key` is present. @example `await d.has('k')` */
    has(key: string | number): Promise<boolean>;
    /** Removes `key`; whether it was present. @example `await d.delete('k')` */
    delete(key: string | number): Promise<boolean>;
    /** Removes and returns `key`'s value (or `fallback`). @example `await d.pop('k')` */
    pop(key: string | number, fallback?: V): Promise<V | undefined>;
    /** Sets `key` to `value` unless present; returns the value now stored. @example `await d.setDefault('k', [])` */
    setDefault(key: string | number, value: V): Promise<V>;
    /** Adds `delta` to a numeric value (missing: 0) and returns the sum, atomically. @example `await d.add('hits', 1)` */
    add(key: string | number, delta: number): Promise<number>;
    /** Sets every entry of `entries`. @example `await d.update({ a: 1, b: 2 })` */
    update(entries: Record<string, V>): Promise<void>;
    /** Keys. @example `await d.keys()` */
    keys(): Promise<(string | number)[]>;
    /** Values. @example `await d.values()` */
    values(): Promise<V[]>;
    /** [key, value] pairs. @example `await d.entries()` */
    entries(): Promise<[string | number, V][]>;
    /** Number of entries. @example `await d.size()` */
    size(): Promise<number>;
    /** Removes every entry. @example `await d.clear()` */
    clear(): Promise<void>;
    /** A plain-object copy. @example `await d.toObject()` */
    toObject(): Promise<Record<string, V>>;
    /** @internal */
    [SHARE](backend: string): SharedData;
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
export declare class ListProxy<V = unknown> extends ManagedProxy {
    /** Appends. @example `await l.append(1)` */
    append(value: V): Promise<void>;
    /** Appends all. @example `await l.extend([1, 2])` */
    extend(values: V[]): Promise<void>;
    /** Item `index` (negative: from the end); RangeError when out of range. @example `await l.get(-1)` */
    get(index: number): Promise<V>;
    /** Replaces item `index`. @example `await l.set(0, 'a')` */
    set(index: number, value: V): Promise<void>;
    /** Inserts before `index`. @example `await l.insert(0, 'first')` */
    insert(index: number, value: V): Promise<void>;
    /** Removes and returns item `index` (default: last). @example `await l.pop()` */
    pop(index?: number): Promise<V>;
    /** Index of the first item equal to `value` (structured data compared by JSON), or -1. @example `await l.indexOf('x')` */
    indexOf(value: V): Promise<number>;
    /** Number of items. @example `await l.length()` */
    length(): Promise<number>;
    /** Removes every item. @example `await l.clear()` */
    clear(): Promise<void>;
    /** A copy of the items. @example `await l.toArray()` */
    toArray(): Promise<V[]>;
    /** @internal */
    [SHARE](backend: string): SharedData;
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
export declare class Manager {
    #private;
    constructor();
    /**
     * A new shared dict (optionally filled from `init`).
     *
     * @example
     * ```ts
     * const d = manager.dict({ a: 1 });
     * ```
     */
    dict<V = unknown>(init?: Record<string, V>): DictProxy<V>;
    /**
     * A new shared list (optionally a copy of `init`).
     *
     * @example
     * ```ts
     * const l = manager.list([1, 2, 3]);
     * ```
     */
    list<V = unknown>(init?: V[]): ListProxy<V>;
    /**
     * Stops the server; later calls on its proxies reject with ClosedError.
     *
     * @example
     * ```ts
     * manager.shutdown();
     * ```
     */
    shutdown(): void;
}
export {};
//# sourceMappingURL=manager.d.ts.map