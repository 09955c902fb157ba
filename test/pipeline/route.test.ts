import { describe, expect, it } from 'vitest';
import { normalizeEvent } from '../../shared/normalize/index.ts';
import { DEFAULT_TOPIC_ROLES, readSequenced, routeRecords } from '../../shared/pipeline/route.ts';
import { Sequencer } from '../../shared/pipeline/sequencer.ts';
import type { IncomingRecord, OutgoingRecord } from '../../shared/ports/event-log/index.ts';
import { LAZARUS_WALLET, payoutExecuted } from '../helpers/fixtures.ts';

function input(offset: number, value: string, partition = 2): IncomingRecord {
  return {
    topic: 'payroll.events',
    partition,
    offset: String(offset),
    key: null,
    value: Buffer.from(value),
    headers: {},
    timestamp: 1_700_000_000_000 + offset,
  };
}

/** Reads sequenced records back as the engine side receives them from Kafka. */
function readBack(records: readonly OutgoingRecord[]) {
  return records.flatMap((r, i) =>
    readSequenced({
      topic: 'g-sequenced',
      partition: 0,
      offset: String(i),
      key: null,
      value: r.value === null ? null : Buffer.from(r.value),
      headers: {},
    }),
  );
}

const roleOf = (topic: string) => DEFAULT_TOPIC_ROLES[topic];

describe('routing into the sequenced topic', () => {
  it('packs a batch into few records and reads back every offset in order, refusals as marks', () => {
    const payouts = Array.from({ length: 3_000 }, (_, i) =>
      payoutExecuted({
        id: `evt-${i}`,
        payoutId: `po-${i}`,
        toAddress: LAZARUS_WALLET.toLowerCase(),
        occurredAt: '2026-11-02T10:00:00Z',
      }),
    );
    const batch = payouts.map((p, i) => input(100 + i, JSON.stringify(p)));
    batch[7] = input(107, '{not json');
    const before = Date.now();
    const routed = routeRecords(batch, roleOf);

    expect(routed.events).toBe(2_999);
    expect(routed.dead).toHaveLength(1);
    expect(routed.sequenced.length).toBeGreaterThan(1);
    expect(routed.sequenced.length).toBeLessThan(20);
    const back = readBack(routed.sequenced);
    expect(back.map((r) => r.offset)).toEqual(batch.map((r) => Number(r.offset)));
    expect(back.every((r) => r.origin === 'payroll.events/2')).toBe(true);
    expect(back[7]).toEqual({
      origin: 'payroll.events/2',
      offset: 107,
      writtenAt: expect.any(Number),
    });
    expect(back[7]!.writtenAt).toBeGreaterThanOrEqual(before);
    expect(back[8]!.writtenAt).toBeGreaterThanOrEqual(before);
    expect(back[8]!.event).toEqual(JSON.parse(JSON.stringify(normalizeEvent(payouts[8]!))));
  });

  it('dates a record no earlier than routing read it, whatever its producer stamped', () => {
    // A platform stamping records with the event's own time (Kafka lets the client set
    // CreateTime): the stamp says nothing of when the record landed.
    const stamped = { ...input(3, JSON.stringify(payoutExecuted({ id: 'evt-s' }))), timestamp: 0 };
    const ahead = { ...input(4, JSON.stringify(payoutExecuted({ id: 'evt-a' }))) };
    const future = Date.now() + 60_000;
    ahead.timestamp = future;
    const before = Date.now();
    const [routed, ahead_] = readBack(routeRecords([stamped, ahead], roleOf).sequenced);
    expect(routed!.writtenAt).toBeGreaterThanOrEqual(before);
    expect(ahead_!.writtenAt).toBe(future);

    // So another partition whose end offset was read before routing does not count as
    // caught up for it: its earlier writes may not have landed then.
    const sequencer = new Sequencer();
    sequencer.offer({ ...routed!, seq: 0 });
    sequencer.ends(
      new Map([
        ['payroll.events/2', 4],
        ['chain.transfers/0', 0],
      ]),
      before - 1,
    );
    expect(sequencer.release()).toEqual([]);
    sequencer.ends(
      new Map([
        ['payroll.events/2', 4],
        ['chain.transfers/0', 0],
      ]),
      Date.now() + 25,
    );
    expect(sequencer.release().map((r) => r.event.envelope.id)).toEqual(['evt-s']);
  });

  it('starts a new record when the input partition changes', () => {
    const a = payoutExecuted({ id: 'evt-a', payoutId: 'po-a' });
    const b = payoutExecuted({ id: 'evt-b', payoutId: 'po-b' });
    const routed = routeRecords(
      [input(5, JSON.stringify(a), 0), input(9, JSON.stringify(b), 1)],
      roleOf,
    );
    const back = readBack(routed.sequenced);
    expect(back.map((r) => [r.origin, r.offset, r.event?.envelope.id])).toEqual([
      ['payroll.events/0', 5, 'evt-a'],
      ['payroll.events/1', 9, 'evt-b'],
    ]);
  });

  it('reads the JSON forms earlier versions wrote, and ignores what is not its own', () => {
    const event = normalizeEvent(payoutExecuted({ id: 'evt-old', payoutId: 'po-old' }));
    const old = `{"o":"payroll.events/0","n":41,"w":1700000000041,"e":${JSON.stringify(event)}}`;
    const mark = '{"o":"payroll.events/0","n":42,"w":1700000000042}';
    const packedJson = `{"o":"payroll.events/0","r":[[43,1700000000043,${JSON.stringify(event)}],[44,1700000000044]]}`;
    const routed = routeRecords(
      [input(45, JSON.stringify(payoutExecuted({ id: 'evt-new' })))],
      roleOf,
    );
    const cut = Buffer.from(routed.sequenced[0]!.value!).subarray(0, 40);
    const back = readBack([
      { key: null, value: old },
      { key: null, value: mark },
      { key: null, value: packedJson },
      { key: null, value: '{"something":"else"}' },
      { key: null, value: 'not json' },
      { key: null, value: cut },
      { key: null, value: Buffer.from([0xc1, 0xff, 0x00]) },
      ...routed.sequenced,
    ]);
    expect(back.map((r) => [r.offset, r.event?.envelope.id])).toEqual([
      [41, 'evt-old'],
      [42, undefined],
      [43, 'evt-old'],
      [44, undefined],
      [45, 'evt-new'],
    ]);
  });

  it('writes the routed events smaller than their JSON', () => {
    const batch = Array.from({ length: 500 }, (_, i) =>
      input(i, JSON.stringify(payoutExecuted({ id: `evt-${i}`, payoutId: `po-${i}` }))),
    );
    const routed = routeRecords(batch, roleOf);
    const bytes = routed.sequenced.reduce((n, r) => n + Buffer.byteLength(r.value!), 0);
    const json = batch.reduce(
      (n, r) => n + JSON.stringify(normalizeEvent(JSON.parse(r.value!.toString()))).length,
      0,
    );
    expect(bytes).toBeLessThan(json * 0.8);
  });
});
