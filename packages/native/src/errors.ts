/**
 * Thrown when no native binary fits this platform (or `POLYCORE_NATIVE=0` turned it off).
 * Callers catch it and fall back to the TypeScript kernels.
 *
 * @example
 * ```ts
 * import { dot, NativeUnavailableError } from '@polycore/native';
 * try {
 *   dot(x, y);
 * } catch (e) {
 *   if (e instanceof NativeUnavailableError) console.log('no native core:', e.message);
 * }
 * ```
 */
export class NativeUnavailableError extends Error {
  override readonly name = 'NativeUnavailableError';
  /** Machine-readable code, stable across versions. */
  readonly code = 'POLYCORE_NATIVE_UNAVAILABLE';
}
