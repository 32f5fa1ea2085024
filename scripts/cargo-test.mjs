#!/usr/bin/env node
// Runs `cargo test --workspace`, streams its output, and records the pass/fail counts in
// .results/rust.json for scripts/summary.mjs. Exits with cargo's status.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const child = spawn('cargo', ['test', '--workspace', '--color', 'never'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
const scan = (chunk, sink) => {
  sink.write(chunk);
  output += chunk.toString(); // counted at the end: a chunk may end mid-line
};
child.stdout.on('data', (c) => scan(c, process.stdout));
child.stderr.on('data', (c) => scan(c, process.stderr));
child.on('close', (code) => {
  let passed = 0;
  let failed = 0;
  let ran = false;
  for (const m of output.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
    ran = true;
  }
  if (code !== 0 && !ran) failed += 1; // a build failure counts as a failed suite
  mkdirSync('.results', { recursive: true });
  writeFileSync('.results/rust.json', JSON.stringify({ suite: 'cargo test', passed, failed, code }));
  process.exit(code ?? 1);
});
