import { resolveFn, task } from '@polycore/pool';
import { describe, expect, it } from 'vitest';

const ok = (f: unknown) => expect(() => resolveFn(f, 'fn')).not.toThrow();
const bad = (f: unknown, name: string) => expect(() => resolveFn(f, 'fn')).toThrow(new RegExp(`'${name}'`));

describe('free-variable detection', () => {
  it('accepts self-contained functions of every shape', () => {
    ok((x: number) => x * 2);
    ok(function named(x: number): number {
      return x <= 1 ? 1 : x * named(x - 1);
    });
    ok(async (x: number) => {
      const {
        a,
        b: [c = 1, ...d] = [],
        ...rest
      } = { a: x, rest: 1 } as Record<string, unknown> & { b?: number[] };
      let s = 0;
      for (const k of [a, c, d, rest]) s += Number(k) || 0;
      try {
        JSON.parse('{');
      } catch (err) {
        s += String(err).length;
      }
      class Local {
        v = 1;
        m() {
          return this.v + s;
        }
      }
      for (;;) break;
      return new Local().m() + Math.max(1, 2);
    });
    ok(
      {
        method(x: number) {
          return x + 1;
        },
      }.method,
    );
    ok(function (this: { signal: AbortSignal }) {
      return this.signal.aborted;
    });
    ok((x: number) => require('node:os').cpus().length + x);
    ok(Math.sqrt);
    ok((o: { k: number }) => ({ k: o.k, [`x${o.k}`]: 1 }).k);
    ok(function args() {
      // biome-ignore lint/complexity/noArguments: testing that `arguments` is not a free variable
      return arguments.length;
    });
  });

  it('names the captured variable', () => {
    const k = 2;
    const table = { a: 1 };
    bad((x: number) => x * k, 'k');
    bad((x: string) => table[x as 'a'], 'table');
    bad(function f() {
      return helper();
    }, 'helper');
    bad((x: number) => ({ [String(k)]: x }), 'k');
    bad((x = k) => x, 'k');
  });

  it('caches by function and by source', () => {
    const a = resolveFn((x: number) => x + 1, 'fn');
    const b = resolveFn((x: number) => x + 1, 'fn');
    expect(a.id).toBe(b.id);
    expect(resolveFn(task(new URL('file:///a.js'), 'f'), 'fn').spec).toEqual({
      kind: 'module',
      url: 'file:///a.js',
      exportName: 'f',
    });
  });
});

function helper() {
  return 1;
}
