#!/usr/bin/env node
// The whole test suite: every package's vitest suite and `cargo test`, through turbo (cached,
// build first), then one summary line over all of them.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
rmSync(join(root, '.results'), { recursive: true, force: true });
const turbo = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'test', 'test:rust', '--continue', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
const summary = spawnSync(process.execPath, [join(root, 'scripts', 'summary.mjs')], { stdio: 'inherit' });
process.exit(turbo.status || summary.status || 0);
