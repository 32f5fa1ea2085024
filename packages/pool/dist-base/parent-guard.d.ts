/**
 * Makes polycore's child processes (`Process` children and process-pool workers) exit when their
 * parent goes away, so no idle worker is left behind (re-parented to init) after its parent was
 * killed. Two signals: the IPC channel's 'disconnect' event (needs a free event loop), and a check
 * of `process.ppid` after each slice of a blocking wait (a thread stuck in `getSync()` etc. never
 * sees the event). A CPU-bound task that never waits cannot be stopped this way.
 * @module
 */
/**
 * Called once by a child-process entry: exits the process (after `beforeExit`, with `code`) when
 * the IPC channel to the parent closes, and arms {@link exitIfOrphaned}. No-op without an IPC channel.
 *
 * @example
 * ```ts
 * exitWithParent(1);
 * ```
 */
export declare function exitWithParent(code: number, beforeExit?: () => void): void;
/**
 * Exits this child process when its parent died (its parent pid changed); cheap (one `getppid`).
 * Blocking waits call it between sleep slices.
 *
 * @example
 * ```ts
 * exitIfOrphaned();
 * ```
 */
export declare function exitIfOrphaned(): void;
//# sourceMappingURL=parent-guard.d.ts.map