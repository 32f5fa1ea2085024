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
export declare function place(at: At | undefined, words: number, memory: MemoryKind | undefined): At;
/** `at` from wire data `{ r, o }`. */
export declare function atOf(d: SharedData): At;
/** Checks `options.memory`. */
export declare function memoryOf(options: {
    memory?: MemoryKind;
} | undefined): MemoryKind;
//# sourceMappingURL=primitive.d.ts.map