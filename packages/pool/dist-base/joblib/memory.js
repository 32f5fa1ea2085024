/**
 * joblib's `Memory` for Node: persistent, content-addressed caching of function results on disk.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveIgnore } from './args-key.js';
import { CACHED_SPEC, createCached } from './cached.js';
import { stableHash } from './hash.js';
import { checkOptions, durationMs, parseBytes } from './options.js';
import { normalizeSource } from './source.js';
import { list, remove, walkEntries } from './store.js';
import { EXPIRES_MS } from './validate.js';
const MEMORY_KEYS = ['verbose', 'rawThreshold', 'mmapMode', 'verify'];
const CACHE_KEYS = ['ignore', 'validate', 'dependsOn', 'name'];
const REDUCE_KEYS = ['bytesLimit', 'itemsLimit', 'ageLimit'];
function dirNameFor(name) {
    const s = name
        .replace(/[^A-Za-z0-9_.-]/g, '_')
        .replace(/^\.+/, '_')
        .slice(0, 80);
    return s || 'anonymous';
}
function dependencyHash(dep, i) {
    if (typeof dep === 'function') {
        const label = dep.name || `dependsOn[${i}]`;
        return { label, hash: stableHash(normalizeSource(Function.prototype.toString.call(dep))) };
    }
    if (dep instanceof URL) {
        if (dep.protocol !== 'file:')
            throw new TypeError(`options.dependsOn[${i}] must be a file: URL (got ${dep.protocol})`);
        let text;
        try {
            text = readFileSync(fileURLToPath(dep));
        }
        catch (e) {
            throw new TypeError(`options.dependsOn[${i}]: cannot read ${dep.href}: ${e.message}`);
        }
        return { label: fileURLToPath(dep).split(/[\\/]/).at(-1), hash: stableHash(text) };
    }
    return { label: `dependsOn[${i}]`, hash: stableHash(dep, `options.dependsOn[${i}]`) };
}
/**
 * A disk cache of function results, like joblib.Memory. Keys are the function's name, its normalized source
 * (plus `dependsOn`) and a stable hash of the arguments; values are stored with node:v8 structured
 * serialization (loading never runs code) and large typed arrays as raw blocks. Safe with several processes
 * writing at once: entries are written atomically and checksummed, and a damaged entry is recomputed.
 *
 * @example
 * ```ts
 * import { Memory } from '@polycore/pool';
 * const memory = new Memory('./cache');
 * const cube = memory.cache((x: number) => x ** 3);
 * await cube(3); // computed
 * await cube(3); // read from ./cache
 * ```
 */
