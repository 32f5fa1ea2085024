import { Pool } from '@polycore/pool';

const pool = new Pool({ workers: 2 });
const pairs = [
  [1, 2],
  [3, 4],
  [5, 6],
];
console.log(await pool.starmap((a, b) => a * b, pairs));
await pool.close();
