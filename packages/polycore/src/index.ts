/**
 * `polycore`: every core (and the GPU) from Node. One import for everything:
 *
 * - pools and joblib-style tools from `@polycore/pool` (`Pool`, `Parallel`, `delayed`, `Memory`,
 *   `Queue`, `Pipe`, `Lock`, `Value`, `SharedMemory`, `Manager`, `Process`, ...);
 * - the array API routed by `@polycore/dispatch` (`dot`, `axpy`, `gemm`, elementwise ops,
 *   reductions, each with an `…Async` twin; `explain`, `calibrate`, `cpuCount`): small arrays run in
 *   the calling thread, large ones natively on all cores or on the GPU, whichever is cheaper;
 * - the `native` and `gpu` namespaces for direct access to `@polycore/native` and `@polycore/gpu`
 *   (`GpuArray` and `openGpu` are also exported by name).
 *
 * @example
 * ```ts
 * import { Pool, dot, explain } from 'polycore';
 * await using pool = new Pool();
 * console.log(await pool.map((x: number) => x ** 3, [1, 2, 3])); // [1, 8, 27]
 * console.log(dot(new Float64Array([1, 2]), new Float64Array([3, 4])), explain('dot', 1e7).choice); // 11 'native'
 * ```
 * @packageDocumentation
 */
export * from '@polycore/dispatch';
export * as gpu from '@polycore/gpu';
export { GpuArray, gpu as openGpu } from '@polycore/gpu';
export * as native from '@polycore/native';
export * from '@polycore/pool';
export { info, type PolycoreInfo } from './info.js';
