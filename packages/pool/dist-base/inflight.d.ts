/**
 * The tasks a worker holds, in dispatch order. Workers run tasks in order, so results almost always
 * match the oldest entry: lookups and removals are O(1) at the head (a Map costs more memory and GC).
 * @module
 */
/** Ordered set of in-flight items keyed by `id` (Map-like API). */
export declare class InFlight<T extends {
    readonly id: number;
}> {
    private items;
    private head;
    private count;
    /** Number of items held. */
    get size(): number;
    /** Adds an item at the tail. */
    set(_id: number, item: T): void;
    private indexOf;
    /** The item with `id`, if held. */
    get(id: number): T | undefined;
    /** Whether an item with `id` is held. */
    has(id: number): boolean;
    /** Removes the item with `id`; returns whether it was held. */
    delete(id: number): boolean;
    /** Items in dispatch order. */
    values(): IterableIterator<T>;
    /** Removes everything. */
    clear(): void;
}
//# sourceMappingURL=inflight.d.ts.map