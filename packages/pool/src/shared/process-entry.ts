/**
 * Entry of a `Process` worker, both as a worker thread (task in `workerData`) and as a child
 * process (task in the first IPC message). Runs the task, waits until its async queue puts are
 * written, then exits with 0, 1 when it threw, or the code it passed to `process.exit`.
 * @module
 */
import { createRequire } from 'node:module';
import { isMainThread, workerData } from 'node:worker_threads';
import { decode } from '../codec.js';
import { exitWithParent } from '../parent-guard.js';
import type { ProcessStart } from './process.js';
import { flushPuts } from './put-batcher.js';
import './serializer.js';

async function run(start: ProcessStart): Promise<void> {
  let code = 0;
  try {
    for (const url of Object.values(start.modules)) await import(url);
    const args = (start.encoded ? decode(start.args, start.backend) : start.args) as unknown[];
    let fn: (...a: unknown[]) => unknown;
    if (start.spec.kind === 'module') {
      const mod = (await import(start.spec.url)) as Record<string, unknown>;
      const f = mod[start.spec.exportName];
      if (typeof f !== 'function')
        throw new TypeError(`export '${start.spec.exportName}' of ${start.spec.url} is not a function`);
      fn = f as typeof fn;
    } else {
      (globalThis as { require?: unknown }).require ??= createRequire(import.meta.url);
      fn = new Function(`return (${start.spec.source});`)() as typeof fn;
    }
    await fn(...args);
  } catch (e) {
    console.error(e);
    code = 1;
  }
  await flushPuts(); // async puts the task did not await still reach their queues
  process.exit(code);
}

if (!isMainThread) {
  void run(workerData as ProcessStart);
} else {
  exitWithParent(1); // the parent died or closed the channel: nobody can observe this task any more
  process.once('message', (m) => {
    process.channel?.unref();
    void run(m as ProcessStart);
  });
}
