import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Screener } from '../../services/screener/screener.ts';
import type { Alert } from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { createLogger } from '../../shared/log/logger.ts';
import { DLQ_HEADERS } from '../../shared/pipeline/index.ts';
import type { AlertSink } from '../../shared/ports/alert-sink/index.ts';
import type { EventLog, IncomingRecord } from '../../shared/ports/event-log/index.ts';
import { LAZARUS_WALLET, lazarusList, payoutExecuted, unique } from '../helpers/fixtures.ts';
import { eventually } from '../ports/event-log.contract.ts';

/** The pieces one mode provides: the event log it screens and the sink alerts land in. */
export interface ModeAdapters {
  readonly log: EventLog;
  readonly sink: AlertSink;
  /** Writes like a payroll platform would: kafkajs straight into the broker, or the in-memory log. */
  produce(topic: string, key: string, value: string): Promise<void>;
  /** Reads the dead-letter topic back. */
  readDeadLetters(topic: string): Promise<IncomingRecord[]>;
  close(): Promise<void>;
}

/** What the scenario found, for comparing modes. */
export type ScenarioResult = { alert: Alert };

/**
 * The walking-skeleton story, run the same way in every mode: a payout to a listed wallet
 * becomes one alert with its evidence, a redelivery adds nothing, and a malformed message
 * goes to the dead-letter topic without stopping the next good one.
 */
export function screenerScenario(
  mode: string,
  make: () => Promise<ModeAdapters>,
  results: ScenarioResult[],
): void {
  describe(`screener end to end: ${mode}`, () => {
    const topic = unique('payroll.events');
    const dlqTopic = unique('flowsentry.dlq');
    const payout = payoutExecuted({
      id: 'evt-payout-lazarus-1',
      payoutId: 'po-77',
      workerId: 'w-42',
      toAddress: LAZARUS_WALLET.toLowerCase(),
      amount: '4800.00',
      asset: 'USDC',
      occurredAt: '2026-11-02T10:00:00Z',
    });
    let adapters: ModeAdapters;
    let screener: Screener;

    beforeAll(async () => {
      adapters = await make();
      screener = new Screener({
        log: adapters.log,
        sink: adapters.sink,
        engine: { tags: new TagIndex([lazarusList()]) },
        groupId: unique('screener'),
        topics: [topic],
        dlqTopic,
        logger: createLogger('screener-test', 'silent'),
      });
      await screener.start();
    });
    afterAll(async () => {
      await screener.stop();
      await adapters.close();
    });

    it('turns a payout to a listed wallet into one alert with its evidence', async () => {
      await adapters.produce(topic, payout.data.workerId, JSON.stringify(payout));
      await eventually(() => screener.stats.alertsCreated === 1, 'the alert');
      const [alert] = await adapters.sink.list();
      expect(alert?.rule).toBe('sanctioned-counterparty');
      expect(alert?.severity).toBe('critical');
      expect(alert?.subject).toEqual({
        kind: 'wallet',
        chain: 'ethereum',
        address: LAZARUS_WALLET,
        workerId: 'w-42',
      });
      expect(alert?.evidence).toContainEqual(
        expect.objectContaining({ kind: 'event', eventId: payout.id, payoutId: 'po-77' }),
      );
      expect(alert?.evidence).toContainEqual(
        expect.objectContaining({
          kind: 'list-entry',
          name: 'LAZARUS GROUP',
          entryId: '27307',
          listVersion: 'ofac-sdn@2025-11-19#abcdef012345',
        }),
      );
      results.push({ alert: alert! });
    });

    it('gives one alert when the same event is delivered twice', async () => {
      await adapters.produce(topic, payout.data.workerId, JSON.stringify(payout));
      await eventually(() => screener.stats.events >= 2, 'the redelivered event');
      const alerts = await adapters.sink.list();
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.count).toBe(1);
    });

    it('dead-letters a malformed message with its reason and goes on', async () => {
      const bad = '{"type":"payout.executed","schemaVersion":1,"id":"bad-1"';
      const broken = { ...payoutExecuted({ toAddress: '0xnot-an-address-at-all-000000' }) };
      await adapters.produce(topic, 'w-x', bad);
      await adapters.produce(topic, 'w-y', JSON.stringify(broken));
      const next = payoutExecuted({
        id: 'evt-after-bad',
        payoutId: 'po-78',
        workerId: 'w-43',
        toAddress: LAZARUS_WALLET,
      });
      await adapters.produce(topic, 'w-43', JSON.stringify(next));
      await eventually(
        () => screener.stats.deadLettered >= 2 && screener.stats.alertsMerged >= 1,
        'dead letters and next alert',
      );
      const dead = await adapters.readDeadLetters(dlqTopic);
      const byValue = new Map(dead.map((r) => [r.value!.toString(), r.headers]));
      expect(byValue.get(bad)?.[DLQ_HEADERS.reason]).toMatch(/^not JSON/);
      expect(byValue.get(JSON.stringify(broken))?.[DLQ_HEADERS.reason]).toMatch(/data\.toAddress/);
      expect(byValue.get(bad)?.[DLQ_HEADERS.topic]).toBe(topic);
      const alert = (await adapters.sink.list())[0];
      expect(alert?.related.payouts).toEqual(['po-77', 'po-78']);
    });
  });
}
