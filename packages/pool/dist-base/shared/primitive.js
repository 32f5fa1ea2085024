/**
 * Helpers every region-backed primitive shares: where its words live, and how it is revived.
 * @module
 */
import { Region } from './region.js';
/** The primitive's memory: `at` when reviving, else a fresh region of `words` Int32 words. */
export function place(at, words, memory) {
    return at ?? { region: Region.create(words * 4, memory ?? 'auto'), base: 0 };
}
/** `at` from wire data `{ r, o }`. */
export function atOf(d) {
    return { region: Region.from(d.r), base: d.o };
}
/** Checks `options.memory`. */
export function memoryOf(options) {
    const m = options?.memory ?? 'auto';
    if (m !== 'auto' && m !== 'shm' && m !== 'sab')
        throw new TypeError(`options.memory must be 'auto', 'shm' or 'sab', got ${String(m)}`);
    return m;
}
//# sourceMappingURL=primitive.js.map