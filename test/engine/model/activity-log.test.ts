import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityEntry,
  activityFromPairs,
  activityIds,
  NO_ACTIVITY,
  trimActivity,
  withoutActivity,
} from '../../../shared/engine/model/activity-log.ts';

/** The log as earlier versions kept it (flat time, id pairs), with their trimming rule: the reference. */
class PairLog {
  pairs: string[] = [];

  append(at: string, id: string): void {
    this.pairs.push(at, id);
  }

  ids(cutoff = ''): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.pairs.length; i += 2)
      if (this.pairs[i]! >= cutoff) out.push(this.pairs[i + 1]!);
    return out;
  }

  trim(max: number, cutoff: string): string[] {
    const log = this.pairs;
    let drop = 2 * Math.max(0, log.length / 2 - max);
    while (drop < log.length && log[drop]! < cutoff) drop += 2;
    const expired: string[] = [];
    for (let i = 0; i < drop && log[i]! < cutoff; i += 2) expired.push(log[i + 1]!);
    log.splice(0, drop);
    return expired;
  }

  remove(id: string): void {
    const kept: string[] = [];
    for (let i = 0; i < this.pairs.length; i += 2)
      if (this.pairs[i + 1] !== id) kept.push(this.pairs[i]!, this.pairs[i + 1]!);
    this.pairs = kept;
  }
}

const TIMES = [
  '1969-07-20T20:17:40.000Z',
  '2026-01-01T00:00:00.000Z',
  '2026-11-01T00:00:00.000Z',
  '2026-11-01T00:00:00.001Z',
  '2026-11-01T09:30:00.000Z',
  '2027-03-05T12:00:00.000Z',
];
const time = fc.constantFrom(...TIMES);
const id = fc.oneof(
  fc.constantFrom('e-1', 'e-2', 'payout.executed:7cef653810e49f5f2104c14c82a08609'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
);
const op = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), at: time, id }),
  fc.record({
    kind: fc.constant('trim' as const),
    max: fc.integer({ min: 1, max: 6 }),
    cutoff: fc.constantFrom('', ...TIMES),
  }),
  fc.record({ kind: fc.constant('remove' as const), id }),
);

describe('a wallet activity log', () => {
  it('keeps, trims and forgets entries exactly as the list of pairs did, whatever the ids', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.constantFrom('', ...TIMES), (ops, cutoff) => {
        const ref = new PairLog();
        let log = NO_ACTIVITY;
        let count = 0;
        for (const o of ops) {
          if (o.kind === 'append') {
            ref.append(o.at, o.id);
            log += activityEntry(o.at, o.id);
            count++;
          } else if (o.kind === 'trim') {
            const t = trimActivity(log, count, o.max, o.cutoff);
            expect(t.expired).toEqual(ref.trim(o.max, o.cutoff));
            log = t.log;
            count = t.count;
          } else {
            ref.remove(o.id);
            ({ log, count } = withoutActivity(log, o.id));
          }
          expect(count).toBe(ref.pairs.length / 2);
        }
        expect(activityIds(log)).toEqual(ref.ids());
        expect(activityIds(log, cutoff)).toEqual(ref.ids(cutoff));
        expect(activityFromPairs(ref.pairs)).toBe(log);
      }),
      { numRuns: 500 },
    );
  });

  it('costs a few characters beyond its ids', () => {
    const id = 'payout.executed:7cef653810e49f5f2104c14c82a08609';
    expect(activityEntry('2026-11-01T00:00:00.000Z', id)).toHaveLength(id.length + 7);
  });
});
