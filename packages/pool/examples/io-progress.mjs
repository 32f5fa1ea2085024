import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from '@polycore/pool';

// A thread pool for I/O: more workers than cores, each task awaits the disk.
async function fileSize(path) {
  const { stat } = require('node:fs/promises');
  return (await stat(path)).size;
}

const dir = new URL('.', import.meta.url).pathname;
const files = readdirSync(dir).map((f) => join(dir, f));
const pool = new Pool({ workers: 8, backend: 'threads' });
let total = 0;
// `progress: true` draws a bar on stderr when it is a terminal (use { force: true } to always draw).
for await (const size of pool.imap(fileSize, files, { progress: true })) total += size;
console.log(`${files.length} files, ${total > 0 ? 'some' : 'no'} bytes`);
await pool.close();
