/**
 * Validation of pool and per-call options: TypeError/RangeError naming the option.
 * @module
 */
import { availableParallelism } from 'node:os';
import { physicalCores } from './cores.js';
import { checkTaskNeeds } from './task-needs.js';
const BACKENDS = ['threads', 'processes', 'inline', 'auto'];
function positiveInt(v, name) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
        throw new RangeError(`${name} must be a positive integer, got ${typeof v === 'number' ? v : typeof v}`);
    }
    return v;
}
function positiveNumber(v, name) {
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
        throw new RangeError(`${name} must be a positive finite number, got ${String(v)}`);
    return v;
}
/** Validates pool options and applies defaults. */
export function resolvePoolOptions(o) {
    if (o !== undefined && (o === null || typeof o !== 'object'))
        throw new TypeError('options must be an object');
    const opts = o ?? {};
    const backend = opts.backend ?? 'threads';
    if (!BACKENDS.includes(backend))
        throw new TypeError(`backend must be one of ${BACKENDS.join(', ')}; got ${String(backend)}`);
    let workers;
    if (opts.workers === undefined)
        workers = availableParallelism();
    else if (opts.workers === 'physical')
        workers = physicalCores();
    else
        workers = positiveInt(opts.workers, 'workers');
    if (backend === 'inline')
        workers = 1;
    if (opts.initializer === undefined && opts.initargs !== undefined)
        throw new TypeError('initargs given without initializer');
    if (opts.initargs !== undefined && !Array.isArray(opts.initargs))
        throw new TypeError('initargs must be an array');
    if (opts.execArgv !== undefined &&
        (!Array.isArray(opts.execArgv) || opts.execArgv.some((a) => typeof a !== 'string'))) {
        throw new TypeError('execArgv must be an array of strings');
    }
    const needs = checkTaskNeeds(backend, opts, '');
    const verbose = opts.verbose ?? 0;
    if (typeof verbose !== 'number' || !(verbose >= 0))
        throw new RangeError(`verbose must be a number >= 0, got ${String(verbose)}`);
    return {
        workers,
        backend,
        workerBackend: backend !== 'auto' ? backend : needs.needsIsolation || needs.threadUnsafe ? 'processes' : 'threads',
        ...needs,
        verbose,
        maxTasksPerChild: opts.maxTasksPerChild === undefined ? 0 : positiveInt(opts.maxTasksPerChild, 'maxTasksPerChild'),
        maxQueue: opts.maxQueue === undefined ? Number.POSITIVE_INFINITY : positiveInt(opts.maxQueue, 'maxQueue'),
        abortGraceMs: opts.abortGraceMs === undefined ? 1000 : positiveNumber(opts.abortGraceMs, 'abortGraceMs'),
        maxNbytes: opts.maxNbytes === undefined ? 1 << 20 : positiveNumber(opts.maxNbytes, 'maxNbytes'),
    };
}
const NO_OPTIONS = Object.freeze({});
/** Validates per-call task options. */
export function checkTaskOptions(o) {
    if (o === undefined)
        return NO_OPTIONS;
    if (o === null || typeof o !== 'object')
        throw new TypeError('options must be an object');
    if (o.timeout !== undefined)
        positiveNumber(o.timeout, 'timeout');
    if (o.retries !== undefined && (!Number.isInteger(o.retries) || o.retries < 0))
        throw new RangeError(`retries must be a non-negative integer, got ${o.retries}`);
    if (o.signal !== undefined && !(o.signal instanceof AbortSignal))
        throw new TypeError('signal must be an AbortSignal');
    return o;
}
/** Validates per-call map options. */
export function checkMapOptions(o) {
    const m = checkTaskOptions(o);
    if (m.chunksize !== undefined)
        positiveInt(m.chunksize, 'chunksize');
    if (m.maxInFlight !== undefined)
        positiveInt(m.maxInFlight, 'maxInFlight');
    if (m.onProgress !== undefined && typeof m.onProgress !== 'function')
        throw new TypeError('onProgress must be a function');
    return m;
}
/** Flags of the parent that make no sense in a worker (they name the parent's own input or mode). */
const PARENT_ONLY = /^(--input-type|--test|--watch|--interactive|-i$|--check|-c$)/;
const WITH_VALUE = new Set(['-e', '--eval', '-p', '--print']);
/**
 * The parent's `execArgv` minus what only applies to the parent (`-e code`, `--input-type`,
 * `--test`, `--watch`, ...): the default `execArgv` of workers, so loaders such as `--import tsx`
 * still reach them.
 *
 * @example
 * ```ts
 * workerExecArgv(['--input-type=module', '--import', 'tsx', '-e', 'code']); // ['--import', 'tsx']
 * ```
 */
export function workerExecArgv(argv = process.execArgv) {
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (WITH_VALUE.has(a)) {
            i++;
            continue;
        }
        if (/^(-e|--eval|-p|--print)=/.test(a) || PARENT_ONLY.test(a))
            continue;
        out.push(a);
    }
    return out;
}
//# sourceMappingURL=options.js.map