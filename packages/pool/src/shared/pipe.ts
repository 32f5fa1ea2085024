/**
 * `Pipe()`: two connected ends (Python's `multiprocessing.Pipe`), each a pair of message rings
 * in shared memory (one per direction; a one-way pipe has one ring).
 * @module
 */
import { TimeoutError } from './errors.js';
import { Region } from './region.js';
import { Ring, type RingOptions } from './ring.js';
import { registerKind, SHARE, type Shareable, type SharedData } from './shareable.js';
import { blockAsync, TIMED_OUT, type WaitOptions, waitOpts } from './wait.js';

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
export class Connection<T = unknown> implements Shareable {
  readonly #rx: Ring | null;
  readonly #tx: Ring | null;

  /** @internal */
  constructor(rx: Ring | null, tx: Ring | null) {
    this.#rx = rx;
    this.#tx = tx;
  }

  /** Whether this end can receive. */
  get readable(): boolean {
    return this.#rx !== null;
  }

  /** Whether this end can send. */
  get writable(): boolean {
    return this.#tx !== null;
  }

  #out(): Ring {
    if (!this.#tx) throw new TypeError('this end of a one-way Pipe cannot send');
    return this.#tx;
  }

  #in(): Ring {
    if (!this.#rx) throw new TypeError('this end of a one-way Pipe cannot receive');
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
  async send(value: T, options?: WaitOptions): Promise<void> {
    const { timeout, signal } = waitOpts(options);
    await this.#out().puts.put(value, timeout, signal, sendTimedOut);
  }

  /**
   * Blocking send for worker code.
   *
   * @example
   * ```ts
   * conn.sendSync(1);
   * ```
   */
  sendSync(value: T, options?: { timeout?: number }): void {
    const { timeout } = waitOpts(options);
    if (!this.#out().putSync(value, timeout)) throw new TimeoutError(`send timed out after ${timeout} ms`);
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
  async recv(options?: WaitOptions): Promise<T> {
    const { timeout, signal } = waitOpts(options);
    const r = await this.#in().get(timeout, signal);
    if (!r) throw new TimeoutError(`recv timed out after ${timeout} ms`);
    return r.v as T;
  }

  /**
   * Blocking recv for worker code.
   *
   * @example
   * ```ts
   * const msg = conn.recvSync();
   * ```
   */
  recvSync(options?: { timeout?: number }): T {
    const { timeout } = waitOpts(options);
    const r = this.#in().getSync(timeout);
    if (!r) throw new TimeoutError(`recv timed out after ${timeout} ms`);
    return r.v as T;
  }

  /**
   * Whether a value (or end-of-stream) is ready to `recv`, waiting up to `timeout` ms (default 0).
   *
   * @example
   * ```ts
   * if (await conn.poll(100)) console.log(await conn.recv());
   * ```
   */
  async poll(timeout = 0, options: { signal?: AbortSignal } = {}): Promise<boolean> {
    const ring = this.#in();
    const ready = (): true | undefined => (ring.count > 0 || ring.closed ? true : undefined);
    if (ready()) return true;
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
  close(): void {
    this.#tx?.close();
    this.#rx?.close();
  }

  /** @internal */
  [SHARE](backend: string): SharedData {
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
export function Pipe<T = unknown>(
  options: RingOptions & { duplex?: boolean } = {},
): [Connection<T>, Connection<T>] {
  if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
  const duplex = options.duplex ?? true;
  if (typeof duplex !== 'boolean')
    throw new TypeError(`options.duplex must be a boolean, got ${typeof duplex}`);
  const ab = new Ring(options);
  if (!duplex) return [new Connection<T>(ab, null), new Connection<T>(null, ab)];
  const ba = new Ring(options);
  return [new Connection<T>(ba, ab), new Connection<T>(ab, ba)];
}

const ringOf = (h: unknown): Ring | null =>
  h === null ? null : new Ring(undefined, Region.from(h as never));
registerKind('Connection', (d) => new Connection(ringOf(d.rx), ringOf(d.tx)));

/** The error of a send that found no room within `timeout` ms. */
function sendTimedOut(timeout: number): Error {
  return new TimeoutError(`send timed out after ${timeout} ms`);
}
