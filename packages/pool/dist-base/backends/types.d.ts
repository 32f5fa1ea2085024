/**
 * What a backend provides to the scheduler: a way to start one worker and talk to it.
 * @module
 */
import type { FromWorker, InitData, ToWorker } from '../protocol.js';
/** How a worker ended. */
export interface ExitInfo {
    code: number | null;
    signal: string | null;
    error?: Error;
}
/** Callbacks a worker reports to. */
export interface WorkerEvents {
    message(m: FromWorker): void;
    exit(info: ExitInfo): void;
}
/** Options every backend receives when starting a worker. */
export interface SpawnOptions {
    init: InitData;
    execArgv: string[] | undefined;
    /** True when `execArgv` is the parent's (filtered), not the user's: flags a thread refuses are dropped. */
    inheritedExecArgv?: boolean;
    env: NodeJS.ProcessEnv | undefined;
    resourceLimits: {
        maxOldGenerationSizeMb?: number;
        maxYoungGenerationSizeMb?: number;
        stackSizeMb?: number;
    } | undefined;
}
/** One running worker, as the scheduler sees it. */
export interface WorkerHandle {
    send(msg: ToWorker, transfer?: ArrayBuffer[]): void;
    /** Id of the last task the worker started (-1 if none); read after it died. */
    lastStarted(): number;
    /** Ends the worker now (SIGKILL / terminate). */
    kill(): void;
    /** Keep the event loop alive while the worker has tasks. */
    ref(): void;
    /** Let the process exit while the worker is idle. */
    unref(): void;
}
/** Starts one worker. */
export type Spawner = (opts: SpawnOptions, events: WorkerEvents) => WorkerHandle;
//# sourceMappingURL=types.d.ts.map