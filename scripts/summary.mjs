#!/usr/bin/env node
// Adds up every suite's results (vitest JSON reports of each package, cargo test) and prints
// one closing line: `N passed, N failed`. Exits non-zero when anything failed or a suite is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const suites = [];
const root = process.cwd();
for (const dir of readdirSync(join(root, 'packages'))) {
  const file = join(root, 'packages', dir, '.results', 'vitest.json');
  if (!existsSync(join(root, 'packages', dir, 'package.json'))) continue;
  if (!existsSync(file)) {
    suites.push({ suite: `@${dir} (vitest)`, passed: 0, failed: 1, missing: true });
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  suites.push({
    suite: `${dir} (vitest)`,
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0),
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  });
}
const rust = join(root, '.results', 'rust.json');
if (existsSync(rust)) suites.push(JSON.parse(readFileSync(rust, 'utf8')));
else suites.push({ suite: 'cargo test', passed: 0, failed: 1, missing: true });

let passed = 0;
let failed = 0;
let skipped = 0;
for (const s of suites) {
  passed += s.passed;
  failed += s.failed;
  skipped += s.skipped ?? 0;
  const note = s.missing ? ' (no results: the suite did not run)' : '';
  console.log(`  ${s.suite}: ${s.passed} passed, ${s.failed} failed${note}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
