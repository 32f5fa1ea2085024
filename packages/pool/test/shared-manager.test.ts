import { ClosedError, type DictProxy, type ListProxy, Manager, Pool, Process } from '@polycore/pool';
import { describe, expect, it } from 'vitest';

const BACKENDS = ['threads', 'processes'] as const;

describe('Manager', () => {
  it('dict and list operations on the main thread', async () => {
    const m = new Manager();
    try {
      const d = m.dict<number>({ a: 1 });
      expect(await d.get('a')).toBe(1);
      expect(await d.get('zz', 9)).toBe(9);
      await d.set('b', 2);
      expect(await d.add('b', 40)).toBe(42);
      expect(await d.setDefault('c', 3)).toBe(3);
      expect(await d.has('c')).toBe(true);
      expect(await d.pop('c')).toBe(3);
      expect(await d.delete('c')).toBe(false);
      expect((await d.keys()).sort()).toEqual(['a', 'b']);
      expect(await d.size()).toBe(2);
      expect(await d.toObject()).toEqual({ a: 1, b: 42 });
      await expect(d.get({} as never)).rejects.toThrow(/keys must be strings or numbers/);
      const l = m.list<string>(['x']);
      await l.append('y');
      await l.extend(['z']);
      await l.insert(0, 'w');
      expect(await l.toArray()).toEqual(['w', 'x', 'y', 'z']);
      expect(await l.get(-1)).toBe('z');
      expect(await l.pop()).toBe('z');
      expect(await l.indexOf('x')).toBe(1);
      await expect(l.get(10)).rejects.toThrow(/out of range/);
      expect(await l.length()).toBe(3);
    } finally {
      m.shutdown();
    }
  });

  it('rejects calls after shutdown', async () => {
    const m = new Manager();
    const d = m.dict();
    m.shutdown();
    await expect(d.get('a')).rejects.toThrow(ClosedError);
    expect(() => m.list()).toThrow(ClosedError);
  });

  it.each(BACKENDS)('one consistent state for Process and pool workers (%s)', async (backend) => {
    const m = new Manager();
    try {
      const d = m.dict<number>();
      const l = m.list<number>();
      const work = async (d: DictProxy<number>, l: ListProxy<number>, k: number) => {
        for (let i = 0; i < 50; i++) {
          await d.add('n', 1);
          await l.append(k * 100 + i);
        }
        return k;
      };
      const p = new Process({ target: work, args: [d, l, 9], backend });
      p.start();
      await using pool = new Pool({ workers: 2, backend });
      expect(
        await pool.starmap(
          work,
          [1, 2].map((k) => [d, l, k] as [DictProxy<number>, ListProxy<number>, number]),
        ),
      ).toEqual([1, 2]);
      expect(await p.join()).toBe(0);
      expect(await d.get('n')).toBe(150);
      const items = await l.toArray();
      expect(items.length).toBe(150);
      expect(new Set(items).size).toBe(150);
    } finally {
      m.shutdown();
    }
  });
});
