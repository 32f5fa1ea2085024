/**
 * Helpers every region-backed primitive shares: where its words live, and how it is revived.
 * @module
 */
import { type MemoryKind, Region } from './region.js';
import type { SharedData } from './shareable.js';

/** Where an existing primitive lives (internal constructor argument). */
export interface At {
  region: Region;
  base: number;
}

/** The primitive's memory: `at` when reviving, else a fresh region of `words` Int32 words. */
export function place(at: At | undefined, words: number, memory: MemoryKind | undefined): At {
  return at ?? { region: Region.create(words * 4, memory ?? 'auto'), base: 0 };
}

/** `at` from wire data `{ r, o }`. */
export function atOf(d: SharedData): At {
  return { region: Region.from(d.r as never), base: d.o as number };
}

/** Checks `options.memory`. */
export function memoryOf(options: { memory?: MemoryKind } | undefined): MemoryKind {
  const m = options?.memory ?? 'auto';
  if (m !== 'auto' && m !== 'shm' && m !== 'sab')
    throw new TypeError(`options.memory must be 'auto', 'shm' or 'sab', got ${String(m)}`);
  return m;
}
