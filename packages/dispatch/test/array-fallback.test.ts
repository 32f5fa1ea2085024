/**
 * The whole array suite on the TypeScript fallback: POLYCORE_NATIVE=0 must be set before
 * @polycore/native is first imported (it decides at module load), hence the dynamic imports.
 */
import { describe, expect, it } from 'vitest';

process.env.POLYCORE_NATIVE = '0';
const native = await import('@polycore/native');
const d = await import('@polycore/dispatch');
const { arraySuite } = await import('./array-suite.js');

describe('fallback mode', () => {
  it('has no native core and never routes to it', () => {
    expect(native.isNativeAvailable()).toBe(false);
    const e = d.explain('dot', 1e7);
    expect(e.estimates.native).toBeUndefined();
    expect(e.choice).not.toBe('native');
    expect(() => d.useBackend('native')).not.toThrow();
    expect(() => d.dot(new Float64Array(3), new Float64Array(3))).toThrow(/native/);
    d.useBackend(null);
  });
});

arraySuite(d, 'auto');
arraySuite(d, 'js');
arraySuite(d, 'workers');
