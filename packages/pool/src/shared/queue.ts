/**
 * `Queue` and `JoinableQueue` (Python's `multiprocessing.Queue`): a FIFO in shared memory that
 * any number of producers and consumers on threads and processes share; values pass by
 * structured clone. See ring.ts for the layout.
 * @module
 */
import { ClosedError, Empty, Full } from './errors.js';
import { Region } from './region.js';
import { Ring, type RingOptions } from './ring.js';
import { registerKind, SHARE, type Shareable, type SharedData } from './shareable.js';
import { blockAsync, blockSync, TIMED_OUT, type WaitOptions, waitOpts } from './wait.js';

/** Options of {@link Queue}. */
export type QueueOptions = RingOptions;

/**
 * A bounded multi-producer multi-consumer FIFO shared by threads and processes.
 *
 * @example
 * ```ts
 * import { Queue } from '@polycore/pool';
 * const q = new Queue<string>({ maxsize: 100 });
 * await q.put('hello');
 * console.log(await q.get()); // 'hello'
 * q.close(); // later gets on the empty queue throw ClosedError instead of waiting forever
 * ```
 */
export class Queue<T = unknown> implements Shareable {
  /** @internal */ readonly ring: Ring;
  // Async gets of this handle wait their turn, so one consumer's gets resolve in order (its async
  // puts keep their order in the ring's put batcher).
  #getTurn: Promise<void> = Promise.resolve();

  /** `ring` is internal (reviving in a worker). */
  constructor(options?: QueueOptions, ring?: Ring) {
    this.ring = ring ?? new Ring(options);
  }

  /** Most items held at once (0: only limited by the byte capacity). */
  get maxsize(): number {
    return this.ring.maxsize;
  }

  /** Number of items now (a snapshot). */
  qsize(): number {
    return this.ring.count;
  }

  /** Whether the queue is empty now. */
  empty(): boolean {
    return this.ring.count === 0;
  }

  /** Whether the queue holds `maxsize` items now. */
  full(): boolean {
    return this.ring.maxsize > 0 && this.ring.count >= this.ring.maxsize;
  }

  /** Whether `close()` was called (by anyone). */
  get closed(): boolean {
    return this.ring.closed;
  }

  /**
   * Appends `value`, waiting while the queue is full; rejects with {@link Full} when `timeout`
   * passed, {@link ClosedError} when closed. The value is encoded at the call; this handle's
   * async puts are written in call order, and those made in one tick go in together (one lock
   * acquisition), so firing many puts and awaiting the last is the fast way to send a stream.
   *
   * @example
   * ```ts
   * await q.put({ id: 1 }, { timeout: 1000 });
   * ```
   */
  put(value: T, options?: WaitOptions): Promise<void> {
    try {
      const { timeout, signal } = waitOpts(options);
      return this.ring.puts.put(value, timeout, signal, fullAfter);
    } catch (e) {
      return Promise.reject(e); // bad options reject, as from an async function
    }
  }

  /**
   * Blocking put for worker code (blocks the thread).
   *
   * @example
   * ```ts
   * q.putSync(42);
   * ```
   */
  putSync(value: T, options?: { timeout?: number }): void {
    const { timeout } = waitOpts(options);
    if (!this.ring.putSync(value, timeout)) throw new Full(`queue full (timed out after ${timeout} ms)`);
  }

  /**
   * Appends `value` now or throws {@link Full}.
   *
   * @example
   * ```ts
   * q.putNowait('x');
   * ```
   */
  putNowait(value: T): void {
    if (!this.ring.putSync(value, 0)) throw new Full('queue full');
  }

