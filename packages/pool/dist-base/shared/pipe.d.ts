import { Ring, type RingOptions } from './ring.js';
import { SHARE, type Shareable, type SharedData } from './shareable.js';
import { type WaitOptions } from './wait.js';
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
export declare class Connection<T = unknown> implements Shareable {
    #private;
    /** @internal */
    constructor(rx: Ring | null, tx: Ring | null);
    /** Whether this end can receive. */
    get readable(): boolean;
    /** Whether this end can send. */
    get writable(): boolean;
    /**
     * Sends `value` (structured clone), waiting while the pipe's buffer is full; rejects with
     * ClosedError when the other end closed, TimeoutError after `timeout`.
     *
     * @example
     * ```ts
     * await conn.send({ cmd: 'stop' });
     * ```
     */
    send(value: T, options?: WaitOptions): Promise<void>;
    /**
     * Blocking send for worker code.
     *
     * @example
     * ```ts
     * conn.sendSync(1);
     * ```
     */
    sendSync(value: T, options?: {
        timeout?: number;
    }): void;
    /**
     * Receives the next value; rejects with ClosedError (like Python's EOFError) when the other end
     * closed and nothing is left, TimeoutError after `timeout`.
     *
     * @example
     * ```ts
     * const msg = await conn.recv({ timeout: 1000 });
     * ```
     */
    recv(options?: WaitOptions): Promise<T>;
    /**
     * Blocking recv for worker code.
     *
     * @example
     * ```ts
     * const msg = conn.recvSync();
     * ```
     */
    recvSync(options?: {
        timeout?: number;
    }): T;
    /**
     * Whether a value (or end-of-stream) is ready to `recv`, waiting up to `timeout` ms (default 0).
     *
     * @example
     * ```ts
     * if (await conn.poll(100)) console.log(await conn.recv());
     * ```
     */
    poll(timeout?: number, options?: {
        signal?: AbortSignal;
    }): Promise<boolean>;
    /**
     * Closes this end: the other end's `recv` throws ClosedError once drained, its `send` throws.
     *
     * @example
     * ```ts
     * conn.close();
     * ```
     */
    close(): void;
    /** @internal */
    [SHARE](backend: string): SharedData;
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
export declare function Pipe<T = unknown>(options?: RingOptions & {
    duplex?: boolean;
}): [Connection<T>, Connection<T>];
//# sourceMappingURL=pipe.d.ts.map