// Task functions for the Node peers (piscina, tinypool: named exports).
export function inc(x) {
  return x + 1;
}
export function spin(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end);
  return ms;
}
export function len(a) {
  return a.length;
}
export function double(xs) {
  return xs.map((x) => x * 2);
}
export default inc;
