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
//# sourceMappingURL=protocol.js.map