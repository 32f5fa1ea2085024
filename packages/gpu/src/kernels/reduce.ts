/** The shared two-stage reduction: device tree per workgroup, f64 fold of the partials on the host. */
import { readBytes } from '../array.js';
import { type Operand, type Param, run } from '../pipelines.js';
import { launchProfile } from '../profile.js';
import { RED_WG, type ReduceKind, reduceShader, stateSize } from '../shaders/reduce.js';
import type { Strided } from './args.js';

/** Elements each thread folds at least, before another workgroup is added. */
const PER_THREAD = 16;

function fold(kind: ReduceKind, parts: Float32Array, groups: number): number {
  switch (kind) {
    case 'min':
    case 'max': {
      let m = kind === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      for (let g = 0; g < groups; g++) {
        const v = parts[g] as number;
        if (Number.isNaN(v)) return Number.NaN;
        m = kind === 'min' ? Math.min(m, v) : Math.max(m, v);
      }
      return m;
    }
    case 'nrm2': {
      let ss = 0;
      let inf = false;
      for (let g = 0; g < groups; g++) {
        const scale = parts[2 * g] as number;
        const ssq = parts[2 * g + 1] as number;
        if (Number.isNaN(scale) || Number.isNaN(ssq)) return Number.NaN;
        if (scale === Number.POSITIVE_INFINITY) inf = true;
        else if (scale > 0) ss += scale * scale * ssq;
      }
      return inf ? Number.POSITIVE_INFINITY : Math.sqrt(ss);
    }
    default: {
      let s = 0;
      for (let g = 0; g < groups; g++) s += (parts[2 * g] as number) + (parts[2 * g + 1] as number);
      return s;
    }
  }
}

/**
 * @internal Reduces `n` elements of strided `x` (and `y` for dot) to one number. Empty input
 * folds to the identity (0 for sums, ±Infinity for min/max: callers reject empty min/max first).
 */
export async function reduce(kind: ReduceKind, n: number, x: Strided, y?: Strided): Promise<number> {
  const g = x.array.gpu;
  if (n === 0) return fold(kind, new Float32Array(0), 0);
  const groups = Math.max(1, Math.min(launchProfile(g).reducePartials, Math.ceil(n / (RED_WG * PER_THREAD))));
  const bytes = groups * stateSize(kind) * 4;
  const B = g.usage.buffer;
  const partials = g.device.createBuffer({
    size: Math.max(16, bytes),
    usage: (B.STORAGE as number) | (B.COPY_SRC as number),
  });
  try {
    const operands: Operand[] = [];
    const params: Param[] = [{ name: 'n', type: 'u32', value: n }];
    for (const [name, v] of [
      ['x', x],
      ['y', y],
    ] as const) {
      if (!v) continue;
      operands.push({ name, array: v.array });
      params.push({ name: `${name}o`, type: 'u32', value: v.array.offset + v.off });
      params.push({ name: `${name}c`, type: 'i32', value: v.inc });
    }
    operands.push({
      name: 'out',
      array: { buffer: partials },
      write: true,
      type: stateSize(kind) === 2 ? 'vec2f' : 'f32',
    });
    run(g, [
      {
        key: `reduce:${kind}`,
        operands,
        params,
        groups: [groups],
        elem: x.array.dtype,
        shader: (plan) => reduceShader(plan, kind),
      },
    ]);
    let result = 0;
    await readBytes(g, partials, 0, bytes, (raw) => {
      result = fold(kind, new Float32Array(raw, 0, bytes / 4), groups);
    });
    return result;
  } finally {
    partials.destroy();
  }
}
