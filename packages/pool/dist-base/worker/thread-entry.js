/**
 * Entry file of a thread worker: wires a {@link Runtime} to `parentPort`. The pool passes, in
 * `workerData`, the init data and a SharedArrayBuffer where the id of the running task is kept
 * (so a crash is blamed on the right task).
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Runtime } from './runtime.js';
const data = workerData;
const started = new Float64Array(data.slot);
const port = parentPort;
const rt = new Runtime({
    backend: 'threads',
    post: (msg, transfer) => port.postMessage(msg, transfer),
    markStarted: (id) => {
        started[0] = id;
    },
    requireFrom: import.meta.url,
});
rt.onExit = () => process.exit(0);
rt.init(data.init);
port.on('message', (msg) => rt.onMessage(msg));
//# sourceMappingURL=thread-entry.js.map