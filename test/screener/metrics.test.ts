import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { registerScreenerMetrics } from '../../services/screener/metrics.ts';
import { Screener } from '../../services/screener/screener.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { createLogger } from '../../shared/log/logger.ts';
import { MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { MemoryEventLog } from '../../shared/ports/event-log/index.ts';
import { LAZARUS_WALLET, lazarusList, payoutExecuted, unique } from '../helpers/fixtures.ts';
import { eventually } from '../ports/event-log.contract.ts';

/** One series' value in the Prometheus text format. */
function value(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no series ${name}`);
  return Number(line.split(' ')[1]);
}

describe('screener metrics', () => {
  const log = new MemoryEventLog();
  const topic = unique('payroll.events');
  const screener = new Screener({
    log,
    sink: new MemoryAlertSink(),
    engine: { tags: new TagIndex([lazarusList()]) },
    groupId: unique('screener'),
    topics: [topic],
    dlqTopic: unique('flowsentry.dlq'),
    logger: createLogger('metrics-test', 'silent'),
  });
  afterAll(async () => {
    await screener.stop();
    await log.close();
  });

  it("shows what the engine's state holds: records in use, at rest, and their file's bytes", async () => {
    const registry = new Registry();
    registerScreenerMetrics(screener, registry);
    await screener.start();
    const payouts = [0, 1, 2].map((i) =>
      payoutExecuted({
        id: `evt-metrics-${i}`,
        payoutId: `po-metrics-${i}`,
        workerId: `w-metrics-${i}`,
        toAddress: i === 0 ? LAZARUS_WALLET.toLowerCase() : `0x${String(i).padStart(40, '0')}`,
        amount: '100.00',
        asset: 'USDC',
        occurredAt: `2026-11-02T10:00:0${i}Z`,
      }),
    );
    await log.publisher().publish(
      topic,
      payouts.map((p) => ({ key: p.data.workerId, value: JSON.stringify(p) })),
    );
    // The state goes at rest when the round's changes are written to the changelog.
    await eventually(
      () => screener.stats.events === 3 && screener.stateHolding.atRest >= 9,
      'the three payouts screened and their records at rest',
      20_000,
    );
    const text = await registry.metrics();
    expect(value(text, 'flowsentry_screener_events_screened')).toBe(3);
    // Each payout tracks at least its wallet, its worker and the payout itself.
    expect(value(text, 'flowsentry_engine_state_records_at_rest')).toBeGreaterThanOrEqual(9);
    expect(value(text, 'flowsentry_engine_state_records_in_use')).toBeGreaterThanOrEqual(9);
    expect(value(text, 'flowsentry_engine_state_file_bytes')).toBeGreaterThan(100);
  });
});
