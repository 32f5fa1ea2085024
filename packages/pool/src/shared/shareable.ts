/**
 * How shared primitives cross to workers: each kind turns itself into small structured-cloneable
 * data (its region's handle + offsets) and is revived on the other side over the same memory.
 * @module
 */

/** Method a shareable object implements: its data for `backend` ('threads' | 'processes' | 'inline'). */
export const SHARE: unique symbol = Symbol.for('polycore.shared.share');

/** Wire form: `k` names the kind. */
export interface SharedData {
  k: string;
  [key: string]: unknown;
}

/** Something that can be handed to a worker and keeps working there. */
export interface Shareable {
  [SHARE](backend: string): SharedData;
}

const revivers = new Map<string, (d: SharedData) => unknown>();

/** Registers how kind `k` is rebuilt in a worker. */
export function registerKind(k: string, revive: (d: SharedData) => unknown): void {
  revivers.set(k, revive);
}

/** True when `v` is a shared primitive. */
export function isShareable(v: unknown): v is Shareable {
  return typeof v === 'object' && v !== null && typeof (v as Partial<Shareable>)[SHARE] === 'function';
}

/**
 * Rebuilds a shared primitive from its wire form.
 *
 * @example
 * ```ts
 * const q2 = revive(q[SHARE]('threads')); // same queue, same memory
 * ```
 */
export function revive(d: SharedData): unknown {
  const f = revivers.get(d.k);
  if (!f) throw new TypeError(`unknown shared primitive kind '${d.k}'`);
  return f(d);
}
