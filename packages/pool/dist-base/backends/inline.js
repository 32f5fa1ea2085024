/**
 * The inline backend: one {@link Runtime} in the calling thread, for debugging. Tasks run one at a
 * time on later turns of the event loop, with the same validation, ordering and errors as the
 * other backends (arguments are passed by reference, not cloned).
 * @module
 */
import { Runtime } from '../worker/runtime.js';
/** Starts an inline "worker". */
export const spawnInline = (opts, events) => {
    let last = -1;
    let dead = false;
    const rt = new Runtime({
        backend: 'inline',
        post: (m) => {
            if (!dead)
                setImmediate(() => !dead && events.message(m));
        },
        markStarted: (id) => {
            last = id;
        },
        requireFrom: import.meta.url,
    });
    const end = (code, signal) => {
        if (dead)
            return;
        dead = true;
        setImmediate(() => events.exit({ code, signal }));
    };
    rt.onExit = () => end(0, null);
    rt.init(opts.init);
    return {
        send: (m) => {
            if (!dead)
                setImmediate(() => !dead && rt.onMessage(m));
        },
        lastStarted: () => last,
        kill: () => end(null, 'SIGKILL'),
        ref: () => { },
        unref: () => { },
    };
};
//# sourceMappingURL=inline.js.map