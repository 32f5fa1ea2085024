/**
 * How shared primitives cross to workers: each kind turns itself into small structured-cloneable
 * data (its region's handle + offsets) and is revived on the other side over the same memory.
 * @module
 */
/** Method a shareable object implements: its data for `backend` ('threads' | 'processes' | 'inline'). */
export declare const SHARE: unique symbol;
/** Wire form: `k` names the kind. */
export interface SharedData {
    k: string;
    [key: string]: unknown;
}
/** Something that can be handed to a worker and keeps working there. */
export interface Shareable {
    [SHARE](backend: string): SharedData;
}
/** Registers how kind `k` is rebuilt in a worker. */
export declare function registerKind(k: string, revive: (d: SharedData) => unknown): void;
/** True when `v` is a shared primitive. */
export declare function isShareable(v: unknown): v is Shareable;
/**
 * Rebuilds a shared primitive from its wire form.
 *
 * @example
 * ```ts
 * const q2 = revive(q[SHARE]('threads')); // same queue, same memory
 * ```
 */
export declare function revive(d: SharedData): unknown;
//# sourceMappingURL=shareable.d.ts.map