import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract/index.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';
import { Sequencer } from '../../shared/pipeline/sequencer.ts';
import { payoutExecuted } from '../helpers/fixtures.ts';

const payout = (n: number): Envelope =>
  payoutExecuted({
    payoutId: `seq-${n}`,
    workerId: `w-seq-${n}`,
    occurredAt: new Date(Date.UTC(2026, 9, 1, 0, n)).toISOString(),
  });

/** Offers an event of `origin` at `offset`, written to its topic at `writtenAt` (ms). */
function offer(s: Sequencer, origin: string, offset: number, writtenAt: number, n = offset) {
  return s.offer({ origin, offset, writtenAt, seq: 0, event: normalizeEvent(payout(n)) });
}

const released = (s: Sequencer) => s.release().map((r) => `${r.origin}@${r.offset}`);

describe('the sequencer', () => {
  it('holds an event until every other origin is caught up on a read begun after it', () => {
    const s = new Sequencer({ skewMs: 0 });
    offer(s, 'a/0', 0, 1_000);
    // b/0 holds one record the sequencer has not seen yet.
    s.ends(
      new Map([
        ['a/0', 1],
        ['b/0', 1],
      ]),
      1_010,
    );
    expect(released(s)).toEqual([]);
    s.offer({ origin: 'b/0', offset: 0, writtenAt: 1_005, seq: 1 });
    expect(released(s)).toEqual(['a/0@0']);
  });

  it('does not take a read begun before the event as proof', () => {
    const s = new Sequencer({ skewMs: 0 });
    s.ends(
      new Map([
        ['a/0', 1],
        ['b/0', 0],
      ]),
      990,
    );
    offer(s, 'a/0', 0, 1_000);
    expect(released(s)).toEqual([]);
    s.ends(
      new Map([
        ['a/0', 1],
        ['b/0', 0],
      ]),
      1_001,
    );
    expect(released(s)).toEqual(['a/0@0']);
  });

  it('releases on an earlier whole read while later reads still name records in flight', () => {
    // Steady traffic: every read names records of b/0 still on their way, so the latest
    // read is never whole; the first read after the event is, once b/0 delivers up to it.
    const s = new Sequencer({ skewMs: 0 });
    offer(s, 'a/0', 0, 1_000, 0);
    s.ends(
      new Map([
        ['a/0', 1],
        ['b/0', 3],
      ]),
      1_010,
    );
    s.ends(
      new Map([
        ['a/0', 1],
        ['b/0', 6],
      ]),
      1_020,
    );
    s.ends(
      new Map([
        ['a/0', 1],
        ['b/0', 9],
      ]),
      1_030,
    );
    expect(released(s)).toEqual([]);
    // b/0 delivers its first three records, all later in event time than a/0's event
    // would also free it; these are marks (dead letters), which prove only the offsets.
    for (const offset of [0, 1, 2]) s.offer({ origin: 'b/0', offset, writtenAt: 1_001, seq: 2 });
    expect(released(s)).toEqual(['a/0@0']);
  });

  it('remembers an offset released before an earlier one of its origin, across a restore', () => {
    // Two events of one origin at the same time: the later offset has the smaller id, so it
    // goes first, and a round may end between the two.
    const at = '2026-10-01T00:00:00.000Z';
    const [second, first] = ['seq-tie-a', 'seq-tie-b']
      .map((payoutId) =>
        normalizeEvent(payoutExecuted({ payoutId, workerId: 'w-tie', occurredAt: at })),
      )
      .sort((x, y) => (x.envelope.id < y.envelope.id ? -1 : 1));
    const s = new Sequencer({ skewMs: 0 });
    s.offer({ origin: 'a/0', offset: 0, writtenAt: 1, seq: 0, event: first! });
    s.offer({ origin: 'a/0', offset: 1, writtenAt: 1, seq: 1, event: second! });
    s.ends(new Map([['a/0', 2]]), 10);
    expect(s.release(1).map((r) => r.offset)).toEqual([1]);
    const progress = s.progress();
    expect(progress['a/0']).toMatchObject({ through: -1, done: [1] });
    // A restored sequencer takes offset 0 again and drops offset 1 as applied.
    const again = new Sequencer({ skewMs: 0 });
    again.restore(progress);
    expect(again.offer({ origin: 'a/0', offset: 0, writtenAt: 1, seq: 0, event: first! })).toBe(
      true,
    );
    expect(again.offer({ origin: 'a/0', offset: 1, writtenAt: 1, seq: 1, event: second! })).toBe(
      false,
    );
    again.ends(new Map([['a/0', 2]]), 10);
    expect(again.release().map((r) => r.offset)).toEqual([0]);
    expect(again.progress()['a/0']).toMatchObject({ through: 1, done: [] });
  });
});
