/**
 * `@polycore/native`: polycore's Rust core through N-API. Every function validates its
 * arguments (TypeError/RangeError naming the argument) and throws
 * {@link NativeUnavailableError} when no binary fits this platform.
 *
 * @example
 * ```ts
 * import { dot, cpuInfo, nativeStatus } from '@polycore/native';
 * console.log(nativeStatus(), cpuInfo(), dot(new Float64Array([1, 2]), new Float64Array([3, 4])));
 * ```
 * @packageDocumentation
 */
export { type CpuInfo, cpuInfo, getNumThreads, setNumThreads } from './cpu.js';
export { NativeUnavailableError } from './errors.js';
export { dot, dotAsync } from './level1.js';
export { isNativeAvailable, type NativeStatus, nativeStatus, native } from './loader.js';
export { type Dtype, type FloatArray, isDetached } from './validate.js';
