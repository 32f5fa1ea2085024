/** Errors of @polycore/gpu. */

/** Why no GPU device could be opened. */
export type GpuUnavailableReason =
  | 'disabled'
  | 'no-module'
  | 'no-adapter'
  | 'missing-features'
  | 'no-device'
  | 'self-test-failed'
  | 'not-opened';

/**
 * No WebGPU device could be opened (or none is open yet); `reason` says why and `message`
 * explains it in words.
 *
 * @example
 * ```ts
 * import { gpu, GpuUnavailableError } from '@polycore/gpu';
 * try {
 *   await gpu();
 * } catch (e) {
 *   if (e instanceof GpuUnavailableError) console.log('no GPU:', e.reason, e.message);
 * }
 * ```
 */
export class GpuUnavailableError extends Error {
  /** Machine-readable cause. */
  readonly reason: GpuUnavailableReason;

  constructor(reason: GpuUnavailableReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GpuUnavailableError';
    this.reason = reason;
  }
}

/**
 * The device an array or call belongs to was lost (driver reset, `destroy()`, out of memory).
 * Its arrays are gone: call `await gpu()` again to open a fresh device and upload the data again.
 *
 * @example
 * ```ts
 * import { GpuDeviceLostError, gpu } from '@polycore/gpu';
 * try {
 *   await x.toArray();
 * } catch (e) {
 *   if (e instanceof GpuDeviceLostError) await gpu(); // reopens
 * }
 * ```
 */
export class GpuDeviceLostError extends Error {
  /** WebGPU's loss reason: 'destroyed' or 'unknown'. */
  readonly reason: string;

  constructor(reason: string, message: string) {
    super(`GPU device lost (${reason}): ${message}; call await gpu() to open a new device`);
    this.name = 'GpuDeviceLostError';
    this.reason = reason;
  }
}

/**
 * WebGPU reported an error for work polycore submitted (validation, out of memory, internal).
 * It surfaces on the next download (`toArray()`, a scalar result).
 *
 * @example
 * ```ts
 * import { GpuError } from '@polycore/gpu';
 * try { await x.toArray(); } catch (e) { if (e instanceof GpuError) console.error(e.kind, e.message); }
 * ```
 */
export class GpuError extends Error {
  /** 'validation', 'out-of-memory' or 'internal'. */
  readonly kind: string;

  constructor(kind: string, message: string) {
    super(`WebGPU ${kind} error: ${message}`);
    this.name = 'GpuError';
    this.kind = kind;
  }
}
