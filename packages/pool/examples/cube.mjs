import { Pool } from '@polycore/pool';

function cube(x) {
  return x ** 3;
}

const pool = new Pool({ workers: 4 });
console.log(await pool.map(cube, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
await pool.close();
