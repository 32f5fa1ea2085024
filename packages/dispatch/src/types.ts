/** Shared types of @polycore/dispatch. */

/** The float arrays every array operation accepts. */
export type FloatArray = Float64Array | Float32Array;

/** 'f64' or 'f32'. */
export type Dtype = 'f64' | 'f32';

/**
 * Where an array operation can run:
 * - `js`: TypeScript loops on the calling thread (cheapest for small arrays);
 * - `native`: the Rust core (SIMD, on its own OS threads for big inputs);
 * - `workers`: TypeScript kernels on worker_threads over SharedArrayBuffer (the fallback's big path);
 * - `gpu`: WebGPU through @polycore/gpu (upload, kernel, download unless the data already lives there).
 */
export type ArrayBackend = 'js' | 'native' | 'workers' | 'gpu';

/** Every array backend, in the order estimates are listed. */
export const ARRAY_BACKENDS: readonly ArrayBackend[] = ['js', 'native', 'workers', 'gpu'];

/** Where a task-parallel job can run (see `chooseTaskBackend`). */
export type TaskBackend = 'inline' | 'threads' | 'processes';

/** Estimated time in nanoseconds per backend; a backend that cannot run the operation is absent. */
export type Estimates<B extends string> = Partial<Record<B, number>>;
