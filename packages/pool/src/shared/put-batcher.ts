/**
 * A ring handle's async puts (`Queue.put`, `Connection.send`): each value is encoded at the call
 * (so later changes to it are not sent, unlike Python, which pickles later on a feeder thread),
 * joins this handle's FIFO of pending puts, and a writer loop appends the FIFO's head records to
 * the ring under one lock acquisition per batch: everything put in one tick typically goes in one
 * critical section with one publishing store and one wake-up. When the head does not fit, the loop
 * waits for room; a pending put whose timeout passes rejects with the caller's timeout error, one
 * whose signal aborts rejects with its reason, and either is dropped without reordering the
 * others. Closing the queue rejects every pending put with `ClosedError`. Compact-encoded payloads
 * are copied into one staging buffer (no allocation per put).
 * @module
 */
import { Buffer } from 'node:buffer';
import { SLICE_MS } from './region.js';
import type { Encoded, Ring } from './ring.js';
import { blockAsync } from './wait.js';

/** A pending put: its encoded value plus how to settle it (one shape for all). */
class Pending implements Encoded {
  tag = 0;
  len = 0;
  num = 0;
  str = '';
  bytes: Uint8Array | null = null;
  off = 0;
  scratch = false;
  deadline = Infinity;
  timeout = Infinity;
  signal: AbortSignal | undefined = undefined;
  onAbort: (() => void) | undefined = undefined;
  resolve: () => void = noop;
  reject: (err: unknown) => void = noop;
  timedOut: (timeout: number) => Error = defaultTimedOut;
}

function noop(): void {}
function defaultTimedOut(timeout: number): Error {
  return new Error(`timed out after ${timeout} ms`);
}

const STAGING = 64 * 1024;

/** The writer loops running in this thread (each settles when its handle has nothing pending). */
const running = new Set<Promise<void>>();

/**
 * Resolves once every async put made in this thread so far has been written, dropped or rejected
 * (a `Process` worker waits for this before it exits, like Python's queue feeder thread is joined
 * at exit: puts nobody awaited are not lost; a put into a full queue nobody drains makes it wait).
 *
 * @example
 * ```ts
 * import { flushPuts } from '@polycore/pool';
 * for (const r of results) void q.put(r); // not awaited, one by one
 * await flushPuts(); // now they are all in the queue
 * ```
 */
export async function flushPuts(): Promise<void> {
  while (running.size > 0) await Promise.all(running);
}

/** The async put queue of one ring handle. */
export class PutBatcher {
  readonly #ring: Ring;
  /** Not yet written, in call order. */
  #pending: Pending[] = [];
  #running = false;
  /** Where pending compact payloads are copied (a fresh one when full; old ones live on in their puts). */
  #staging = Buffer.allocUnsafeSlow(STAGING);
  #used = 0;

  constructor(ring: Ring) {
    this.#ring = ring;
  }

  /**
   * Queues `value`; resolves once written, rejects with `timedOut(timeout)` when that passed
   * first, with `signal`'s reason when it aborts first. Never throws: bad values reject.
   */
  put(
    value: unknown,
    timeout: number,
    signal: AbortSignal | undefined,
    timedOut: (timeout: number) => Error,
  ): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const p = new Pending();
    try {
      this.#ring.encode(value, p);
    } catch (e) {
      return Promise.reject(e);
    }
    if (p.scratch) this.#stage(p);
    if (timeout !== Infinity) {
      p.deadline = performance.now() + timeout;
      p.timeout = timeout;
      p.timedOut = timedOut;
    }
    const promise = new Promise<void>((resolve, reject) => {
      p.resolve = resolve;
      p.reject = reject;
    });
    if (signal) {
      p.signal = signal;
      p.onAbort = () => this.#drop(p, signal.reason);
      signal.addEventListener('abort', p.onAbort, { once: true });
    }
    this.#pending.push(p);
    if (!this.#running) {
      this.#running = true;
      const loop = this.#run();
      running.add(loop);
      void loop.finally(() => running.delete(loop));
    }
    return promise;
  }

  /** Copies a compact payload out of the encoder's scratch into the staging buffer. */
  #stage(p: Pending): void {
    const len = p.len;
    if (this.#used + len + 4 > this.#staging.length) {
      this.#staging = Buffer.allocUnsafeSlow(Math.max(STAGING, len + 4));
      this.#used = 0;
    }
    const at = this.#used;
    this.#staging.set(p.bytes!.subarray(p.off, p.off + len), at);
    p.bytes = this.#staging;
    p.off = at;
    p.scratch = false;
    this.#used = (at + len + 3) & ~3; // word-aligned starts: copied into the ring a word at a time
  }

  /** Removes a pending put that will not be written (timed out, aborted) and rejects it. */
  #drop(p: Pending, err: unknown): void {
    const i = this.#pending.indexOf(p);
    if (i < 0) return; // already written
    this.#pending.splice(i, 1);
    this.#ring.discard(p);
    this.#unlisten(p);
    p.reject(err);
  }

  #unlisten(p: Pending): void {
    if (p.onAbort) p.signal!.removeEventListener('abort', p.onAbort);
  }

  /** Writes batches until nothing is pending. */
  async #run(): Promise<void> {
    await null; // let the rest of this tick's puts join the first batch
    try {
      for (;;) {
        if (this.#write() > 0) continue;
        // The head does not fit (or nothing is pending): drop what timed out, then try again.
        const now = performance.now();
        const pending = this.#pending;
        for (let i = pending.length - 1; i >= 0; i--) {
          const p = pending[i]!;
          if (p.deadline <= now) this.#drop(p, p.timedOut(p.timeout));
        }
        if (pending.length === 0) return;
        if (this.#write() > 0) continue;
        // The head does not fit: wait for room (in slices, so later deadlines are honoured too).
        let earliest = Infinity;
        for (const p of this.#pending) earliest = Math.min(earliest, p.deadline);
        await blockAsync(
          this.#ring.putter(() => (this.#write() > 0 ? true : undefined)),
          Math.max(0, Math.min(earliest - performance.now(), SLICE_MS)),
          undefined,
        );
      }
    } catch (err) {
      // Closed: nothing pending can be sent any more.
      for (const p of this.#pending.splice(0)) {
        this.#ring.discard(p);
        this.#unlisten(p);
        p.reject(err);
      }
    } finally {
      this.#running = false;
      if (this.#pending.length === 0) this.#used = 0; // everything staged was written or dropped
    }
  }

  /** Writes what fits from the head of the pending list and resolves it; the number written. */
  #write(): number {
    const pending = this.#pending;
    if (pending.length === 0) return 0;
    const n = this.#ring.putMany(pending, 0);
    if (n > 0) {
      for (const p of pending.splice(0, n)) {
        this.#unlisten(p);
        p.resolve();
      }
    }
    return n;
  }
}
