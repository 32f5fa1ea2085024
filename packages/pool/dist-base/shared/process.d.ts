import { resolveFn } from '../fn-source.js';
import type { AnyFn, TaskRef } from '../types.js';
import './serializer.js';
/** Options of {@link Process}. */
export interface ProcessOptions {
    /** What to run: a self-contained function (shipped by source) or a `task(url, exportName)` reference. */
    target: AnyFn | TaskRef;
    /** Arguments (structured clone; shared primitives are passed by reference). */
    args?: unknown[];
    /** 'threads' (a worker thread, default) or 'processes' (a child process). */
    backend?: 'threads' | 'processes';
    /** A name for messages. */
    name?: string;
}
/** What the entry file receives. @internal */
export interface ProcessStart {
    spec: ReturnType<typeof resolveFn>['spec'];
    args: unknown;
    encoded: boolean;
    modules: Record<string, string>;
    backend: 'threads' | 'processes';
}
/**
 * Runs one task in its own worker. `exitCode` is 0 when the task returned, 1 when it threw, the
 * code given to `process.exit(n)`, or minus the signal number when a child process was killed.
 *
 * @example
 * ```ts
 * import { Process, Queue } from '@polycore/pool';
 * const q = new Queue<number>();
 * const p = new Process({ target: async (q) => { await q.put(6 * 7); }, args: [q], backend: 'processes' });
 * p.start();
 * console.log(await q.get(), await p.join()); // 42 0
 * ```
 */
export declare class Process {
    #private;
    readonly name: string;
    readonly backend: 'threads' | 'processes';
    constructor(options: ProcessOptions);
    /**
     * Starts the worker (once).
     *
     * @example
     * ```ts
     * p.start();
     * ```
     */
    start(): void;
    /** The exit code once the worker ended, else null. */
    get exitCode(): number | null;
    /** The child's pid (processes) or the worker's threadId (threads), once started. */
    get pid(): number | undefined;
    /** Whether it was started and has not ended. */
    isAlive(): boolean;
    /**
     * Waits for the worker to end; resolves its exit code, or null when `timeout` passed first.
     *
     * @example
     * ```ts
     * const code = await p.join({ timeout: 5000 });
     * ```
     */
    join(options?: {
        timeout?: number;
    }): Promise<number | null>;
    /**
     * Stops the worker (SIGTERM for a child process) and waits for it to end; resolves the exit code.
     *
     * @example
     * ```ts
     * await p.terminate();
     * ```
     */
    terminate(): Promise<number>;
    /**
     * Kills a child process with SIGKILL (threads: same as terminate).
     *
     * @example
     * ```ts
     * await p.kill();
     * ```
     */
    kill(): Promise<number>;
}
//# sourceMappingURL=process.d.ts.map