import { type ErrorData } from '../errors.js';
import type { FnSpec } from '../fn-source.js';
/** A batch as sent to a worker. */
export interface BatchPayload {
    /** The functions this batch uses. */
    fns: FnSpec[];
    /** Index into `fns` per call, or one index for all calls. */
    fn: number[] | number;
    /** Argument lists per call ... */
    args?: unknown[][];
    /** ... or, when every call has exactly one argument, the arguments themselves. */
    items?: unknown[];
    /** Per-call time limit (ms): a call that runs longer is reported as timed out. */
    timeout?: number;
}
/** Failure kinds in {@link BatchReply.failed}. */
export declare const R_ERROR = 1;
export declare const R_TIMEOUT = 2;
/** What a batch gives back. */
export interface BatchReply {
    /** Results by call (undefined where a call failed). */
    values: unknown[];
    /** Failed calls: position in the batch, kind, error data. */
    failed?: [at: number, kind: number, error: ErrorData | undefined][];
    /** Time the calls ran for (ms). */
    ms: number;
}
/**
 * Runs every call of a batch in order; a failing call is reported in `failed` and the batch goes on.
 *
 * @example
 * ```ts
 * await runBatch({ fns: [{ kind: 'source', source: '(x) => x * 2', name: '' }], fn: 0, items: [21] }); // { values: [42], ms }
 * ```
 */
export declare function runBatch(payload: BatchPayload): Promise<BatchReply>;
//# sourceMappingURL=batch-runner.d.ts.map