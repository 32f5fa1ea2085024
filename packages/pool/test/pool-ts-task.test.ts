// TypeScript module tasks: `task(new URL('./work.ts', import.meta.url), 'name')` run in workers
// given the tsx loader the two ways the README documents (a `register` initializer on threads and
// processes, `execArgv: ['--import', 'tsx']` on processes), with full typing of arguments and
// results (checked below by compiling this very file with the TypeScript compiler).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  type ArgsOf,
  type Backend,
  Pool,
  type PoolOptions,
  RemoteError,
  type ResultOf,
  task,
} from '@polycore/pool';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Extent, Point } from './fixtures/ts-task/types.ts';

const require = createRequire(import.meta.url);
const tsxMissing = ((): string | undefined => {
  try {
    require.resolve('tsx/package.json');
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
})();
/** The tsx API module (its `register()` hooks TypeScript into the calling thread's loader). */
const tsxApi = (): string => import.meta.resolve('tsx/esm/api');
if (tsxMissing) console.warn(`pool-ts-task: skipped, the tsx loader cannot be resolved (${tsxMissing})`);

type Work = typeof import('./fixtures/ts-task/work.ts');
const workUrl = new URL('./fixtures/ts-task/work.ts', import.meta.url);
const norm = task<Work['norm']>(workUrl, 'norm');
const scale = task<Work['scale']>(workUrl, 'scale');
const extent = task<Work['extent']>(workUrl, 'extent');
const fail = task<Work['fail']>(workUrl, 'fail');

/** Compile-time only (never called): the task references carry the module's signatures. */
function typeChecks(pool: Pool): void {
  expectTypeOf<ArgsOf<typeof norm>>().toEqualTypeOf<[p: Point]>();
  expectTypeOf<ResultOf<typeof scale>>().toEqualTypeOf<number[]>();
  expectTypeOf(pool.apply(norm, [{ x: 3, y: 4 }])).resolves.toEqualTypeOf<number>();
  expectTypeOf(pool.apply(extent, [[]])).resolves.toEqualTypeOf<Extent>();
  expectTypeOf(pool.map(norm, [{ x: 1, y: 1 }])).resolves.toEqualTypeOf<number[]>();
  expectTypeOf(pool.starmap(scale, [[[1, 2], 3]])).resolves.toEqualTypeOf<number[][]>();
  // @ts-expect-error norm takes a Point, not a string
  void pool.apply(norm, ['nope']);
  // @ts-expect-error scale takes (values, k)
  void pool.apply(scale, [[1, 2]]);
  // @ts-expect-error the result of norm is a number
  expectTypeOf(pool.apply(norm, [{ x: 0, y: 0 }])).resolves.toEqualTypeOf<string>();
}
void typeChecks;

/**
 * The two documented ways to give workers the tsx loader. `--import tsx` works on processes; tsx
 * does not register itself in worker threads before Node 22.22.3 / 24.11.1, so threads (and any
 * backend) use the initializer, which registers tsx in each worker before its first task.
 */
const LOADERS: [Backend, string, () => PoolOptions][] = [
  ['threads', 'initializer: tsx/esm/api register', () => ({ initializer: task(tsxApi(), 'register') })],
  ['processes', 'initializer: tsx/esm/api register', () => ({ initializer: task(tsxApi(), 'register') })],
  ['processes', "execArgv: ['--import', 'tsx']", () => ({ execArgv: ['--import', 'tsx'] })],
];

describe.runIf(!tsxMissing).each(LOADERS)('TypeScript module task on %s with %s', (backend, _how, loader) => {
  it('runs the typed exports of a .ts module', async () => {
    await using pool = new Pool({ workers: 2, backend, ...loader() });
    const n: number = await pool.apply(norm, [{ x: 3, y: 4 }]);
    expect(n).toBe(5);
    const scaled: number[][] = await pool.starmap(scale, [
      [[1, 2, 3], 2],
      [[4], -1],
    ]);
    expect(scaled).toEqual([[2, 4, 6], [-4]]);
    const norms: number[] = await pool.map(norm, [
      { x: 0, y: 1 },
      { x: 6, y: 8 },
    ]);
    expect(norms).toEqual([1, 10]);
    const e: Extent = await pool.apply(extent, [
      [
        { x: 5, y: 12 },
        { x: 1, y: 0 },
      ],
    ]);
    expect(e).toEqual({ count: 2, maxNorm: 13 });
  });

  it('surfaces an exception thrown in the .ts task as RemoteError with a stack into work.ts', async () => {
    await using pool = new Pool({ workers: 1, backend, ...loader() });
    const err = await pool.apply(fail, ['boom']).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(RemoteError);
    const re = err as RemoteError;
    expect(re.remoteName).toBe('RangeError');
    expect(re.message).toBe('fail: boom');
    // tsx's source maps: the frame names the .ts file and the line of the throw.
    const lines = readFileSync(fileURLToPath(workUrl), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('// TASK_THROWS')) + 1;
    expect(re.stack).toContain(`work.ts:${line}:`);
    // the worker survives and keeps running TS tasks
    expect(await pool.apply(norm, [{ x: 8, y: 6 }])).toBe(10);
  });
});

describe('TypeScript module task without a loader', () => {
  it('fails with a TypeError naming the module and how to register a loader (or runs, where Node strips types)', async () => {
    await using pool = new Pool({ workers: 1, backend: 'threads' });
    const out = await pool.apply(norm, [{ x: 3, y: 4 }]).catch((x: unknown) => x);
    // Node ≥ 23.6 / 22.18 strips types by default (the `typescript` feature flag is newer than @types/node 20).
    if ((process.features as { typescript?: unknown }).typescript) expect(out).toBe(5);
    else {
      expect(out).toBeInstanceOf(TypeError);
      expect((out as Error).message).toContain(`cannot load task module ${workUrl.href}`);
      expect((out as Error).message).toContain("task(import.meta.resolve('tsx/esm/api'), 'register')");
    }
  });
});

describe.runIf(!tsxMissing)('TypeScript module task typing', () => {
  it('this file type-checks: argument and result types are inferred from the module', async () => {
    const ts = (await import('typescript')).default;
    const self = fileURLToPath(import.meta.url);
    const program = ts.createProgram([self], {
      target: ts.ScriptTarget.ES2023,
      lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});
