/**
 * Elementwise TypeScript kernels over `[s, e)`, one tight loop per operation (a shared loop
 * taking a callback would be megamorphic and several times slower).
 */
import type { FloatArray } from '../types.js';

/** Binary elementwise operations. */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'minimum' | 'maximum';
/** Unary elementwise operations. */
export type UnaryOp = 'sqrt' | 'exp' | 'log' | 'abs';

/** `out[i] = a[i] ∘ b[i]` over `[s, e)`. */
export function binaryRange(
  op: BinaryOp,
  a: FloatArray,
  b: FloatArray,
  out: FloatArray,
  s: number,
  e: number,
): void {
  switch (op) {
    case 'add':
      for (let i = s; i < e; i++) out[i] = a[i]! + b[i]!;
      return;
    case 'sub':
      for (let i = s; i < e; i++) out[i] = a[i]! - b[i]!;
      return;
    case 'mul':
      for (let i = s; i < e; i++) out[i] = a[i]! * b[i]!;
      return;
    case 'div':
      for (let i = s; i < e; i++) out[i] = a[i]! / b[i]!;
      return;
    case 'minimum':
      for (let i = s; i < e; i++) out[i] = Math.min(a[i]!, b[i]!);
      return;
    case 'maximum':
      for (let i = s; i < e; i++) out[i] = Math.max(a[i]!, b[i]!);
      return;
  }
}

/** `out[i] = f(x[i])` over `[s, e)`. */
export function unaryRange(op: UnaryOp, x: FloatArray, out: FloatArray, s: number, e: number): void {
  switch (op) {
    case 'sqrt':
      for (let i = s; i < e; i++) out[i] = Math.sqrt(x[i]!);
      return;
    case 'exp':
      for (let i = s; i < e; i++) out[i] = Math.exp(x[i]!);
      return;
    case 'log':
      for (let i = s; i < e; i++) out[i] = Math.log(x[i]!);
      return;
    case 'abs':
      for (let i = s; i < e; i++) out[i] = Math.abs(x[i]!);
      return;
  }
}

/** `out[i] = a[i]·b[i] + c[i]` over `[s, e)`. */
export function fmaRange(
  a: FloatArray,
  b: FloatArray,
  c: FloatArray,
  out: FloatArray,
  s: number,
  e: number,
): void {
  for (let i = s; i < e; i++) out[i] = a[i]! * b[i]! + c[i]!;
}

/** `out[i] = min(max(x[i], lo), hi)` over `[s, e)` (NaN stays NaN). */
export function clampRange(
  x: FloatArray,
  lo: number,
  hi: number,
  out: FloatArray,
  s: number,
  e: number,
): void {
  for (let i = s; i < e; i++) out[i] = Math.min(Math.max(x[i]!, lo), hi);
}
