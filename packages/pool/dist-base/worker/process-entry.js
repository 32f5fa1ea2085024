/**
 * Entry file of a process worker (forked with `serialization: 'advanced'`): wires a
 * {@link Runtime} to the IPC channel. The id of the running task is written (pwrite, 8 bytes) to
 * the file named by argv[2], so the pool can blame the right task if this process dies.
 * @module
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { exitWithParent } from '../parent-guard.js';
import { Runtime } from './runtime.js';
const markFile = process.argv[2];
const fd = markFile ? openSync(markFile, 'r+') : -1;
const mark = new Float64Array(1);
const markBytes = new Uint8Array(mark.buffer);
const rt = new Runtime({
    backend: 'processes',
    post: (msg) => {
        process.send(msg);
    },
    markStarted: (id) => {
        if (fd < 0)
            return;
        mark[0] = id;
        writeSync(fd, markBytes, 0, 8, 0);
    },
    requireFrom: import.meta.url,
});
rt.onExit = () => {
    if (fd >= 0)
        closeSync(fd);
    process.disconnect?.();
};
process.on('message', (msg) => rt.onMessage(msg));
// The pool closed the channel (graceful exit) or died: either way nobody needs the marker any more.
exitWithParent(0, () => {
    if (markFile)
        rmSync(markFile, { force: true });
});
//# sourceMappingURL=process-entry.js.map