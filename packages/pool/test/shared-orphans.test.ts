import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const parentScript = fileURLToPath(new URL('./fixtures/shared/orphan-parent.mjs', import.meta.url));

/** Whether `pid` still runs (a zombie waiting for its reaper counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no procfs: trust kill(pid, 0)
  }
}

describe('child processes of a parent that gets SIGKILLed', () => {
  it('Process children (async and blocking waits) and pool workers exit on their own', async () => {
    const parent = spawn(process.execPath, [parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pids = await new Promise<number[]>((resolve, reject) => {
      let out = '';
      parent.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(JSON.parse(out) as number[]);
      });
      parent.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
    });
    expect(pids).toHaveLength(4);
    for (const pid of pids) expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const left = pids.filter(alive);
    for (const pid of left) process.kill(pid, 'SIGKILL'); // don't leak them if this fails
    expect(left).toEqual([]);
  });
});
