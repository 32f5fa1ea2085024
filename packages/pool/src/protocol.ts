/**
 * The wire protocol between a pool and its workers (same on every backend). All tasks of one
 * event-loop tick travel in one `run` message; results come back packed in `done` messages.
 * @module
 */
import type { ErrorData } from './errors.js';
import type { FnSpec } from './fn-source.js';

/** Task kinds. */
export const KIND_APPLY = 0; // payload: argument array, result: value
export const KIND_MAP = 1; // payload: items, fn(item) each, result: array
export const KIND_STARMAP = 2; // payload: argument tuples, fn(...tuple) each, result: array

/** Task flags (bits). */
export const F_ENCODED = 1; // payload holds codec markers
export const F_ABORTABLE = 2; // give the task an AbortSignal
export const F_PROGRESS = 4; // report items done inside a chunk
export const F_TRANSFER = 8; // transfer ArrayBuffers of the result

/** Result statuses. */
export const S_OK = 0;
export const S_OK_ENCODED = 1;
export const S_ERROR = 2;
export const S_DROPPED = 3;

/** Fields per task in `RunMsg.tasks` (flattened: id, fnId, kind, payload, flags). */
export const TASK_FIELDS = 5;
/** Fields per result in `DoneMsg.r` (flattened: id, status, value, runMs). */
export const RESULT_FIELDS = 4;

/** Sent once when a worker starts. */
export interface InitData {
  workerId: number;
  backend: 'threads' | 'processes' | 'inline';
  /** Serializer tag -> module URL. */
  mods: Record<string, string>;
  initializer?: { spec: FnSpec; args: unknown; encoded: boolean };
}

/** Parent -> worker. */
export type ToWorker =
  | { t: 'run'; defs?: [number, FnSpec][]; mods?: Record<string, string>; tasks: unknown[] }
  | { t: 'abort'; ids: number[] }
  | { t: 'exit' }
  | { t: 'init'; init: InitData };

/** Worker -> parent. */
export type FromWorker =
  | { t: 'done'; r: unknown[] }
  | { t: 'progress'; id: number; n: number }
  | { t: 'log'; error: ErrorData };
