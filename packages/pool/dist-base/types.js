/**
 * Public types of `@polycore/pool`: pool and per-call options, progress, stats and task references.
 * @module
 */
export {};
//# sourceMappingURL=types.js.map