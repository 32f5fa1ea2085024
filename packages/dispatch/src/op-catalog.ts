/**
 * What each routed operation costs in the units the cost model works in: which calibrated kernel
 * class it behaves like, how much work it is relative to that class's benchmark kernel, and how
 * many bytes go in and come out (what a transfer to workers or the GPU has to move).
 */

/** Kernel classes, each calibrated by one benchmark kernel. */
export type OpClass = 'reduce' | 'update' | 'map' | 'mapHeavy' | 'gemm' | 'gemv';

/** The calibration kernel of each class: dot, axpy, add, exp, gemm, gemv. */
export const OP_CLASSES: readonly OpClass[] = ['reduce', 'update', 'map', 'mapHeavy', 'gemm', 'gemv'];

/** Every operation that `explain` and the router know. */
export type OpName =
  | 'dot'
  | 'axpy'
  | 'scal'
  | 'nrm2'
  | 'asum'
  | 'iamax'
  | 'copy'
  | 'swap'
  | 'rot'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'fma'
  | 'sqrt'
  | 'exp'
  | 'log'
  | 'abs'
  | 'clamp'
  | 'minimum'
  | 'maximum'
  | 'sum'
  | 'min'
  | 'max'
  | 'mean'
  | 'variance'
  | 'gemm'
  | 'gemv'
  | 'ger';

/** One operation's entry: class, relative weight, and array traffic per element. */
interface OpSpec {
  cls: OpClass;
  /** Work relative to the class kernel at the same size (e.g. sum reads 1 array, dot 2). */
  weight: number;
  /** Level-1 ops: arrays of n elements read / written. Matrix ops compute their bytes in `shape`. */
  reads: number;
  writes: number;
  /** How many size arguments `explain` takes. */
  arity: 1 | 2 | 3;
}

const l1 = (cls: OpClass, weight: number, reads: number, writes: number): OpSpec => ({
  cls,
  weight,
  reads,
  writes,
  arity: 1,
});

/** The table behind routing and `explain`. */
export const OPS: Readonly<Record<OpName, OpSpec>> = {
  dot: l1('reduce', 1, 2, 0),
  nrm2: l1('reduce', 0.75, 1, 0),
  asum: l1('reduce', 0.5, 1, 0),
  iamax: l1('reduce', 0.75, 1, 0),
  sum: l1('reduce', 0.5, 1, 0),
  min: l1('reduce', 0.5, 1, 0),
  max: l1('reduce', 0.5, 1, 0),
  mean: l1('reduce', 0.5, 1, 0),
  variance: l1('reduce', 1, 1, 0),
  axpy: l1('update', 1, 2, 1),
  scal: l1('update', 0.67, 1, 1),
  copy: l1('update', 0.67, 1, 1),
  swap: l1('update', 1.33, 2, 2),
  rot: l1('update', 1.33, 2, 2),
  add: l1('map', 1, 2, 1),
  sub: l1('map', 1, 2, 1),
  mul: l1('map', 1, 2, 1),
  div: l1('map', 1.2, 2, 1),
  minimum: l1('map', 1, 2, 1),
  maximum: l1('map', 1, 2, 1),
  fma: l1('map', 1.33, 3, 1),
  abs: l1('map', 0.67, 1, 1),
  clamp: l1('map', 0.8, 1, 1),
  sqrt: l1('map', 1, 1, 1),
  exp: l1('mapHeavy', 1, 1, 1),
  log: l1('mapHeavy', 1, 1, 1),
  gemm: { cls: 'gemm', weight: 1, reads: 0, writes: 0, arity: 3 },
  gemv: { cls: 'gemv', weight: 1, reads: 0, writes: 0, arity: 2 },
  ger: { cls: 'gemv', weight: 1.5, reads: 0, writes: 0, arity: 2 },
};

/** The size of one call in model units. */
export interface OpShape {
  cls: OpClass;
  /** Work units: elements for level-1 classes, multiply-adds·2 (flops) for gemm, m·n for gemv. */
  work: number;
  /** Bytes read from inputs and bytes written to outputs. */
  bytesIn: number;
  bytesOut: number;
}

/**
 * True when `op` is an operation the router knows.
 *
 * @example
 * ```ts
 * import { isOpName } from '@polycore/dispatch';
 * isOpName('gemm'); // true
 * ```
 */
export function isOpName(op: unknown): op is OpName {
  return typeof op === 'string' && Object.hasOwn(OPS, op);
}

/**
 * The model shape of `op` at `sizes` (n; or m, n, k for gemm; m, n for gemv/ger) for elements of
 * `elementBytes` bytes.
 */
export function opShape(op: OpName, sizes: readonly number[], elementBytes: number): OpShape {
  const spec = OPS[op];
  const [a = 0, b = 0, c = 0] = sizes;
  switch (spec.cls) {
    case 'gemm':
      return {
        cls: 'gemm',
        work: 2 * a * b * c,
        bytesIn: (a * c + c * b + a * b) * elementBytes,
        bytesOut: a * b * elementBytes,
      };
    case 'gemv':
      return op === 'ger'
        ? {
            cls: 'gemv',
            work: a * b * spec.weight,
            bytesIn: (a * b + a + b) * elementBytes,
            bytesOut: a * b * elementBytes,
          }
        : { cls: 'gemv', work: a * b, bytesIn: (a * b + a + b) * elementBytes, bytesOut: a * elementBytes };
    default:
      return {
        cls: spec.cls,
        work: a * spec.weight,
        bytesIn: a * spec.reads * elementBytes,
        bytesOut: a * spec.writes * elementBytes,
      };
  }
}

/** Operations @polycore/gpu has kernels for (the others never route to the GPU). */
export const GPU_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'dot',
  'nrm2',
  'asum',
  'axpy',
  'scal',
  'add',
  'sub',
  'mul',
  'div',
  'minimum',
  'maximum',
  'fma',
  'clamp',
  'sqrt',
  'exp',
  'log',
  'abs',
  'sum',
  'mean',
  'min',
  'max',
  'gemm',
  'gemv',
]);
