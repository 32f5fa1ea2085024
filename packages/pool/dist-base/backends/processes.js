/**
 * The processes backend: one `child_process.fork` per pool worker, with structured-clone IPC
 * (`serialization: 'advanced'`). The child writes the id of the running task to a small file
 * (pwrite, 8 bytes) so a crash (exit, SIGKILL, out of memory) is blamed on the right task.
 * @module
 */
import { fork } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
const entry = fileURLToPath(new URL('../worker/process-entry.js', import.meta.url));
let counter = 0;
/** Starts a process worker. */
export const spawnProcess = (opts, events) => {
    const markFile = join(tmpdir(), `polycore-pool-${process.pid}-${++counter}-${opts.init.workerId}.mark`);
    const none = new Float64Array([-1]);
    writeFileSync(markFile, new Uint8Array(none.buffer));
    const child = fork(entry, [markFile], {
        serialization: 'advanced',
        execArgv: opts.execArgv ?? process.execArgv,
        env: opts.env ?? process.env,
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    let last = -1;
    let error;
    child.on('message', events.message);
    child.on('error', (e) => {
        error = e;
    });
    child.on('close', (code, signal) => {
        try {
            const b = readFileSync(markFile);
            last = new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + 8))[0];
        }
        catch { }
        rmSync(markFile, { force: true });
        events.exit({ code, signal, ...(error ? { error } : {}) });
    });
    const ignore = () => { };
    child.send({ t: 'init', init: opts.init }, undefined, undefined, ignore);
    return {
        send: (m) => {
            if (child.connected)
                child.send(m, undefined, undefined, ignore);
        },
        lastStarted: () => last,
        kill: () => {
            child.kill('SIGKILL');
        },
        ref: () => {
            child.ref();
            child.channel?.ref?.();
        },
        unref: () => {
            child.unref();
            child.channel?.unref?.();
        },
    };
};
//# sourceMappingURL=processes.js.map