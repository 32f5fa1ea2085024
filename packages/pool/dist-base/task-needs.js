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
export function checkTaskNeeds(backend, o, prefix) {
    const flag = (key) => {
        const v = o[key];
        if (v !== undefined && typeof v !== 'boolean')
            throw new TypeError(`${prefix}${key} must be a boolean, got ${v === null ? 'null' : typeof v}`);
        return v === true;
    };
    const needsIsolation = flag('needsIsolation');
    const threadUnsafe = flag('threadUnsafe');
    if (needsIsolation && backend !== 'auto' && backend !== 'processes')
        throw new TypeError(`${prefix}needsIsolation needs backend 'auto' or 'processes', got '${String(backend)}'`);
    if (threadUnsafe && backend === 'threads')
        throw new TypeError(`${prefix}threadUnsafe tasks cannot run on backend 'threads': use 'auto' or 'processes'`);
    return { needsIsolation, threadUnsafe };
}
//# sourceMappingURL=task-needs.js.map