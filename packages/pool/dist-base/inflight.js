/**
 * The tasks a worker holds, in dispatch order. Workers run tasks in order, so results almost always
 * match the oldest entry: lookups and removals are O(1) at the head (a Map costs more memory and GC).
 * @module
 */
/** Ordered set of in-flight items keyed by `id` (Map-like API). */
export class InFlight {
    items = [];
    head = 0;
    count = 0;
    /** Number of items held. */
    get size() {
        return this.count;
    }
    /** Adds an item at the tail. */
    set(_id, item) {
        this.items.push(item);
        this.count++;
    }
    indexOf(id) {
        const it = this.items;
        if (it[this.head]?.id === id)
            return this.head;
        for (let i = this.head; i < it.length; i++)
            if (it[i]?.id === id)
                return i;
        return -1;
    }
    /** The item with `id`, if held. */
    get(id) {
        const i = this.indexOf(id);
        return i < 0 ? undefined : this.items[i];
    }
    /** Whether an item with `id` is held. */
    has(id) {
        return this.indexOf(id) >= 0;
    }
    /** Removes the item with `id`; returns whether it was held. */
    delete(id) {
        const i = this.indexOf(id);
        if (i < 0)
            return false;
        this.items[i] = undefined;
        this.count--;
        while (this.head < this.items.length && this.items[this.head] === undefined)
            this.head++;
        if (this.count === 0) {
            this.items = [];
            this.head = 0;
        }
        else if (this.head > 1024 && this.head * 2 > this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
        return true;
    }
    /** Items in dispatch order. */
    *values() {
        for (let i = this.head; i < this.items.length; i++) {
            const t = this.items[i];
            if (t !== undefined)
                yield t;
        }
    }
    /** Removes everything. */
    clear() {
        this.items = [];
        this.head = 0;
        this.count = 0;
    }
}
//# sourceMappingURL=inflight.js.map