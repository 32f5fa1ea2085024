/**
 * `polycore`: every core (and the GPU) from Node. This umbrella re-exports the packages:
 * the array API routed by `@polycore/dispatch`, pools and joblib-style tools from
 * `@polycore/pool`, and the `native` and `gpu` namespaces for direct access.
 *
 * @example
 * ```ts
 * import { native } from 'polycore';
 * native.dot(new Float64Array([1, 2]), new Float64Array([3, 4])); // 11
 * ```
 * @packageDocumentation
 */

export * as dispatch from '@polycore/dispatch';
export * as gpu from '@polycore/gpu';
export * as native from '@polycore/native';
export * from '@polycore/pool';
export { info, type PolycoreInfo } from './info.js';
