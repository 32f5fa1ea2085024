/** Checking and resolving `new Parallel(options)`. */
import { availableParallelism } from 'node:os';
import { checkTaskNeeds } from '../task-needs.js';
import { checkOptions } from './options.js';
const KEYS = [
    'nJobs',
    'backend',
    'prefer',
    'verbose',
    'progress',
    'onProgress',
    'batchSize',
    'preDispatch',
    'returnAs',
    'timeout',
    'onError',
    'needsIsolation',
    'threadUnsafe',
];
function oneOf(name, v, allowed) {
    if (v === undefined)
        return undefined;
    if (!allowed.includes(v))
        throw new TypeError(`options.${name} must be ${allowed.map((a) => `'${a}'`).join(' or ')} (got ${JSON.stringify(v)})`);
    return v;
}
/**
 * Resolves `nJobs` like joblib: positive counts as given, -1 all cores, -2 all but one (never below 1).
 *
 * @example
 * ```ts
 * resolveJobs(-1, 8); // 8
 * ```
 */
export function resolveJobs(nJobs, cores = availableParallelism()) {
    if (typeof nJobs !== 'number' || !Number.isInteger(nJobs))
        throw new TypeError(`options.nJobs must be an integer (got ${String(nJobs)})`);
    if (nJobs === 0)
        throw new RangeError('options.nJobs must not be 0: use a positive count, -1 for all cores or -2 for all but one');
    return nJobs > 0 ? nJobs : Math.max(1, cores + 1 + nJobs);
}
/** Parses `preDispatch` into a number of batches. */
function resolvePreDispatch(v, workers) {
    if (v === undefined)
        return 2 * workers;
    if (typeof v === 'number') {
        if (!Number.isInteger(v) || v < 1)
            throw new RangeError(`options.preDispatch must be an integer >= 1 (got ${v})`);
        return v;
    }
    if (typeof v === 'string') {
        if (v.trim() === 'all')
            return Number.POSITIVE_INFINITY;
        const m = /^\s*(?:(\d+(?:\.\d+)?)\s*\*\s*)?n_?jobs\s*$/i.exec(v) ?? /^\s*(\d+)\s*$/.exec(v);
        if (m) {
            const k = m[1] === undefined ? 1 : Number(m[1]);
            return Math.max(1, Math.ceil(/jobs/i.test(v) ? k * workers : k));
        }
    }
    throw new TypeError(`options.preDispatch must be a number, 'all' or an expression like '2*nJobs' (got ${JSON.stringify(v)})`);
}
/** Checks options and resolves defaults; throws TypeError/RangeError naming the option. */
export function resolveParallelOptions(options) {
    const o = checkOptions('Parallel options', options, KEYS);
    // With a Pool of yours and no nJobs, plan batches for that pool's size.
    const poolWorkers = typeof o.backend === 'object' && o.backend !== null
        ? o.backend.workers
        : undefined;
    const workers = resolveJobs(o.nJobs ?? (typeof poolWorkers === 'number' && poolWorkers >= 1 ? poolWorkers : -1));
    const prefer = oneOf('prefer', o.prefer, ['threads', 'processes']);
    let backend;
    if (o.backend !== undefined && typeof o.backend === 'object' && o.backend !== null) {
        if (typeof o.backend.apply !== 'function')
            throw new TypeError('options.backend must be a backend name or a Pool');
        backend = o.backend;
    }
    else {
        backend =
            oneOf('backend', o.backend, ['auto', 'threads', 'processes', 'inline']) ?? prefer ?? 'threads';
        if (workers === 1)
            backend = 'inline';
    }
    // Checked against the backend asked for (nJobs 1 runs inline whatever the backend, for debugging).
    const needs = checkTaskNeeds(typeof backend === 'object' ? 'processes' : (o.backend ?? prefer ?? 'threads'), o, 'options.');
    let batchSize = 'auto';
    if (o.batchSize !== undefined && o.batchSize !== 'auto') {
        if (typeof o.batchSize !== 'number' || !Number.isInteger(o.batchSize) || o.batchSize < 1) {
            throw new RangeError(`options.batchSize must be 'auto' or an integer >= 1 (got ${JSON.stringify(o.batchSize)})`);
        }
        batchSize = o.batchSize;
    }
    const timeout = o.timeout;
    if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout))) {
        throw new RangeError(`options.timeout must be a positive number of ms (got ${String(timeout)})`);
    }
    const verbose = o.verbose ?? 0;
    if (typeof verbose !== 'number' || !(verbose >= 0))
        throw new RangeError(`options.verbose must be a number >= 0 (got ${String(verbose)})`);
    const progress = o.progress ?? false;
    if (typeof progress !== 'boolean' && (typeof progress !== 'object' || progress === null)) {
        throw new TypeError('options.progress must be a boolean or { force?, label?, stream? }');
    }
    if (o.onProgress !== undefined && typeof o.onProgress !== 'function')
        throw new TypeError('options.onProgress must be a function');
    const preDispatch = resolvePreDispatch(o.preDispatch, workers);
    return {
        workers,
        backend,
        ...needs,
        batchSize,
        preDispatch: backend === 'inline' ? 1 : preDispatch,
        returnAs: oneOf('returnAs', o.returnAs, ['array', 'generator', 'unordered']) ?? 'array',
        timeout,
        settle: (oneOf('onError', o.onError, ['raise', 'settle']) ?? 'raise') === 'settle',
        verbose,
        progress,
        onProgress: o.onProgress,
        label: `Parallel(nJobs=${o.nJobs ?? -1})`,
    };
}
//# sourceMappingURL=parallel-options.js.map