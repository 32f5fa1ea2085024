/**
 * The tasks a worker holds, in dispatch order. Workers run tasks in order, so results almost always
 * match the oldest entry: lookups and removals are O(1) at the head (a Map costs more memory and GC).
 * @module
 */

/** Ordered set of in-flight items keyed by `id` (Map-like API). */
export class InFlight<T extends { readonly id: number }> {
  private items: (T | undefined)[] = [];
  private head = 0;
  private count = 0;

  /** Number of items held. */
  get size(): number {
    return this.count;
  }

  /** Adds an item at the tail. */
  set(_id: number, item: T): void {
    this.items.push(item);
    this.count++;
  }

  private indexOf(id: number): number {
    const it = this.items;
    if (it[this.head]?.id === id) return this.head;
    for (let i = this.head; i < it.length; i++) if (it[i]?.id === id) return i;
    return -1;
  }

  /** The item with `id`, if held. */
  get(id: number): T | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.items[i];
  }

  /** Whether an item with `id` is held. */
  has(id: number): boolean {
    return this.indexOf(id) >= 0;
  }

  /** Removes the item with `id`; returns whether it was held. */
  delete(id: number): boolean {
    const i = this.indexOf(id);
    if (i < 0) return false;
    this.items[i] = undefined;
    this.count--;
    while (this.head < this.items.length && this.items[this.head] === undefined) this.head++;
    if (this.count === 0) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return true;
  }

  /** Items in dispatch order. */
  *values(): IterableIterator<T> {
    for (let i = this.head; i < this.items.length; i++) {
      const t = this.items[i];
      if (t !== undefined) yield t;
    }
  }

  /** Removes everything. */
  clear(): void {
    this.items = [];
    this.head = 0;
    this.count = 0;
  }
}
