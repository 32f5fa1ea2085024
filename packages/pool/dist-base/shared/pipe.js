/**
 * `Pipe()`: two connected ends (Python's `multiprocessing.Pipe`), each a pair of message rings
 * in shared memory (one per direction; a one-way pipe has one ring).
 * @module
 */
import { TimeoutError } from './errors.js';
import { Region } from './region.js';
import { Ring } from './ring.js';
import { registerKind, SHARE } from './shareable.js';
import { blockAsync, TIMED_OUT, waitOpts } from './wait.js';
/**
 * One end of a {@link Pipe}.
 *
 * @example
 * ```ts
 * const [a, b] = Pipe();
 * await a.send('ping');
 * console.log(await b.recv()); // 'ping'
 * ```
 */
export class Connection {
    #rx;
    #tx;
    /** @internal */
    constructor(rx, tx) {
        this.#rx = rx;
        this.#tx = tx;
    }
    /** Whether this end can receive. */
    get readable() {
        return this.#rx !== null;
    }
    /** Whether this end can send. */
    get writable() {
        return this.#tx !== null;
    }
    #out() {
        if (!this.#tx)
            throw new TypeError('this end of a one-way Pipe cannot send');
        return this.#tx;
    }
    #in() {
        if (!this.#rx)
            throw new TypeError('this end of a one-way Pipe cannot receive');
        return this.#rx;
    }
    /**
     * Sends `value` (structured clone), waiting while the pipe's buffer is full; rejects with
     * ClosedError when the other end closed, TimeoutError after `timeout`.
     *
     * @example
     * ```ts
     * await conn.send({ cmd: 'stop' });
     * ```
     */
    async send(value, options) {
        const { timeout, signal } = waitOpts(options);
        if (!(await this.#out().put(value, timeout, signal)))
            throw new TimeoutError(`send timed out after ${timeout} ms`);
    }
    /**
     * Blocking send for worker code.
     *
     * @example
     * ```ts
     * conn.sendSync(1);
     * ```
     */
    sendSync(value, options) {
        const { timeout } = waitOpts(options);
        if (!this.#out().putSync(value, timeout))
            throw new TimeoutError(`send timed out after ${timeout} ms`);
    }
    /**
     * Receives the next value; rejects with ClosedError (like Python's EOFError) when the other end
     * closed and nothing is left, TimeoutError after `timeout`.
     *
     * @example
     * ```ts
     * const msg = await conn.recv({ timeout: 1000 });
     * ```
     */
    async recv(options) {
        const { timeout, signal } = waitOpts(options);
        const r = await this.#in().get(timeout, signal);
        if (!r)
            throw new TimeoutError(`recv timed out after ${timeout} ms`);
        return r.v;
    }
    /**
     * Blocking recv for worker code.
     *
     * @example
     * ```ts
     * const msg = conn.recvSync();
     * ```
     */
    recvSync(options) {
        const { timeout } = waitOpts(options);
        const r = this.#in().getSync(timeout);
        if (!r)
            throw new TimeoutError(`recv timed out after ${timeout} ms`);
        return r.v;
    }
    /**
     * Whether a value (or end-of-stream) is ready to `recv`, waiting up to `timeout` ms (default 0).
     *
     * @example
     * ```ts
     * if (await conn.poll(100)) console.log(await conn.recv());
     * ```
     */
    async poll(timeout = 0, options = {}) {
        const ring = this.#in();
        const ready = () => (ring.count > 0 || ring.closed ? true : undefined);
        if (ready())
            return true;
        const { timeout: t, signal } = waitOpts({ timeout, signal: options.signal });
        return (await blockAsync(ring.getter(ready), t, signal)) !== TIMED_OUT;
    }
    /**
     * Closes this end: the other end's `recv` throws ClosedError once drained, its `send` throws.
     *
     * @example
     * ```ts
     * conn.close();
     * ```
     */
    close() {
        this.#tx?.close();
        this.#rx?.close();
    }
    /** @internal */
    [SHARE](backend) {
        return {
            k: 'Connection',
            rx: this.#rx?.region.handleFor(backend, 'this Pipe end') ?? null,
            tx: this.#tx?.region.handleFor(backend, 'this Pipe end') ?? null,
        };
    }
}
/**
 * A pair of connected ends. Duplex by default (both ends send and receive); with
 * `duplex: false` the first end only receives and the second only sends (as in Python).
 *
 * @example
 * ```ts
 * import { Pipe } from '@polycore/pool';
 * const [parent, child] = Pipe<string>();
 * await child.send('hi');
 * console.log(await parent.recv()); // 'hi'
 * const [reader, writer] = Pipe({ duplex: false });
 * ```
 */
export function Pipe(options = {}) {
    if (options === null || typeof options !== 'object')
        throw new TypeError('options must be an object');
    const duplex = options.duplex ?? true;
    if (typeof duplex !== 'boolean')
        throw new TypeError(`options.duplex must be a boolean, got ${typeof duplex}`);
    const ab = new Ring(options);
    if (!duplex)
        return [new Connection(ab, null), new Connection(null, ab)];
    const ba = new Ring(options);
    return [new Connection(ba, ab), new Connection(ab, ba)];
}
const ringOf = (h) => h === null ? null : new Ring(undefined, Region.from(h));
registerKind('Connection', (d) => new Connection(ringOf(d.rx), ringOf(d.tx)));
//# sourceMappingURL=pipe.js.map