import { describe, expect, it } from 'vitest';
import { MemoryEngineState } from '../../../shared/engine/state/memory-engine-state.ts';

/** A record as the engine keeps one; `n` tells them apart after a trip to rest. */
const record = (n: number) => ({ payoutId: `po-${n}`, amount: n });

/**
 * Writes 60 payout records and reads `used` of them again (as a busy wallet is read every
 * pay run), then writes `more` and settles with room for 100. Which records stayed objects
 * shows by identity: a record back from rest is a new object.
 */
function settled(more: number, used: readonly number[]) {
  const state = new MemoryEngineState({ hotRecords: 100 });
  const objects = Array.from({ length: 60 + more }, (_, n) => record(n));
  for (let n = 0; n < 60; n++) state.put(`p:${n}`, objects[n]);
  state.settle();
  for (const n of used) state.get(`p:${n}`);
  for (let n = 60; n < objects.length; n++) state.put(`p:${n}`, objects[n]);
  state.settle();
  const inUse = state.holding.inUse;
  const stayed = objects.flatMap((o, n) => (state.get(`p:${n}`) === o ? [n] : []));
  return { state, stayed, inUse, count: objects.length };
}

describe('MemoryEngineState settling its records in use', () => {
  it.each([
    ['a few leave', 50],
    ['most leave', 940],
  ])(
    '%s: records used since the last settle stay objects, the oldest unused leave, none is lost',
    (_, more) => {
      const used = [0, 1, 2, 59];
      const { state, stayed, inUse, count } = settled(more, used);
      for (const n of used) expect(stayed).toContain(n);
      expect(stayed).not.toContain(3);
      expect(stayed).toContain(count - 1);
      // Three quarters of the room stay in use (the rest is room for the next batch).
      expect(inUse).toBe(75);
      // Every record reads back with its value, in use or from rest.
      for (let n = 0; n < count; n++) expect(state.get(`p:${n}`)).toEqual(record(n));
    },
  );

  it('lets records leave oldest first when none was used again', () => {
    const { stayed, count } = settled(940, []);
    expect(stayed).toEqual(Array.from({ length: 75 }, (_, i) => count - 75 + i));
  });

  it('keeps a record changed in use at rest with its change when it leaves', () => {
    const state = new MemoryEngineState({ hotRecords: 10 });
    for (let n = 0; n < 100; n++) state.put(`p:${n}`, record(n));
    state.settle();
    state.put('p:3', { ...record(3), amount: -1 });
    for (let n = 100; n < 200; n++) state.put(`p:${n}`, record(n));
    state.settle();
    expect(state.get('p:3')).toEqual({ ...record(3), amount: -1 });
  });
});
