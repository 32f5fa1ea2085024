/** Suffix of entry files. */
export declare const ENTRY_EXT = ".pcj";
/** Creates `dir` (and parents) with owner-only permissions. */
export declare function ensureDir(dir: string): Promise<void>;
/**
 * Writes `chunks` to `path` atomically: a unique temporary file in the same directory, then rename.
 *
 * @example
 * ```ts
 * await atomicWrite(join(cacheDir, 'f', 'abc', '123.pcj'), [header, payload]);
 * ```
 */
export declare function atomicWrite(path: string, chunks: readonly Uint8Array[]): Promise<void>;
/**
 * Reads a whole entry file in one read, or returns `undefined` when it does not exist. With `touch`, also
 * marks it as just used (its access time drives least-recently-used eviction).
 */
export declare function readIfExists(path: string, touch?: boolean): Promise<Buffer | undefined>;
/** True when `path` exists. */
export declare function exists(path: string): Promise<boolean>;
/** Lists a directory's names, or [] when it does not exist. */
export declare function list(dir: string): Promise<string[]>;
/** One stored entry, as `reduceSize` sees it. */
export interface EntryFile {
    path: string;
    size: number;
    /** Last access (ms since the epoch). */
    accessedAt: number;
}
/**
 * Walks `root` (all functions) or one function's directory, returning every entry file and removing temporary
 * files left by killed writers.
 */
export declare function walkEntries(root: string, depth: 1 | 2): Promise<EntryFile[]>;
/** Removes a file or directory tree, ignoring one that is already gone. */
export declare function remove(path: string): Promise<void>;
//# sourceMappingURL=store.d.ts.map