  /**
   * Removes and returns the oldest item, waiting while empty; rejects with {@link Empty} when
   * `timeout` passed, {@link ClosedError} when the queue is closed and empty.
   *
   * @example
   * ```ts
   * const item = await q.get({ timeout: 5000 });
   * ```
   */
  async get(options?: WaitOptions): Promise<T> {
    const { timeout, signal } = waitOpts(options);
    const deadline = Date.now() + timeout;
    const done = await inTurn(this.#getTurn, (t) => {
      this.#getTurn = t;
    });
    try {
      const r = await this.ring.get(remaining(deadline, timeout), signal);
      if (!r) throw new Empty(`queue empty (timed out after ${timeout} ms)`);
      return r.v as T;
    } finally {
      done();
    }
  }

  /**
   * Blocking get for worker code (blocks the thread).
   *
   * @example
   * ```ts
   * const item = q.getSync({ timeout: 1000 });
   * ```
   */
  getSync(options?: { timeout?: number }): T {
    const { timeout } = waitOpts(options);
    const r = this.ring.getSync(timeout);
    if (!r) throw new Empty(`queue empty (timed out after ${timeout} ms)`);
    return r.v as T;
  }

  /**
   * Removes and returns the oldest item now, or throws {@link Empty} ({@link ClosedError} when closed and empty).
   *
   * @example
   * ```ts
   * try { q.getNowait(); } catch (e) { if (!(e instanceof Empty)) throw e; }
   * ```
   */
  getNowait(): T {
    const hit = this.ring.tryGet();
    if (!hit) throw new Empty('queue empty');
    return hit.v as T;
  }

  /**
   * Closes the queue for everyone: puts throw {@link ClosedError}; gets drain what is left, then
   * throw ClosedError instead of waiting.
   *
   * @example
   * ```ts
   * q.close();
   * ```
   */
  close(): void {
    this.ring.close();
  }

  /**
   * Async iteration until the queue is closed and drained.
   *
   * @example
   * ```ts
   * for await (const item of q) console.log(item);
   * ```
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      try {
        yield await this.get();
      } catch (e) {
        if (e instanceof ClosedError) return;
        throw e;
      }
    }
  }

  /** @internal */
  [SHARE](backend: string): SharedData {
    return { k: 'Queue', r: this.ring.region.handleFor(backend, 'this Queue') };
  }
}

/**
 * A {@link Queue} that counts unfinished items: consumers call `taskDone()` per item, and
 * `join()` waits until every item put so far was marked done.
 *
 * @example
 * ```ts
 * import { JoinableQueue } from '@polycore/pool';
 * const q = new JoinableQueue<number>();
 * await q.put(1);
 * await q.get(); q.taskDone();
 * await q.join();
 * ```
 */
export class JoinableQueue<T = unknown> extends Queue<T> {
  /**
   * Marks one item as processed; RangeError when called more times than items were put.
   *
   * @example
   * ```ts
   * q.taskDone();
   * ```
   */
  taskDone(): void {
    this.ring.taskDone();
  }

  /**
   * Waits until every item put was marked done; false when `timeout` passed.
   *
   * @example
   * ```ts
   * await q.join({ timeout: 10_000 });
   * ```
   */
  async join(options?: WaitOptions): Promise<boolean> {
    const { timeout, signal } = waitOpts(options);
    return (await blockAsync(this.ring.joiner(), timeout, signal)) !== TIMED_OUT;
  }

  /**
   * Blocking join for worker code.
   *
   * @example
   * ```ts
   * q.joinSync();
   * ```
   */
  joinSync(options?: { timeout?: number }): boolean {
    return blockSync(this.ring.joiner(), waitOpts(options).timeout) !== TIMED_OUT;
  }

  /** @internal */
  override [SHARE](backend: string): SharedData {
    return { k: 'JoinableQueue', r: this.ring.region.handleFor(backend, 'this JoinableQueue') };
  }
}

registerKind('Queue', (d) => new Queue(undefined, new Ring(undefined, Region.from(d.r as never))));
registerKind(
  'JoinableQueue',
  (d) => new JoinableQueue(undefined, new Ring(undefined, Region.from(d.r as never))),
);

/** The error of a put that found no room within `timeout` ms. */
function fullAfter(timeout: number): Error {
  return new Full(`queue full (timed out after ${timeout} ms)`);
}

/**
 * Waits for the previous holder of a turn chain to finish; `set` installs this call's own turn.
 * Returns the function that ends this call's turn.
 */
async function inTurn(previous: Promise<void>, set: (turn: Promise<void>) => void): Promise<() => void> {
  let end!: () => void;
  set(
    new Promise<void>((resolve) => {
      end = resolve;
    }),
  );
  await previous;
  return end;
}

/** Time left until `deadline` (ms), for a wait of `timeout` ms that began earlier (Infinity stays). */
function remaining(deadline: number, timeout: number): number {
  return Number.isFinite(timeout) ? Math.max(0, deadline - Date.now()) : timeout;
}
