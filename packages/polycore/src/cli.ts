#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { type CalibrationInfo, calibrate, calibrationInfo } from '@polycore/dispatch';
import { runDemo } from './demo.js';
import { info } from './info.js';

const HELP = `polycore — every core (and the GPU) from Node

Usage: polycore <command> [--json]

Commands:
  info       cores (physical/logical), SIMD, the native core and where it loaded from,
             and the dispatcher's calibration (measured on first use, then cached)
  calibrate  re-measure the dispatcher's cost model (add --gpu to measure the GPU too)
  demo       a tour of the use cases: pools, Parallel/delayed, Memory, shared memory,
             native kernels, dispatch and the GPU
  help       this text
`;

/** Prints the dispatcher's calibration for people. */
function printCalibration(c: CalibrationInfo): void {
  const inline = Object.entries(c.inlineUpTo)
    .map(([op, n]) => `${op} ≤ ${n}`)
    .join(', ');
  console.log(`  calibration:  measured ${c.measuredAt} in ${c.durationMs} ms, cached in ${c.cacheFile}`);
  console.log(`    runs inline in JS up to: ${inline || '(nothing: native always)'}`);
  console.log(
    `    tasks: thread start ${c.tasks.threadStartMs.toFixed(1)} ms, message ${c.tasks.threadMessageUs.toFixed(1)} µs; ` +
      `process start ${c.tasks.processStartMs.toFixed(1)} ms, message ${c.tasks.processMessageUs.toFixed(1)} µs`,
  );
  console.log(
    `    GPU: ${c.gpu ? (c.gpu.available ? c.gpu.adapter : `unavailable (${c.gpu.adapter})`) : 'not measured (polycore calibrate --gpu)'}`,
  );
}

/** Prints `info()` and the calibration for people (or as JSON with --json). */
function printInfo(json: boolean): void {
  const i = info();
  if (json) {
    console.log(JSON.stringify({ ...i, calibration: calibrationInfo() }, null, 2));
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
  printCalibration(calibrationInfo());
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      gpu: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = values.help ? 'help' : (positionals[0] ?? 'help');
  switch (command) {
    case 'info':
      printInfo(values.json ?? false);
      return 0;
    case 'calibrate': {
      const cal = await calibrate({ tasks: true, gpu: values.gpu ?? false });
      if (values.json) console.log(JSON.stringify(cal, null, 2));
      else {
        console.log(`calibrated in ${cal.durationMs} ms`);
        printCalibration(calibrationInfo());
      }
      return 0;
    }
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

// Exit explicitly: idle pools and calibration workers are unref'd, but an explicit exit also sidesteps
// Node's exit-time drain of background compile jobs (nodejs/node#54918).
main(process.argv.slice(2)).then(
  (code) => {
    process.exit(code);
  },
  (e: unknown) => {
    console.error(`polycore: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
