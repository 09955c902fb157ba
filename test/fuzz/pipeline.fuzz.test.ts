import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Envelope, envelope } from '../../shared/contract/index.ts';
import { LAZARUS_WALLET, payoutExecuted } from '../helpers/fixtures.ts';
import { hostileValue, listedPayout, PROTOTYPE_WORDS } from './arbitraries.ts';
import { record, runBatch } from './batch-harness.ts';

// Property tests of one batch through the pipeline (decode, normalize, engine, sink, DLQ):
// hostile messages mixed with good ones never fail the batch, each lands in the dead-letter
// topic with its reason, and every good one is screened.

/** A batch: good payouts to a listed wallet and hostile values, in any order. */
const batch = fc
  .tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.array(fc.option(hostileValue, { freq: 8 }), { minLength: 1, maxLength: 8 }),
  )
  .chain(([goods, hostile]) =>
    fc.shuffledSubarray(
      [
        ...Array.from({ length: goods }, () => ({ good: true as const, event: listedPayout() })),
        // fc.option gives null now and then: an empty message value.
        ...hostile.map((value) => ({ good: false as const, value })),
      ],
      { minLength: goods + hostile.length },
    ),
  );

describe('a batch of hostile and good messages', () => {
  it('dead-letters every hostile message with its reason and screens every good one', async () => {
    await fc.assert(
      fc.asyncProperty(batch, async (items) => {
        const records = items.map((item, i) =>
          record(
            'payroll.events',
            i,
            item.good ? Buffer.from(JSON.stringify(item.event)) : item.value,
          ),
        );
        const { outcome, dead, alerted } = await runBatch(records);
        const reasons = dead.reasons();
        items.forEach((item, i) => {
          if (item.good) {
            expect(reasons.has(String(i))).toBe(false);
            expect(alerted.has(item.event.id)).toBe(true);
          } else expect(reasons.get(String(i))).toMatch(/\S/);
        });
        const goods = items.filter((item) => item.good).length;
        expect(outcome).toMatchObject({ events: goods, deadLettered: items.length - goods });
      }),
      { numRuns: 60 },
    );
  });
});

describe('prototype words as names and ids', () => {
  it('screens events whose names and ids are Object.prototype keys without failing the batch', async () => {
    const word = fc.constantFrom(...PROTOTYPE_WORDS);
    let n = 0;
    const named = fc.tuple(word, word, word).map(([id, name, employer]): Envelope[] => [
      envelope(
        'worker.upserted',
        {
          workerId: id,
          legalName: `Bob ${name[0]!.toUpperCase()}${name.slice(1)}`,
          aliases: [name, `${name} ${employer}`],
          employer: { id: employer, name: employer },
        },
        { id: `worker.upserted:${id}:${++n}`, occurredAt: '2026-11-02T10:00:00Z', source: 'fuzz' },
      ),
      payoutExecuted({ id: `po:${id}:${n}`, payoutId: id, workerId: id, employerId: employer }),
      payoutExecuted({ id: `listed:${name}:${n}`, payoutId: name, toAddress: LAZARUS_WALLET }),
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(named, { minLength: 1, maxLength: 4 }), async (groups) => {
        const events: Envelope[] = groups.flat();
        const records = events.map((e, i) =>
          record('payroll.events', i, Buffer.from(JSON.stringify(e))),
        );
        const { outcome, dead, alerted } = await runBatch(records);
        expect(dead.records).toEqual([]);
        expect(outcome.events).toBe(events.length);
        for (const e of events)
          if (e.type === 'payout.executed' && e.data.toAddress === LAZARUS_WALLET)
            expect(alerted.has(e.id)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
