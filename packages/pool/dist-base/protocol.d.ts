/**
 * The wire protocol between a pool and its workers (same on every backend). All tasks of one
 * event-loop tick travel in one `run` message; results come back packed in `done` messages.
 * @module
 */
import type { ErrorData } from './errors.js';
import type { FnSpec } from './fn-source.js';
/** Task kinds. */
export declare const KIND_APPLY = 0;
export declare const KIND_MAP = 1;
export declare const KIND_STARMAP = 2;
/** Task flags (bits). */
export declare const F_ENCODED = 1;
export declare const F_ABORTABLE = 2;
export declare const F_PROGRESS = 4;
export declare const F_TRANSFER = 8;
/** Result statuses. */
export declare const S_OK = 0;
export declare const S_OK_ENCODED = 1;
export declare const S_ERROR = 2;
export declare const S_DROPPED = 3;
/** Fields per task in `RunMsg.tasks` (flattened: id, fnId, kind, payload, flags). */
export declare const TASK_FIELDS = 5;
/** Fields per result in `DoneMsg.r` (flattened: id, status, value, runMs). */
export declare const RESULT_FIELDS = 4;
/** Sent once when a worker starts. */
export interface InitData {
    workerId: number;
    backend: 'threads' | 'processes' | 'inline';
    /** Serializer tag -> module URL. */
    mods: Record<string, string>;
    initializer?: {
        spec: FnSpec;
        args: unknown;
        encoded: boolean;
    };
}
/** Parent -> worker. */
export type ToWorker = {
    t: 'run';
    defs?: [number, FnSpec][];
    mods?: Record<string, string>;
    tasks: unknown[];
} | {
    t: 'abort';
    ids: number[];
} | {
    t: 'exit';
} | {
    t: 'init';
    init: InitData;
};
/** Worker -> parent. */
export type FromWorker = {
    t: 'done';
    r: unknown[];
} | {
    t: 'progress';
    id: number;
    n: number;
} | {
    t: 'log';
    error: ErrorData;
};
//# sourceMappingURL=protocol.d.ts.map