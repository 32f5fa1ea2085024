#!/usr/bin/env node
// Runs every benchmark area (bench/<area>/run.mjs) one after another — never two at once, so
// they don't steal each other's cores — then rebuilds bench/README.md from each area's RESULTS.md.
// Usage: node bench/run.mjs [--no-run] [area ...]   (default: all areas; --no-run only rebuilds README.md)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const areas = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'run.mjs')))
  .map((d) => d.name)
  .sort();
const noRun = process.argv.includes('--no-run');
const wanted = process.argv.slice(2).filter((a) => a !== '--no-run');
for (const a of wanted)
  if (!areas.includes(a)) throw new RangeError(`unknown benchmark area '${a}' (have: ${areas.join(', ')})`);

if (!noRun) spawnSync('bash', [join(here, 'setup.sh')], { stdio: 'inherit' });
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS; // adds ~47 ms to every node start; it would skew start-up timings
for (const area of noRun ? [] : wanted.length ? wanted : areas) {
  console.log(`\n=== bench/${area} ===`);
  const r = spawnSync(process.execPath, [join(here, area, 'run.mjs')], {
    stdio: 'inherit',
    env,
    cwd: join(here, area),
  });
  if (r.status !== 0) console.error(`bench/${area} exited with ${r.status}`);
}

const intro = readFileSync(join(here, 'INTRO.md'), 'utf8');
const sections = areas
  .filter((a) => existsSync(join(here, a, 'RESULTS.md')))
  .map((a) => {
    let body = readFileSync(join(here, a, 'RESULTS.md'), 'utf8').replace(
      /\]\((?!https?:)([^)]+)\)/g,
      `](${a}/$1)`,
    );
    // An area's page may start at '#': nest every area under this page's title.
    if (/^# /m.test(body)) body = body.replace(/^(#+) /gm, '#$1 ');
    const chart = existsSync(join(here, a, 'chart.svg')) ? `\n![${a}](${a}/chart.svg)\n` : '';
    return `${body.trim()}\n${chart}`;
  });
writeFileSync(join(here, 'README.md'), `${intro.trim()}\n\n${sections.join('\n\n')}\n`);
console.log('\nwrote bench/README.md');
