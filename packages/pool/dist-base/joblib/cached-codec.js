/**
 * Lets cached functions travel as task arguments and results: the Pool's codec sends their plain-data spec,
 * and the other side rebuilds the same cached function (same cache files). Registered on import.
 */
import { registerSerializer } from '../codec.js';
import { CACHED_SPEC, cachedFromSpec } from './cached.js';
registerSerializer({
    name: 'polycore.joblib.cached',
    module: import.meta.url,
    test: (v) => typeof v === 'function' && CACHED_SPEC in v,
    serialize: (f) => f[CACHED_SPEC],
    deserialize: (spec) => cachedFromSpec(spec),
});
//# sourceMappingURL=cached-codec.js.map