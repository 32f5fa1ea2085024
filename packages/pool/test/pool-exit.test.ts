import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Each scenario runs in its own node process whose only live handles are the pool's: if a shutdown
// promise never settles, node exits with code 13 (unsettled top-level await) instead of 0.
const entry = new URL('../dist/index.js', import.meta.url).href;

const ENDINGS: Record<string, string> = {
  'close()': 'await pool.close();',
  'close() + join()': 'pool.close(); await pool.join();',
  'terminate()': 'await pool.terminate();',
  'terminate() + join()': 'void pool.terminate(); await pool.join();',
  'terminate() with a task running': `
    const running = pool.apply(() => { const t = Date.now(); while (Date.now() - t < 60000); }, []).then(() => 'resolved', (e) => e.name);
    await new Promise((r) => setTimeout(r, 200));
    await pool.terminate();
    if ((await running) !== 'PoolClosedError') throw new Error('the running task was not rejected');`,
  'terminate() while the workers boot': `
    const early = pool.apply((x) => x, [1]).then(() => 'resolved', (e) => e.name);
    await pool.terminate();
    if ((await early) !== 'PoolClosedError') throw new Error('the queued task was not rejected');`,
  'terminate() of a pool that never ran a task': 'await pool.terminate();',
  'await using': '',
};

const USING_SYNTAX = (() => {
  try {
    new Function('return async () => { await using x = null; }');
    return true;
  } catch {
    return false;
  }
})();

function script(backend: string, ending: string): string {
  const first =
    ending.includes('boot') || ending.includes('never')
      ? ''
      : 'if ((await pool.apply((x) => x + 1, [1])) !== 2) throw new Error("bad result");';
  const make = `new Pool({ workers: 2, backend: '${backend}' })`;
  // `await using` needs Node 24+; on older runtimes run what it desugars to.
  const body =
    ending !== 'await using'
      ? `const pool = ${make}; ${first} ${ENDINGS[ending]}`
      : USING_SYNTAX
        ? `{ await using pool = ${make}; ${first} }`
        : `{ const pool = ${make}; try { ${first} } finally { await pool[Symbol.asyncDispose](); } }`;
  return `import { Pool } from '${entry}'; ${body} console.log('ok');`;
}

function run(src: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS; // ~50 ms per start, not needed here
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', src],
      { env, timeout: 60_000, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? null) : 0;
        resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

describe.concurrent('shutdown settles and lets node exit on its own', () => {
  for (const backend of ['threads', 'processes', 'inline']) {
    for (const ending of Object.keys(ENDINGS)) {
      if (backend === 'inline' && ending.includes('task running')) continue; // a busy inline task blocks this thread
      it(`${backend}: ${ending}`, async () => {
        const r = await run(script(backend, ending));
        expect({ code: r.code, stdout: r.stdout.trim(), stderr: r.stderr }).toEqual({
          code: 0,
          stdout: 'ok',
          stderr: '',
        });
      }, 70_000);
    }
  }
});
