import './serializer.js';
//# sourceMappingURL=process-entry.d.ts.map