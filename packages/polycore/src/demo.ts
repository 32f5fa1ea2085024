import * as native from '@polycore/native';

/**
 * A short tour of what polycore does, printed to stdout (`polycore demo`).
 *
 * @example
 * ```ts
 * import { runDemo } from 'polycore/dist/demo.js';
 * await runDemo();
 * ```
 */
export async function runDemo(): Promise<void> {
  const n = 2_000_000;
  const x = new Float64Array(n).map((_, i) => Math.sin(i));
  const y = new Float64Array(n).map((_, i) => Math.cos(i));
  let t = performance.now();
  let js = 0;
  for (let i = 0; i < n; i++) js += x[i]! * y[i]!;
  const jsMs = performance.now() - t;
  t = performance.now();
  const nat = native.dot(x, y);
  const natMs = performance.now() - t;
  console.log(
    `dot of ${n.toLocaleString()} doubles: JS loop ${jsMs.toFixed(2)} ms, native ${natMs.toFixed(2)} ms`,
  );
  console.log(`  results agree: ${Math.abs(js - nat) <= 1e-9 * n ? 'yes' : `no (${js} vs ${nat})`}`);
  const asyncResult = await native.dotAsync(x, y);
  console.log(`  dotAsync (off the event loop) = ${asyncResult.toFixed(6)}`);
}
