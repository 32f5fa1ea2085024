import type { AnyFn, TaskRef } from './types.js';
/** How a worker loads a task function. */
export type FnSpec = {
    kind: 'source';
    source: string;
    name: string;
} | {
    kind: 'module';
    url: string;
    exportName: string;
};
/** A task function resolved for sending: a process-wide id and its spec. */
export interface FnEntry {
    id: number;
    spec: FnSpec;
    /** The function itself, when it is a plain function (for inline probing). */
    fn: AnyFn | undefined;
}
type Node = any;
/**
 * A reference to a module's export, to run in workers with full typing.
 *
 * @example
 * ```ts
 * import { Pool, task } from '@polycore/pool';
 * const cube = task<typeof import('./work.js').cube>(new URL('./work.js', import.meta.url), 'cube');
 * const out = await new Pool().map(cube, [1, 2, 3]); // number[]
 * ```
 */
export declare function task<F extends AnyFn>(url: URL | string, exportName?: string): TaskRef<F>;
/**
 * True when `v` is a {@link TaskRef}.
 *
 * @example
 * ```ts
 * isTaskRef(task(new URL('./work.js', import.meta.url), 'cube')); // true
 * ```
 */
export declare function isTaskRef(v: unknown): v is TaskRef;
/**
 * Resolves a task (function or {@link TaskRef}) to its wire entry, cached per function. Throws a
 * TypeError at the call when it is not a function, is a class, or uses variables of its enclosing scope.
 *
 * @example
 * ```ts
 * resolveFn((x: number) => x ** 3, 'fn').spec; // { kind: 'source', source: '(x) => x ** 3', name: '' }
 * ```
 */
export declare function resolveFn(fn: unknown, argName: string): FnEntry;
/** Free identifiers referenced by an expression AST. */
export declare function freeVariables(ast: Node): Set<string>;
export {};
//# sourceMappingURL=fn-source.d.ts.map