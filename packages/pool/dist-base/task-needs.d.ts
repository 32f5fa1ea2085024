/**
 * The task needs that steer `backend: 'auto'` (options of Pool and Parallel).
 * @module
 */
/**
 * Checks the task needs that steer `backend: 'auto'` (`needsIsolation`, `threadUnsafe`: booleans)
 * against an explicit backend: isolation needs processes, thread-unsafe tasks can't use threads.
 * `prefix` starts each option's name in errors (`''` for Pool, `'options.'` for Parallel).
 *
 * @example
 * ```ts
 * checkTaskNeeds('auto', { threadUnsafe: true }, ''); // { needsIsolation: false, threadUnsafe: true }
 * checkTaskNeeds('threads', { threadUnsafe: true }, ''); // throws TypeError
 * ```
 */
export declare function checkTaskNeeds(backend: unknown, o: {
    needsIsolation?: unknown;
    threadUnsafe?: unknown;
}, prefix: string): {
    needsIsolation: boolean;
    threadUnsafe: boolean;
};
//# sourceMappingURL=task-needs.d.ts.map