/**
 * Lets cached functions travel as task arguments and results: the Pool's codec sends their plain-data spec,
 * and the other side rebuilds the same cached function (same cache files). Registered on import.
 */
import { registerSerializer } from '../codec.js';
import { CACHED_SPEC, type CacheSpec, cachedFromSpec } from './cached.js';

registerSerializer<{ [CACHED_SPEC]: CacheSpec }, CacheSpec>({
  name: 'polycore.joblib.cached',
  module: import.meta.url,
  test: (v) => typeof v === 'function' && CACHED_SPEC in v,
  serialize: (f) => f[CACHED_SPEC],
  deserialize: (spec) => cachedFromSpec(spec),
});
