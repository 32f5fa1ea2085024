export {};
//# sourceMappingURL=thread-entry.d.ts.map