import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAddress } from '../../shared/address/index.ts';
import { observedRecord, retractedRecord } from '../../shared/chain/events.ts';
import {
  type EventType,
  envelope,
  TOPIC_EVENT_TYPES,
  type TopicRole,
  topicMayCarry,
} from '../../shared/contract/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { LAZARUS_WALLET, lazarusList, payoutExecuted, usdcTransfer } from '../helpers/fixtures.ts';
import { listedPayout } from './arbitraries.ts';
import { record, runBatch } from './batch-harness.ts';

// Properties of one batch that need the pipeline to bind event types to their topics
// (issue 14 point 4) and to dead-letter an event whose screening fails instead of failing
// the batch (the "any failure while screening one event" part of the issue).

const TOPICS: Readonly<Record<TopicRole, string>> = {
  payroll: 'payroll.events',
  transfers: 'chain.transfers',
  intel: 'intel.reports',
};
const AT = '2026-11-02T10:00:00Z';

/** A valid event of each type, as its rightful producer would write it. */
function eventOf(type: EventType, n: number): unknown {
  const meta = { id: `${type}:${n}`, occurredAt: AT, source: 'fuzz' };
  switch (type) {
    case 'worker.upserted':
      return envelope(type, { workerId: `w-${n}`, legalName: 'Ana Lima' }, meta);
    case 'payout.requested':
    case 'payout.executed':
      return { ...payoutExecuted({ id: meta.id, payoutId: `po-${n}` }), type };
    case 'transfer.observed':
      return JSON.parse(String(observedRecord(usdcTransfer({ logIndex: n }), false).value));
    case 'transfer.retracted':
      return JSON.parse(String(retractedRecord(usdcTransfer({ logIndex: n }), AT).value));
    case 'extortion.reported':
      return envelope(
        type,
        { reportId: `r-${n}`, addresses: [{ chain: 'ethereum', address: LAZARUS_WALLET }] },
        meta,
      );
  }
}

const TYPES = Object.values(TOPIC_EVENT_TYPES).flat();
const ROLES = Object.keys(TOPICS) as TopicRole[];

describe('events on the wrong topic', () => {
  it('dead-letters an event type its topic may not carry, and screens the rest', async () => {
    const message = fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom(...ROLES));
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 8 }), async (messages) => {
        const good = listedPayout();
        const records = [
          record(TOPICS.payroll, 0, Buffer.from(JSON.stringify(good))),
          ...messages.map(([type, role], i) =>
            record(TOPICS[role], i + 1, Buffer.from(JSON.stringify(eventOf(type, i + 1)))),
          ),
        ];
        const { dead, alerted } = await runBatch(records);
        const reasons = dead.reasons();
        messages.forEach(([type, role], i) => {
          const reason = reasons.get(String(i + 1));
          if (topicMayCarry(role, type)) expect(reason).toBeUndefined();
          else
            expect(reason).toMatch(new RegExp(`${type}.*${TOPICS[role]}|${TOPICS[role]}.*${type}`));
        });
        expect(alerted.has(good.id)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

/** A wallet whose lookup throws, standing for any bug that fails the screening of one event. */
const POISON_WALLET = '0x00000000000000000000000000000000000bad00';

class PoisonTags extends TagIndex {
  private readonly poison = normalizeAddress('ethereum', POISON_WALLET).key;
  override lookup(key: string) {
    if (key === this.poison) throw new Error('screening failed for this wallet');
    return super.lookup(key);
  }
}

describe('an event whose screening fails', () => {
  it('is dead-lettered with the reason and the rest of the batch is screened', async () => {
    const kinds = fc.array(fc.boolean(), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(kinds, async (poisoned) => {
        const events = poisoned.map((bad, i) =>
          bad
            ? payoutExecuted({ id: `bad-${i}`, payoutId: `po-bad-${i}`, toAddress: POISON_WALLET })
            : listedPayout(),
        );
        const records = events.map((e, i) =>
          record(TOPICS.payroll, i, Buffer.from(JSON.stringify(e))),
        );
        const { dead, alerted } = await runBatch(records, new PoisonTags([lazarusList()]));
        const reasons = dead.reasons();
        poisoned.forEach((bad, i) => {
          if (bad) expect(reasons.get(String(i))).toMatch(/screening failed/);
          else expect(alerted.has(events[i]!.id)).toBe(true);
        });
      }),
      { numRuns: 40 },
    );
  });
});
