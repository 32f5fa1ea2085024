#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runDemo } from './demo.js';
import { info } from './info.js';

const HELP = `polycore — every core (and the GPU) from Node

Usage: polycore <command> [--json]

Commands:
  info       cores (physical/logical), SIMD, the native core and where it loaded from
  demo       a short tour: a pool map, joblib-style Parallel, native kernels
  help       this text
`;

/** Prints `info()` for people (or as JSON with --json). */
function printInfo(json: boolean): void {
  const i = info();
  if (json) {
    console.log(JSON.stringify(i, null, 2));
    return;
  }
  console.log(`polycore on Node ${i.node} (${i.platform})`);
  console.log(`  cores:        ${i.physicalCores ?? '?'} physical, ${i.logicalCores} logical`);
  console.log(`  SIMD:         ${i.simd.length ? i.simd.join(' ') : '(unknown: no native core)'}`);
  console.log(
    i.native.loaded
      ? `  native core:  loaded from ${i.native.path}\n  native threads: ${i.nativeThreads}`
      : `  native core:  not loaded (${i.native.error}); TypeScript fallback kernels in use`,
  );
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const command = values.help ? 'help' : (positionals[0] ?? 'help');
  switch (command) {
    case 'info':
      printInfo(values.json ?? false);
      return 0;
    case 'demo':
      await runDemo();
      return 0;
    case 'help':
      console.log(HELP);
      return 0;
    default:
      console.error(`polycore: unknown command '${command}'\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`polycore: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
