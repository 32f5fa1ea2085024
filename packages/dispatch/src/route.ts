/**
 * The routing decision of one call (the slow path; small calls never get here). Level-1 ops look
 * their size up in a segment table built from the cost model on first use (a few comparisons);
 * matrix ops evaluate the model, memoising the last shape per operation.
 */
import { nativeLoaded } from './backends/native.js';
import { estimateArrayOp, fastest, type Placement } from './cost-model.js';
import type { OpName } from './op-catalog.js';
import { currentCalibration, forcedBackend, generation } from './state.js';
import type { ArrayBackend, FloatArray } from './types.js';

/** True when every array is backed by a SharedArrayBuffer. */
export function allShared(...xs: FloatArray[]): boolean {
  for (const x of xs) if (!(x.buffer instanceof SharedArrayBuffer)) return false;
  return true;
}

/** Sizes up to `bounds[i]` run on `choices[i]`; the last bound is Infinity. */
interface Segments {
  bounds: number[];
  choices: ArrayBackend[];
}

let tablesGen = -1;
let tables: Partial<Record<OpName, Array<Segments | undefined>>> = {};

function choiceAt(op: OpName, n: number, where: Placement, sync: boolean): ArrayBackend {
  const est = estimateArrayOp(currentCalibration(), op, [n], where);
  if (sync) delete est.gpu;
  return fastest(est);
}

/** Where the choice changes along n (log grid of quarter octaves up to 2^40, then bisection). */
function buildSegments(op: OpName, where: Placement, sync: boolean): Segments {
  const bounds: number[] = [];
  const choices: ArrayBackend[] = [];
  let prevN = 0;
  let prev = choiceAt(op, 0, where, sync);
  for (let k = 0; k <= 160; k++) {
    const n = Math.floor(2 ** (k / 4));
    if (n <= prevN) continue;
    const c = choiceAt(op, n, where, sync);
    if (c !== prev) {
      let lo = prevN;
      let hi = n;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (choiceAt(op, mid, where, sync) === prev) lo = mid;
        else hi = mid;
      }
      bounds.push(lo);
      choices.push(prev);
      prev = c;
    }
    prevN = n;
  }
  bounds.push(Number.POSITIVE_INFINITY);
  choices.push(prev);
  return { bounds, choices };
}

function segmentChoice(op: OpName, n: number, where: Placement, sync: boolean): ArrayBackend {
  if (tablesGen !== generation()) {
    tables = {};
    tablesGen = generation();
  }
  const bits =
    (where.elementBytes === 4 ? 1 : 0) | (where.shared ? 2 : 0) | (sync ? 4 : 0) | (where.nativeHas ? 8 : 0);
  let perOp = tables[op];
  if (!perOp) {
    perOp = [];
    tables[op] = perOp;
  }
  let seg = perOp[bits];
  if (!seg) {
    seg = buildSegments(op, where, sync);
    perOp[bits] = seg;
  }
  const { bounds, choices } = seg;
  let i = 0;
  while (n > (bounds[i] as number)) i++;
  return choices[i] as ArrayBackend;
}

interface Memo {
  gen: number;
  a: number;
  b: number;
  c: number;
  key: number;
  choice: ArrayBackend;
}
const memos = new Map<OpName, Memo>();

/**
 * The backend for `op` at `sizes`: the forced one if set, else the model's fastest. `sync`
 * callers cannot wait for the GPU, so it is left out for them.
 */
export function route(
  op: OpName,
  sizes: number | readonly number[],
  where: Placement,
  sync: boolean,
): ArrayBackend {
  const f = forcedBackend();
  if (f) {
    if (f === 'native' && !where.nativeHas) {
      // The core is there but lacks this kernel: the nearest thing is the inline TypeScript.
      if (nativeLoaded) return 'js';
      throw new Error(`backend 'native' cannot run ${op}: the native core is not available`);
    }
    if (f === 'gpu' && sync) throw new Error(`backend 'gpu' cannot run ${op} synchronously: use ${op}Async`);
    return f;
  }
  if (typeof sizes === 'number') return segmentChoice(op, sizes, where, sync);
  if (sizes.length === 1) return segmentChoice(op, sizes[0] as number, where, sync);
  const [a = 0, b = 0, c = 0] = sizes;
  const key = where.elementBytes + (where.shared ? 16 : 0) + (sync ? 32 : 0) + (where.nativeHas ? 64 : 0);
  const gen = generation();
  const m = memos.get(op);
  if (m && m.gen === gen && m.a === a && m.b === b && m.c === c && m.key === key) return m.choice;
  const est = estimateArrayOp(currentCalibration(), op, sizes, where);
  if (sync) delete est.gpu;
  const choice = fastest(est);
  memos.set(op, { gen, a, b, c, key, choice });
  return choice;
}
