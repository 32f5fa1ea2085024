import { Pool } from '@polycore/pool';

const pool = new Pool({ workers: 2 });
console.log(await pool.apply(Math.pow, [2, 10]));
const future = pool.submit((a, b) => a + b, [40, 2]);
console.log(await future, future.state);
await pool.close();
