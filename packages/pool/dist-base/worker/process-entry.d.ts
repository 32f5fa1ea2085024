export {};
//# sourceMappingURL=process-entry.d.ts.map