export class Memory {
    /** Absolute cache directory, or null when caching is off. */
    location;
    #verbose;
    #rawThreshold;
    #verify;
    /**
     * @param location - directory of the cache (created with mode 0o700 on first write); `null` turns caching off
     *   (cached functions just call through), as `Memory(None)` does in joblib.
     */
    constructor(location, options) {
        const opts = checkOptions('Memory options', options, MEMORY_KEYS);
        if (location === null)
            this.location = null;
        else if (location instanceof URL)
            this.location = fileURLToPath(location);
        else if (typeof location === 'string' && location !== '')
            this.location = resolve(location);
        else
            throw new TypeError(`location must be a directory path, a file: URL or null (got ${typeof location})`);
        const v = opts.verbose ?? 0;
        if (typeof v !== 'boolean' && (typeof v !== 'number' || !(v >= 0)))
            throw new RangeError(`options.verbose must be a number >= 0 or a boolean`);
        this.#verbose = v === true ? 1 : v === false ? 0 : v;
        this.#rawThreshold = opts.rawThreshold ?? 1 << 20;
        if (typeof this.#rawThreshold !== 'number' || !(this.#rawThreshold >= 1)) {
            throw new RangeError(`options.rawThreshold must be a number of bytes >= 1 (got ${String(opts.rawThreshold)})`);
        }
        this.#verify = opts.verify ?? 'checksum';
        if (this.#verify !== 'checksum' && this.#verify !== 'length') {
            throw new TypeError(`options.verify must be 'checksum' or 'length' (got ${JSON.stringify(opts.verify)})`);
        }
        if (opts.mmapMode !== undefined && opts.mmapMode !== 'copy') {
            throw new RangeError(`options.mmapMode: only 'copy' is available (memory-mapped loading needs the native core, not built yet)`);
        }
    }
    /**
     * Wraps `fn` so its results are cached: returns an async function taking the same arguments.
     *
     * @throws TypeError when `fn` is not a function, for unknown options, unknown `ignore` names or unhashable
     *   `dependsOn` items.
     * @example
     * ```ts
     * const load = memory.cache(function load(path: string, verbose = false) { ... }, { ignore: ['verbose'] });
     * ```
     */
    cache(fn, options) {
        if (typeof fn !== 'function')
            throw new TypeError(`memory.cache(fn): fn must be a function (got ${typeof fn})`);
        const inner = fn[CACHED_SPEC];
        if (inner)
            throw new TypeError(`memory.cache(fn): ${fn.name} is already cached`);
        const opts = checkOptions('memory.cache options', options, CACHE_KEYS);
        const { validate } = opts;
        if (validate !== undefined && typeof validate !== 'function')
            throw new TypeError('options.validate must be a function (meta) => boolean');
        if (opts.dependsOn !== undefined && !Array.isArray(opts.dependsOn))
            throw new TypeError('options.dependsOn must be an array');
        if (opts.name !== undefined && (typeof opts.name !== 'string' || opts.name === ''))
            throw new TypeError('options.name must be a non-empty string');
        const name = opts.name ?? (fn.name || 'anonymous');
        const source = Function.prototype.toString.call(fn);
        const sourceHash = stableHash(normalizeSource(source));
        const deps = (opts.dependsOn ?? []).map(dependencyHash);
        const expires = validate ? validate[EXPIRES_MS] : undefined;
        const spec = {
            location: this.location,
            verbose: this.#verbose,
            rawThreshold: this.#rawThreshold,
            verify: this.#verify,
            name,
            dirName: dirNameFor(name),
            source,
            sourceHash,
            deps,
            codeHash: stableHash({ sourceHash, deps: deps.map((d) => d.hash) }).slice(0, 16),
            ignore: resolveIgnore(fn, opts.ignore ?? []),
            ...(validate
                ? {
                    validate: expires !== undefined
                        ? { expiresMs: expires }
                        : { source: Function.prototype.toString.call(validate) },
                }
                : {}),
        };
        return createCached(spec, fn, validate);
    }
    /**
     * Removes every cached result under this location.
     *
     * @example
     * ```ts
     * await memory.clear();
     * ```
     */
    async clear() {
        if (this.location === null)
            return;
        for (const name of await list(this.location))
            await remove(join(this.location, name));
    }
    /**
     * Shrinks the cache to the given limits, dropping least recently used entries first (and entries unused
     * for longer than `ageLimit`). Also removes temporary files left by killed writers.
     *
     * @example
     * ```ts
     * await memory.reduceSize({ bytesLimit: '1G', itemsLimit: 10_000, ageLimit: { days: 30 } });
     * ```
     */
    async reduceSize(limits = {}) {
        const opts = checkOptions('reduceSize limits', limits, REDUCE_KEYS);
        const bytesLimit = opts.bytesLimit === undefined ? Number.POSITIVE_INFINITY : parseBytes(opts.bytesLimit, 'bytesLimit');
        const itemsLimit = opts.itemsLimit ?? Number.POSITIVE_INFINITY;
        if (!(itemsLimit >= 0))
            throw new RangeError(`itemsLimit must be a number >= 0 (got ${itemsLimit})`);
        const ageLimit = opts.ageLimit === undefined ? Number.POSITIVE_INFINITY : durationMs(opts.ageLimit, 'ageLimit');
        const result = { removedItems: 0, removedBytes: 0, keptItems: 0, keptBytes: 0 };
        if (this.location === null)
            return result;
        const entries = await walkEntries(this.location, 2);
        entries.sort((a, b) => b.accessedAt - a.accessedAt);
        const now = Date.now();
        const emptied = new Set();
        for (const e of entries) {
            const keep = now - e.accessedAt <= ageLimit &&
                result.keptItems + 1 <= itemsLimit &&
                result.keptBytes + e.size <= bytesLimit;
            if (keep) {
                result.keptItems++;
                result.keptBytes += e.size;
            }
            else {
                await remove(e.path);
                result.removedItems++;
                result.removedBytes += e.size;
                emptied.add(dirname(e.path));
            }
        }
        // Drop version directories that no longer hold entries, then empty function directories.
        for (const dir of emptied) {
            const left = await list(dir);
            if (left.every((n) => n === 'version.json'))
                await remove(dir);
            const fnDir = dirname(dir);
            if ((await list(fnDir)).length === 0)
                await remove(fnDir);
        }
        return result;
    }
}
//# sourceMappingURL=memory.js.map