import { describe, expect, it } from 'vitest';
import { RefIndex } from '../../../services/cli/embedded/ref-index.ts';

describe('RefIndex', () => {
  it('finds each id by its first ref through growth and removals, never another id of the same hash', () => {
    const index = new RefIndex();
    const idAt = new Map<number, string>();
    const match = (id: string) => (ref: number) => (idAt.get(ref) === id ? ref : undefined);
    const ids = Array.from({ length: 20_000 }, (_, i) => `transfer.observed:${i.toString(16)}`);
    ids.forEach((id, i) => {
      idAt.set(i, id);
      index.add(id, i, match(id));
    });
    // Redeliveries: the same ids at later refs; the first ref stays.
    ids.slice(0, 100).forEach((id, i) => {
      idAt.set(50_000 + i, id);
      index.add(id, 50_000 + i, match(id));
    });
    expect(ids.every((id, i) => index.find(id, match(id)) === i)).toBe(true);
    expect(index.find('transfer.observed:unknown', match('transfer.observed:unknown'))).toBe(
      undefined,
    );
    expect(index.remove(ids[7]!, match(ids[7]!))).toBe(true);
    expect(index.remove(ids[7]!, match(ids[7]!))).toBe(false);
    expect(index.find(ids[7]!, match(ids[7]!))).toBeUndefined();
    expect(index.find(ids[8]!, match(ids[8]!))).toBe(8);
  });
});
