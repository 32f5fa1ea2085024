/**
 * The threads backend: one `worker_threads.Worker` per pool worker. The id of the running task is
 * kept in a SharedArrayBuffer so a crash is blamed on the right task.
 * @module
 */
import { Worker } from 'node:worker_threads';
const entry = new URL('../worker/thread-entry.js', import.meta.url);
/** The inherited execArgv with the flags threads refuse removed (found once, by trying). */
let threadArgv;
function newWorker(opts, workerData) {
    const base = {
        workerData,
        ...(opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {}),
        ...(opts.env ? { env: opts.env } : {}),
    };
    if (!opts.inheritedExecArgv)
        return new Worker(entry, { ...base, ...(opts.execArgv ? { execArgv: opts.execArgv } : {}) });
    let argv = threadArgv ?? opts.execArgv ?? [];
    for (;;) {
        try {
            const w = new Worker(entry, { ...base, execArgv: argv });
            threadArgv = argv;
            return w;
        }
        catch (e) {
            // V8 and process-wide flags (e.g. --max-old-space-size) are refused in workers: drop them.
            const m = /invalid execArgv flags: (.*)$/.exec(e.message);
            const bad = m ? m[1].split(/,\s*/) : [];
            const next = argv.filter((a) => !bad.includes(a));
            if (e.code !== 'ERR_WORKER_INVALID_EXEC_ARGV' || next.length === argv.length)
                throw e;
            argv = next;
        }
    }
}
/** Starts a thread worker. */
export const spawnThread = (opts, events) => {
    const slot = new SharedArrayBuffer(8);
    const started = new Float64Array(slot);
    started[0] = -1;
    const w = newWorker(opts, { init: opts.init, slot });
    let error;
    w.on('message', events.message);
    w.on('error', (e) => {
        error = e;
    });
    w.on('exit', (code) => events.exit({ code, signal: null, ...(error ? { error } : {}) }));
    return {
        send: (m, transfer) => w.postMessage(m, transfer),
        lastStarted: () => started[0],
        kill: () => void w.terminate(),
        ref: () => w.ref(),
        unref: () => w.unref(),
    };
};
//# sourceMappingURL=threads.js.map