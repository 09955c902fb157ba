import { afterAll, describe, expect, it } from 'vitest';
import { observedId, observedRecord } from '../../shared/chain/events.ts';
import { decodeEvent } from '../../shared/contract/index.ts';
import { Engine } from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';
import type { AlertSink } from '../../shared/ports/alert-sink/index.ts';
import { LAZARUS, transfer, W, worker } from '../engine/events.ts';
import { LAZARUS_WALLET, lazarusList, payoutExecuted, usdcTransfer } from '../helpers/fixtures.ts';

const engine = new Engine({ tags: new TagIndex([lazarusList()]) });
const alertsFor = (...events: ReturnType<typeof payoutExecuted>[]) =>
  engine.process(events.map(normalizeEvent));

/** The behaviour every AlertSink adapter must show; run against BullMQ and the in-memory one. */
export function alertSinkContract(name: string, make: () => AlertSink): void {
  describe(`AlertSink contract: ${name}`, () => {
    const sink = make();
    afterAll(() => sink.close());

    it('creates an alert once, however often the same events are delivered', async () => {
      const [alert] = alertsFor(
        payoutExecuted({ toAddress: LAZARUS_WALLET, workerId: `w-${name}-1` }),
      );
      expect(await sink.deliver([alert!])).toEqual({ created: 1, merged: 0, unchanged: 0 });
      expect(await sink.deliver([alert!])).toEqual({ created: 0, merged: 0, unchanged: 1 });
      expect(await sink.get(alert!.id)).toEqual(alert);
    });

    it('merges a repeat of the finding into the open alert', async () => {
      const first = payoutExecuted({
        toAddress: LAZARUS_WALLET,
        payoutId: 'p1',
        occurredAt: '2026-10-03T08:00:00Z',
      });
      const second = payoutExecuted({
        toAddress: LAZARUS_WALLET,
        payoutId: 'p2',
        occurredAt: '2026-10-09T08:00:00Z',
      });
      const [a] = alertsFor(first);
      const [b] = alertsFor(second);
      expect(a!.id).toBe(b!.id);
      await sink.deliver([a!]);
      expect(await sink.deliver([b!])).toEqual({ created: 0, merged: 1, unchanged: 0 });
      const merged = await sink.get(a!.id);
      expect(merged?.count).toBe(2);
      expect(merged?.eventIds).toEqual([first.id, second.id]);
      expect(merged?.related.payouts).toEqual(['p1', 'p2']);
      expect(merged?.createdAt).toBe('2026-10-03T08:00:00.000Z');
      expect(merged?.lastSeenAt).toBe('2026-10-09T08:00:00.000Z');
      expect((await sink.list()).map((x) => x.id)).toContain(a!.id);
    });

    it('merges a worker revealed later into an alert that named none (issue 12)', async () => {
      // Lazarus pays a wallet; three days later a profile lists it.
      const own = new Engine({ tags: new TagIndex([lazarusList()]) });
      const wallet = W(0x5eed);
      const inflow = transfer(LAZARUS, wallet, 4000, '2027-03-02T10:00:00Z');
      const profile = worker(
        `w-${name}-late`,
        { payoutWallets: [{ chain: 'ethereum', address: wallet }] },
        '2027-03-05T10:00:00Z',
      );
      const [first] = own.process([normalizeEvent(inflow)]);
      const [late] = own
        .process([normalizeEvent(profile)])
        .filter((a) => a.rule === 'sanctioned-counterparty');
      expect(late!.id).toBe(first!.id);
      await sink.deliver([first!]);
      expect(await sink.deliver([late!])).toEqual({ created: 0, merged: 1, unchanged: 0 });
      expect(await sink.deliver([late!])).toEqual({ created: 0, merged: 0, unchanged: 1 });
      const merged = await sink.get(first!.id);
      expect(merged?.related.workers).toEqual([`w-${name}-late`]);
      expect(merged?.subject.workerId).toBe(`w-${name}-late`);
      expect(merged?.eventIds).toEqual([inflow.id, profile.id]);
    });

    it('loses nothing when two deliveries of new events race', async () => {
      const events = Array.from({ length: 6 }, (_, i) =>
        payoutExecuted({
          toAddress: LAZARUS_WALLET,
          payoutId: `race-${i}`,
          occurredAt: '2026-08-05T08:00:00Z',
        }),
      );
      const alerts = events.map((e) => alertsFor(e)[0]!);
      await Promise.all(alerts.map((a) => sink.deliver([a])));
      const stored = await sink.get(alerts[0]!.id);
      expect(new Set(stored?.eventIds)).toEqual(new Set(events.map((e) => e.id)));
    });

    it('delivers a batch of many alerts with repeats of one, counting each as it applied', async () => {
      // Forty other alerts: the sink keys on the id alone, whatever the finding.
      const [base] = alertsFor(
        payoutExecuted({ toAddress: LAZARUS_WALLET, workerId: `w-${name}-batch` }),
      );
      const distinct = Array.from({ length: 40 }, (_, i) => ({
        ...base!,
        id: `${base!.id}-batch-${i}`,
      }));
      expect(new Set(distinct.map((a) => a.id)).size).toBe(40);
      const repeats = [
        payoutExecuted({
          toAddress: LAZARUS_WALLET,
          payoutId: 'rep-1',
          occurredAt: '2026-09-01T08:00:00Z',
        }),
        payoutExecuted({
          toAddress: LAZARUS_WALLET,
          payoutId: 'rep-2',
          occurredAt: '2026-09-02T08:00:00Z',
        }),
      ].map((e) => alertsFor(e)[0]!);
      expect(repeats[0]!.id).toBe(repeats[1]!.id);
      // The repeat's first sighting leads, its second trails the whole batch.
      const batch = [repeats[0]!, ...distinct, repeats[1]!, repeats[1]!];
      expect(await sink.deliver(batch)).toEqual({ created: 41, merged: 1, unchanged: 1 });
      for (const a of distinct) expect((await sink.get(a.id))?.eventIds).toEqual(a.eventIds);
      const merged = await sink.get(repeats[0]!.id);
      expect(merged?.related.payouts).toEqual(['rep-1', 'rep-2']);
    });

    it('withdraws an alert whose only transfer a reorg retracted, once', async () => {
      const transfer = usdcTransfer({
        txHash: `0x${'c3'.repeat(32)}`,
        timestamp: '2026-07-01T00:00:00Z',
      });
      const observed = decodeEvent(String(observedRecord(transfer, false).value));
      const [alert] = engine.process([normalizeEvent(observed)]);
      expect(alert?.eventIds).toEqual([observed.id]);
      await sink.deliver([alert!]);
      const retraction = {
        observedIds: [observedId(transfer, false), observedId(transfer, true)],
        note: 'reorg at 21000123',
      };
      expect(await sink.markRetracted([retraction])).toBe(1);
      expect(await sink.markRetracted([retraction])).toBe(0);
      const marked = await sink.get(alert!.id);
      expect(marked?.withdrawn).toBe(true);
      expect(marked?.retractedEventIds).toEqual([observed.id]);
      expect(marked?.evidence).toContainEqual({
        kind: 'fact',
        label: 'retracted by reorg',
        value: 'reorg at 21000123',
      });
    });
  });
}
