import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { internalTopics } from '../../services/screener/screener.ts';
import { retractedRecord } from '../../shared/chain/events.ts';
import { type Envelope, envelope } from '../../shared/contract/index.ts';
import { FlowsentryError } from '../../shared/errors.ts';
import type { TagIndex } from '../../shared/lists/tag-index.ts';
import { TagIndex as Tags } from '../../shared/lists/tag-index.ts';
import { DLQ_HEADERS } from '../../shared/pipeline/index.ts';
import { createTopicsWithLeaders } from '../../shared/ports/event-log/index.ts';
import { lazarusList, payoutExecuted, unique, usdcTransfer } from '../helpers/fixtures.ts';
import { eventually } from '../ports/event-log.contract.ts';
import {
  BROKERS,
  createTopics,
  screenerFor,
  type Topics,
  uniqueTopics,
} from './streaming-harness.ts';

/**
 * Hostile and careless input through the public entry point: messages produced into the
 * real broker, read by a screener built as the service builds it (issue 14 points 1, 3,
 * 4 and 11).
 */
const kafka = new Kafka({ brokers: BROKERS, logLevel: logLevel.NOTHING });
const closers: (() => Promise<void>)[] = [];
const REPORTED = '0x2222222222222222222222222222222222222222';

async function send(topic: string, key: string, value: unknown): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ key, value: JSON.stringify(value) }] });
  await producer.disconnect();
}

/** The dead letters of a topic, by the reason header. */
async function deadLetters(topic: string, count: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: unique('dlq-reader') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const reasons: string[] = [];
  await consumer.run({
    eachMessage: async ({ message }) => {
      reasons.push(String(message.headers?.[DLQ_HEADERS.reason] ?? ''));
    },
  });
  await eventually(() => reasons.length >= count, `${count} dead letters`, 30_000);
  await consumer.disconnect();
  return reasons;
}

async function started(t: Topics, lists = [lazarusList()]) {
  await createTopics(t, 3);
  const s = screenerFor(t, unique('hostile'), unique('hostile-alerts'), lists);
  closers.push(s.close);
  await s.screener.start();
  return s;
}

describe('hostile input reaching the screener through Kafka', () => {
  afterAll(async () => {
    for (const close of closers) await close().catch(() => {});
  });

  it('dead-letters a retraction on the intel topic and an event dated in 2099; the clock stays put', async () => {
    const t = uniqueTopics('hostile');
    const { screener, sink } = await started(t);
    const past = payoutExecuted({
      payoutId: 'po-past',
      toAddress: REPORTED,
      occurredAt: '2026-10-01T10:00:00Z',
    });
    await send(t.payroll, 'w-1', past);
    await send(
      t.intel,
      'r-x',
      JSON.parse(String(retractedRecord(usdcTransfer(), '2026-10-02T00:00:00Z').value)),
    );
    await send(
      t.payroll,
      'w-2',
      payoutExecuted({ payoutId: 'po-future', occurredAt: '2099-01-01T00:00:00Z' }),
    );
    const report: Envelope = envelope(
      'extortion.reported',
      { reportId: 'r-1', addresses: [{ chain: 'ethereum', address: REPORTED }] },
      { id: 'report-1', occurredAt: '2026-10-03T00:00:00Z', source: 'victim' },
    );
    await send(t.intel, 'r-1', report);
    const reasons = await deadLetters(t.dlq, 2);
    expect(reasons.some((r) => /transfer\.retracted.*intel/.test(r))).toBe(true);
    expect(reasons.some((r) => /FLOWSENTRY_MAX_FUTURE_MS/.test(r))).toBe(true);
    // The report still finds the earlier payout: no future event moved retention.
    await eventually(() => screener.stats.alertsCreated >= 1, 'the extortion alert', 30_000);
    const alerts = await sink.list();
    expect(alerts.find((a) => a.rule === 'extortion-wallet')?.eventIds).toContain(past.id);
  }, 90_000);

  it('screens a worker named with Object.prototype words and goes on', async () => {
    const t = uniqueTopics('proto');
    const { screener, sink } = await started(t);
    const worker = envelope(
      'worker.upserted',
      { workerId: 'constructor', legalName: 'Bob Constructor', aliases: ['__proto__', 'toString'] },
      { id: 'w-proto', occurredAt: '2026-10-01T00:00:00Z', source: 'platform' },
    );
    await send(t.payroll, 'constructor', worker);
    await send(
      t.payroll,
      'constructor',
      payoutExecuted({
        workerId: 'constructor',
        toAddress: lazarusList().entries[0]!.addresses[0]!.address,
      }),
    );
    await eventually(() => screener.stats.events >= 2, 'both events screened', 30_000);
    expect(screener.stats.deadLettered).toBe(0);
    expect((await sink.list()).some((a) => a.rule === 'sanctioned-counterparty')).toBe(true);
  }, 90_000);

  it('is not ready while no list is active, and says so; ready once one is', async () => {
    const t = uniqueTopics('nolist');
    await createTopics(t, 1);
    let active: TagIndex | null = null;
    const s = screenerFor(t, unique('nolist'), unique('nolist-alerts'), [], {
      refresh: async () => {
        const next = active;
        active = null;
        return next;
      },
    });
    closers.push(s.close);
    await s.screener.start();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(s.screener.ready).toBe(false);
    active = new Tags([lazarusList()]);
    await eventually(() => s.screener.ready, 'ready once a list is active', 30_000);
  }, 60_000);

  it('refuses a changelog of one record per state key (an earlier version) and stays not ready', async () => {
    const t = uniqueTopics('oldlog');
    await createTopics(t, 1);
    const group = unique('oldlog');
    const { changelog } = internalTopics(group);
    const admin = kafka.admin();
    await admin.connect();
    await createTopicsWithLeaders(admin, [{ topic: changelog, numPartitions: 1 }]);
    await admin.disconnect();
    await send(changelog, 'w:w-1', { workerId: 'w-1' });
    const s = screenerFor(t, group, unique('oldlog-alerts'), [lazarusList()]);
    closers.push(s.close);
    await s.screener.start();
    await eventually(() => s.screener.fatal !== undefined, 'the refusal', 30_000);
    const fatal = s.screener.fatal;
    expect(fatal instanceof FlowsentryError && fatal.code).toBe('UNREADABLE_CHANGELOG');
    expect(fatal?.message).toMatch(/FLOWSENTRY_GROUP_ID/);
    expect(s.screener.ready).toBe(false);
  }, 60_000);
});
