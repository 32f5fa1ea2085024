/**
 * The function `memory.cache(fn)` returns, built from a plain-data {@link CacheSpec} so the same cached
 * function can be rebuilt inside a worker thread or child process (see {@link CACHED_SPEC}).
 */
import { join } from 'node:path';
import { inspect } from 'node:util';
import { argsKey } from './args-key.js';
import { loadChecksum } from './checksum.js';
import { CorruptEntryError, decodeEntry, encodeEntry } from './entry.js';
import { normalizeSource } from './source.js';
import { atomicWrite, ENTRY_EXT, ensureDir, exists, list, readIfExists, remove } from './store.js';
import { EXPIRES_MS } from './validate.js';
/**
 * Property holding a cached function's {@link CacheSpec}; pools use it to rebuild the function in a worker.
 *
 * @example
 * ```ts
 * const spec = cube[CACHED_SPEC]; // { location, name, source, codeHash, ... }
 * ```
 */
export const CACHED_SPEC = Symbol.for('polycore.joblib.cacheSpec');
const VERSION_FILE = 'version.json';
const warned = new Set();
function warnOnce(msg) {
    if (warned.has(msg))
        return;
    warned.add(msg);
    process.emitWarning(msg, 'PolycoreMemoryWarning');
}
function argsPreview(name, args) {
    const inner = args.map((a) => inspect(a, { depth: 1, breakLength: Number.POSITIVE_INFINITY, maxArrayLength: 4, maxStringLength: 40 }));
    const s = `${name}(${inner.join(', ')})`;
    return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
function log(spec, level, line) {
    if (spec.verbose >= level)
        console.error(`[Memory] ${line()}`);
}
function evaluate(source, what) {
    try {
        try {
            return new Function(`"use strict"; return (${source});`)();
        }
        catch (e) {
            if (!(e instanceof SyntaxError))
                throw e;
            // Method shorthand: `cube(x) { ... }`.
            return new Function(`"use strict"; return (o => o[Object.keys(o)[0]])({${source}});`)();
        }
    }
    catch (e) {
        throw new TypeError(`${what} cannot be rebuilt from its source in this worker: ${e.message}`);
    }
}
function makeValidator(spec) {
    const v = spec.validate;
    if (!v)
        return undefined;
    if ('expiresMs' in v)
        return (meta) => Date.now() - meta.createdAt < v.expiresMs;
    return evaluate(v.source, 'the validate callback');
}
/** Describes where two normalized sources first differ, e.g. `"x ** 3" became "x ** 4"`. */
function firstDifference(a, b) {
    const na = normalizeSource(a);
    const nb = normalizeSource(b);
    let i = 0;
    while (i < na.length && na[i] === nb[i])
        i++;
    const from = Math.max(0, i - 12);
    return `${JSON.stringify(na.slice(from, i + 20))} became ${JSON.stringify(nb.slice(from, i + 20))}`;
}
/**
 * Builds the cached function for `spec`; `fn` is the original (or, in a worker, rebuilt from `spec.source`).
 *
 * @example
 * ```ts
 * const cube = createCached(spec, (x: number) => x ** 3);
 * ```
 */
export function createCached(spec, fn, validate) {
    const location = spec.location;
    const fnDir = location === null ? '' : join(location, spec.dirName);
    const versionDir = join(fnDir, spec.codeHash);
    const entryPath = (key) => join(versionDir, key + ENTRY_EXT);
    const inFlight = new Map();
    const isValid = (meta) => (validate ? validate(meta) !== false : true);
    /** Loads an entry: the value, 'corrupt', 'expired' or undefined when absent. */
    async function load(path, use = false) {
        const checksumReady = loadChecksum(); // loads while the file is read
        let file;
        try {
            file = await readIfExists(path, use);
        }
        catch (e) {
            // An unreadable cache (permissions, I/O error) degrades to recomputing.
            warnOnce(`cannot read the cache of ${spec.name} (${e.message}); recomputing`);
            return undefined;
        }
        if (!file)
            return undefined;
        if (checksumReady)
            await checksumReady;
        let entry;
        try {
            entry = decodeEntry(file, spec.verify === 'checksum');
        }
        catch (e) {
            if (!(e instanceof CorruptEntryError))
                throw e;
            log(spec, 1, () => `corrupt entry for ${spec.name} (${e.message}): recomputing`);
            return 'corrupt';
        }
        if (!isValid(entry.meta))
            return 'expired';
        return { value: entry.value };
    }
    async function writeVersion() {
        await ensureDir(versionDir);
        const info = {
            name: spec.name,
            source: spec.source,
            sourceHash: spec.sourceHash,
            deps: spec.deps,
            createdAt: Date.now(),
        };
        await atomicWrite(join(versionDir, VERSION_FILE), [Buffer.from(JSON.stringify(info, null, 1))]);
    }
    /** Stores a computed value; a value that cannot be serialized or written is returned uncached, with a warning. */
    async function store(path, value, meta) {
        const uncached = (why) => warnOnce(`the result of ${spec.name} cannot be stored (${why.message}); it is returned uncached`);
        const checksumReady = loadChecksum();
        if (checksumReady)
            await checksumReady;
        let chunks;
        try {
            chunks = encodeEntry(value, meta, spec.rawThreshold);
        }
        catch (e) {
            uncached(e);
            return;
        }
        try {
            try {
                await atomicWrite(path, chunks);
            }
            catch (e) {
                if (e.code !== 'ENOENT')
                    throw e;
                await writeVersion();
                await atomicWrite(path, chunks);
            }
        }
        catch (e) {
            // A full disk or a read-only cache must not lose a result that was computed.
            uncached(e);
        }
    }
    async function compute(path, args, force = false) {
        const hit = force ? 'recomputed' : await load(path, true);
        if (hit !== undefined && typeof hit === 'object') {
            log(spec, 2, () => `hit ${argsPreview(spec.name, args)}`);
            return hit.value;
        }
        const started = performance.now();
        const createdAt = Date.now();
        const value = await fn(...args);
        const durationMs = performance.now() - started;
        log(spec, 1, () => `computed ${argsPreview(spec.name, args)} in ${durationMs.toFixed(1)} ms (${hit ?? 'not cached'})`);
        await store(path, value, { createdAt, durationMs, name: spec.name, args: argsPreview(spec.name, args) });
        return value;
    }
    const cached = async (...args) => {
        const key = argsKey(args, spec.ignore);
        if (location === null)
            return (await fn(...args));
        const path = entryPath(key);
        const running = inFlight.get(path);
        if (running) {
            // Same call already running here: wait for it, then read our own copy of the stored value.
            const shared = await running;
            const again = await load(path);
            return (again !== undefined && typeof again === 'object' ? again.value : shared);
        }
        const p = compute(path, args);
        inFlight.set(path, p);
        try {
            return (await p);
        }
        finally {
            inFlight.delete(path);
        }
    };
    async function explainMiss(...args) {
        if (location === null)
            return { cached: false, reason: 'disabled', message: 'caching is off (Memory location is null)' };
        const key = argsKey(args, spec.ignore);
        const call = argsPreview(spec.name, args);
        const state = await load(entryPath(key));
        if (state === 'corrupt')
            return {
                cached: false,
                reason: 'corrupt',
                message: `the entry for ${call} is damaged and will be recomputed`,
            };
        if (state === 'expired')
            return {
                cached: false,
                reason: 'expired',
                message: `the entry for ${call} failed its validate callback (expired)`,
            };
        if (state)
            return { cached: true, reason: 'cached', message: `${call} is cached` };
        // Not in this version: look for the same arguments under older versions of the function.
        for (const version of await list(fnDir)) {
            if (version === spec.codeHash)
                continue;
            if (!(await exists(join(fnDir, version, key + ENTRY_EXT))))
                continue;
            const info = await readIfExists(join(fnDir, version, VERSION_FILE));
            if (!info)
                continue;
            const old = JSON.parse(info.toString('utf8'));
            if (old.sourceHash !== spec.sourceHash) {
                return {
                    cached: false,
                    reason: 'source-changed',
                    message: `${call} was cached for an earlier source of ${spec.name}: ${firstDifference(old.source, spec.source)}`,
                };
            }
            const changed = spec.deps.filter((d, i) => old.deps[i]?.hash !== d.hash).map((d) => d.label);
            return {
                cached: false,
                reason: 'dependency-changed',
                message: `${call} was cached before a dependency of ${spec.name} changed: ${changed.join(', ') || `dependsOn list (${old.deps.length} -> ${spec.deps.length} items)`}`,
            };
        }
        const others = (await list(versionDir)).filter((n) => n.endsWith(ENTRY_EXT)).length;
        return {
            cached: false,
            reason: 'new-arguments',
            message: `${call} has never been computed with these arguments (${others} other call${others === 1 ? '' : 's'} of this version cached)`,
        };
    }
    const helpers = {
        func: fn,
        checkCallInCache: async (...args) => (await explainMiss(...args)).cached,
        explainMiss,
        recompute: async (...args) => {
            if (location === null)
                return (await fn(...args));
            return (await compute(entryPath(argsKey(args, spec.ignore)), args, true));
        },
        clear: async () => {
            if (location !== null)
                await remove(fnDir);
        },
    };
    const wrapper = selfContained(spec, cached);
    Object.defineProperty(wrapper, CACHED_SPEC, { value: spec });
    return Object.assign(wrapper, helpers);
}
const REGISTRY = Symbol.for('polycore.joblib.cachedRegistry');
const registry = globalThis[REGISTRY] ??
    new Map();
globalThis[REGISTRY] = registry;
let nextId = 0;
/**
 * Wraps `impl` in a function whose own source text is self-contained: in this process it calls `impl`
 * (found through a global registry); anywhere else (a worker thread or child process that received the
 * function as source, as the Pool ships functions) it imports this module and rebuilds the cached function
 * from the spec embedded in the source. So `pool.map(cube, xs)` works on every backend.
 */
function selfContained(spec, impl) {
    const id = `${process.pid}:${nextId++}:${spec.codeHash}`;
    registry.set(id, impl);
    const ident = /^[A-Za-z_$][\w$]*$/.test(spec.name) ? spec.name : 'cached';
    const source = `async function ${ident}(...args) {\n` +
        `  const local = globalThis[Symbol.for(${JSON.stringify(REGISTRY.description)})]?.get(${JSON.stringify(id)});\n` +
        `  if (local) return local(...args);\n` +
        `  return (await import(${JSON.stringify(import.meta.url)})).callCached(${JSON.stringify(spec)}, args);\n` +
        `}`;
    return new Function(`return (${source});`)();
}
const rebuilt = new Map();
/**
 * The cached function described by `spec`, rebuilt from its source once per process (how workers get
 * cached functions, both as task functions and as arguments).
 *
 * @example
 * ```ts
 * const again = cachedFromSpec(cube[CACHED_SPEC]);
 * ```
 */
export function cachedFromSpec(spec) {
    // codeHash covers the source and dependencies; the rest of the spec is small.
    const { source: _source, deps: _deps, ...rest } = spec;
    const id = `${spec.codeHash}\0${JSON.stringify(rest)}`;
    let f = rebuilt.get(id);
    if (!f) {
        const fn = evaluate(spec.source, `the cached function ${spec.name}`);
        f = createCached(spec, fn, makeValidator(spec));
        rebuilt.set(id, f);
    }
    return f;
}
/**
 * Calls the cached function described by `spec`: what a cached function's own source runs inside a worker.
 *
 * @example
 * ```ts
 * await callCached(cube[CACHED_SPEC], [3]);
 * ```
 */
export function callCached(spec, args) {
    return cachedFromSpec(spec)(...args);
}
/** Re-exported for the validate marker check in memory.ts. */
export { EXPIRES_MS };
//# sourceMappingURL=cached.js.map