/**
 * The one waiting loop every primitive uses: try, and if that fails sleep on an Int32 "sequence"
 * word until someone changes it (then try again), with timeouts, AbortSignals and a periodic hook
 * (lock owner liveness checks). Each wait word has a companion "waiters" word so wakers skip the
 * notify call when nobody sleeps.
 * @module
 */
import { exitIfOrphaned } from '../parent-guard.js';
import { checkSignal, checkTimeout } from './errors.js';
import { shmBinding } from './native.js';
import { SLICE_MS } from './region.js';
/** Returned by the loops when the timeout passed. */
export const TIMED_OUT = Symbol('timed-out');
/** How long a blocking wait spins (re-trying) before it sleeps: a sleep + wake-up costs ~50-100 µs. */
const SPIN_MS = 0.02;
/**
 * Tries a spinning wait makes before it starts yielding its CPU between tries: when more threads
 * wait or work than there are cores, the one being waited for may need this very core.
 */
const PURE_SPINS = 16;
function deadlineOf(timeout) {
    return timeout === Infinity ? Infinity : performance.now() + timeout;
}
/**
 * Blocks this thread until `b.attempt()` yields or `timeout` passes.
 *
 * @example
 * ```ts
 * const got = blockSync({ region, word: 0, waiters: 1, attempt: () => (Atomics.load(region.i32, 0) ? true : undefined) }, 100);
 * ```
 */
export function blockSync(b, timeout) {
    const { region, word, waiters } = b;
    const i32 = region.i32;
    let r = b.attempt();
    if (r !== undefined)
        return r;
    if (timeout <= 0)
        return TIMED_OUT;
    const start = performance.now();
    const yieldCpu = shmBinding()?.threadYield;
    for (let i = 1;; i++) {
        r = b.attempt();
        if (r !== undefined)
            return r;
        if (i > PURE_SPINS && yieldCpu)
            yieldCpu();
        if ((i & 31) === 0 && performance.now() - start > Math.min(SPIN_MS, timeout))
            break;
    }
    const deadline = deadlineOf(timeout);
    for (;;) {
        // Announce first, then re-try: a waker that changed the state after our attempt sees us.
        const seen = Atomics.load(i32, word);
        Atomics.add(i32, waiters, 1);
        let res;
        try {
            r = b.attempt();
            if (r !== undefined)
                return r;
            const left = deadline - performance.now();
            if (left <= 0)
                return TIMED_OUT;
            res = region.waitSync(word, seen, Math.min(left, SLICE_MS * 2));
        }
        finally {
            Atomics.sub(i32, waiters, 1);
            if (b.pending !== undefined)
                Atomics.store(i32, b.pending, 0);
        }
        if (res === 'timed-out') {
            exitIfOrphaned(); // this thread cannot see the IPC 'disconnect' while it blocks
            const s = b.onSlice?.();
            if (s !== undefined)
                return s;
        }
    }
}
function abortable(p, signal) {
    if (!signal)
        return p;
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        p.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
        });
    });
}
/**
 * Waits (without blocking the event loop) until `b.attempt()` yields, `timeout` passes
 * (→ {@link TIMED_OUT}) or `signal` aborts (→ rejects with its reason).
 *
 * @example
 * ```ts
 * const r = await blockAsync(blocker, 1000, undefined);
 * if (r === TIMED_OUT) console.log('gave up');
 * ```
 */
export async function blockAsync(b, timeout, signal) {
    const { region, word, waiters } = b;
    const i32 = region.i32;
    const deadline = deadlineOf(timeout);
    for (;;) {
        signal?.throwIfAborted();
        const seen = Atomics.load(i32, word);
        Atomics.add(i32, waiters, 1);
        const done = () => {
            Atomics.sub(i32, waiters, 1);
            if (b.pending !== undefined)
                Atomics.store(i32, b.pending, 0);
        };
        let res;
        let w;
        try {
            const r = b.attempt();
            if (r !== undefined) {
                done();
                return r;
            }
            const left = deadline - performance.now();
            if (left <= 0) {
                done();
                return TIMED_OUT;
            }
            w = region.waitAsync(word, seen, Math.min(left, SLICE_MS));
        }
        catch (e) {
            done();
            throw e;
        }
        if (typeof w === 'string') {
            done();
            res = w;
        }
        else {
            res = await abortable(w.finally(done), signal);
        }
        if (res === 'timed-out' && b.onSlice) {
            const s = b.onSlice();
            if (s !== undefined)
                return s;
        }
    }
}
/**
 * Bumps `word` and wakes up to `count` sleepers on it when its waiters counter says there are any.
 * With `pending` (a flag word the sleepers' {@link Blocker} names too), only the first waker after
 * a sleeper went to sleep makes the syscall. Sleeps are sliced, so a skipped wake-up costs at most
 * one slice of latency, never a hang.
 *
 * @example
 * ```ts
 * wake(region, SEQ, SEQ_WAITERS, 1);
 * ```
 */
export function wake(region, word, waiters, count = Infinity, pending) {
    const i32 = region.i32;
    Atomics.add(i32, word, 1);
    if (Atomics.load(i32, waiters) > 0 && (pending === undefined || Atomics.exchange(i32, pending, 1) === 0))
        region.notify(word, count);
}
/**
 * Like {@link wake}, but for state that `attempt` reads directly (e.g. a message count): bumps
 * `word` only when someone waits, saving a contended atomic on the fast path. Correct because a
 * sleeper announces itself (waiters + 1) before its last attempt: either this sees the sleeper,
 * or the sleeper's attempt sees the new state.
 *
 * @example
 * ```ts
 * wakeIfWaiting(region, NE_SEQ, NE_WAITERS, 1, NE_PENDING);
 * ```
 */
export function wakeIfWaiting(region, word, waiters, count, pending) {
    const i32 = region.i32;
    if (Atomics.load(i32, waiters) > 0 && Atomics.exchange(i32, pending, 1) === 0) {
        Atomics.add(i32, word, 1);
        region.notify(word, count);
    }
}
const FOREVER = Object.freeze({ timeout: Infinity, signal: undefined });
/** Parsed `{ timeout, signal }` options (TypeError/RangeError naming bad ones). */
export function waitOpts(opts) {
    if (opts === undefined)
        return FOREVER;
    if (opts === null || typeof opts !== 'object')
        throw new TypeError('options must be an object: { timeout?, signal? }');
    return {
        timeout: checkTimeout(opts.timeout, 'options.timeout'),
        signal: checkSignal(opts.signal, 'options.signal'),
    };
}
//# sourceMappingURL=wait.js.map