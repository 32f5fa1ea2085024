import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

const cases: [string, RegExp][] = [
  ['cube.mjs', /\[\s*0,\s+1,\s+8,\s+27,\s+64,\s+125,\s+216,\s+343,\s+512,\s+729\s*\]/],
  ['starmap.mjs', /\[ 2, 12, 30 \]/],
  ['apply.mjs', /^1024\n42 fulfilled\n$/],
  ['io-progress.mjs', /^\d+ files, some bytes\n$/],
];

describe('README examples run as written', () => {
  it.each(cases)('%s', async (file, expected) => {
    const source = readFileSync(new URL(`examples/${file}`, root), 'utf8');
    expect(readme).toContain(source.trim());
    const { stdout } = await run(process.execPath, [new URL(`examples/${file}`, root).pathname], {
      timeout: 60_000,
    });
    expect(stdout).toMatch(expected);
  });
});
