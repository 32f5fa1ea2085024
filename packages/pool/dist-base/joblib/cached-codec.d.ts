export {};
//# sourceMappingURL=cached-codec.d.ts.map