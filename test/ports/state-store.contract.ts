import { afterAll, describe, expect, it } from 'vitest';
import type { StateStore } from '../../shared/ports/state-store/index.ts';
import { unique } from '../helpers/fixtures.ts';

/** The behaviour every StateStore adapter must show; run against Redis and the in-memory one. */
export function stateStoreContract(name: string, make: () => StateStore): void {
  describe(`StateStore contract: ${name}`, () => {
    const store = make();
    afterAll(() => store.close());

    it('gets, sets, deletes and reads many in order', async () => {
      const [a, b] = [unique('a'), unique('b')];
      expect(await store.get(a)).toBeNull();
      await store.set(a, '1');
      await store.set(b, 'two');
      expect(await store.getMany([b, unique('none'), a])).toEqual(['two', null, '1']);
      await store.delete(a);
      expect(await store.get(a)).toBeNull();
    });

    it('sets only when absent, and a claim expires', async () => {
      const k = unique('claim');
      expect(await store.setIfAbsent(k, 'first', 150)).toBe(true);
      expect(await store.setIfAbsent(k, 'second', 150)).toBe(false);
      expect(await store.get(k)).toBe('first');
      await new Promise((r) => setTimeout(r, 250));
      expect(await store.get(k)).toBeNull();
      expect(await store.setIfAbsent(k, 'third')).toBe(true);
    });

    it('counts new set members and increments atomically', async () => {
      const s = unique('set');
      expect(await store.addToSet(s, ['w1', 'w2'])).toBe(2);
      expect(await store.addToSet(s, ['w2', 'w3'])).toBe(1);
      expect((await store.members(s)).sort()).toEqual(['w1', 'w2', 'w3']);
      const c = unique('count');
      const results = await Promise.all(Array.from({ length: 20 }, () => store.increment(c)));
      expect(Math.max(...results)).toBe(20);
      expect(await store.increment(c, 5)).toBe(25);
    });

    it('writes and deletes many keys at once, with an expiry when asked', async () => {
      const [a, b, c] = [unique('m'), unique('m'), unique('m')];
      await store.set(c, 'old');
      await store.setMany([
        [a, 'A'],
        [b, 'B'],
        [c, null],
      ]);
      expect(await store.getMany([a, b, c])).toEqual(['A', 'B', null]);
      await store.setMany([[a, 'short']], 150);
      expect(await store.get(a)).toBe('short');
      await new Promise((r) => setTimeout(r, 250));
      expect(await store.get(a)).toBeNull();
    });
  });
}
