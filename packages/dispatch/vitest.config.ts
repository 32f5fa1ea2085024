import os from 'node:os';
import path from 'node:path';
import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Calibrations go to a temporary cache, never the user's; routing uses the built-in constants
// (POLYCORE_CALIBRATE=0) unless a test installs its own, so decisions are deterministic.
export default mergeConfig(shared, {
  test: {
    env: {
      POLYCORE_CACHE_DIR: path.join(os.tmpdir(), 'polycore-dispatch-test'),
      POLYCORE_CALIBRATE: '0',
    },
  },
});
