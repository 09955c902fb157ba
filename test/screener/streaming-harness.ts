import { Kafka, logLevel } from 'kafkajs';
import { screenEvents } from '../../services/cli/embedded/index.ts';
import { Screener, type TagProvider } from '../../services/screener/screener.ts';
import type { Envelope } from '../../shared/contract/index.ts';
import type { Alert } from '../../shared/engine/alert.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import type { ListSnapshot } from '../../shared/lists/types.ts';
import { createLogger } from '../../shared/log/logger.ts';
import { compareEvents, normalizeEvent } from '../../shared/normalize/index.ts';
import { BullmqAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { createTopicsWithLeaders, KafkaEventLog } from '../../shared/ports/event-log/index.ts';
import { unique } from '../helpers/fixtures.ts';

export const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One deployment's topics, as the contract names their roles. */
export interface Topics {
  readonly payroll: string;
  readonly transfers: string;
  readonly intel: string;
  readonly dlq: string;
}

export function uniqueTopics(prefix: string): Topics {
  return {
    payroll: unique(`${prefix}-payroll`),
    transfers: unique(`${prefix}-transfers`),
    intel: unique(`${prefix}-intel`),
    dlq: unique(`${prefix}-dlq`),
  };
}

/** The contract's topic and message key for each event type. */
export function routeOf(e: Envelope, t: Topics): { topic: string; key: string } {
  switch (e.type) {
    case 'transfer.observed':
    case 'transfer.retracted':
      return { topic: t.transfers, key: `${e.data.chain}:${e.data.txHash}` };
    case 'extortion.reported':
      return { topic: t.intel, key: e.data.reportId };
    default:
      return { topic: t.payroll, key: e.data.workerId };
  }
}

/** Events in the canonical order a platform and a chain watcher would write them in. */
export function inTimeOrder(events: readonly Envelope[]): Envelope[] {
  return events
    .map(normalizeEvent)
    .sort(compareEvents)
    .map((e) => e.envelope);
}

/** What `flowsentry scan` finds in the same events: the expectation for every streaming run. */
export function scanOf(
  events: readonly Envelope[],
  lists: readonly ListSnapshot[],
): Promise<Alert[]> {
  return screenEvents(events.map(normalizeEvent).sort(compareEvents), lists);
}

export async function createTopics(t: Topics, partitions: number): Promise<void> {
  const admin = new Kafka({ brokers: BROKERS, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await createTopicsWithLeaders(
    admin,
    [t.payroll, t.transfers, t.intel].map((topic) => ({ topic, numPartitions: partitions })),
  );
  await admin.disconnect();
}

/**
 * Produces events in time order; `live` spreads them over time in small sends, as a
 * platform and a chain watcher write while screeners run, instead of one bulk load.
 */
export async function produce(
  events: readonly Envelope[],
  t: Topics,
  live?: { perSend: number; pauseMs: number },
): Promise<void> {
  const producer = new Kafka({ brokers: BROKERS, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  const step = live?.perSend ?? 2_000;
  for (let i = 0; i < events.length; i += step) {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const e of events.slice(i, i + step)) {
      const { topic, key } = routeOf(e, t);
      const list = byTopic.get(topic) ?? [];
      list.push({ key, value: JSON.stringify(e) });
      byTopic.set(topic, list);
    }
    // One send per step keeps time order across topics: later sends are later writes.
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    if (live) await new Promise((r) => setTimeout(r, live.pauseMs));
  }
  await producer.disconnect();
}

/** A screener as `flowsentry service screener` builds it, over the given topics and queue. */
export function screenerFor(
  t: Topics,
  groupId: string,
  queue: string,
  lists: readonly ListSnapshot[],
  tags?: TagProvider,
): { screener: Screener; sink: BullmqAlertSink; close(): Promise<void> } {
  const log = new KafkaEventLog({ brokers: BROKERS, sessionTimeoutMs: 6_000 });
  const sink = new BullmqAlertSink({ redisUrl: REDIS_URL, queueName: queue });
  const screener = new Screener({
    log,
    sink,
    engine: { tags: new TagIndex(lists) },
    groupId,
    topics: [t.payroll, t.transfers, t.intel],
    roles: { [t.payroll]: 'payroll', [t.transfers]: 'transfers', [t.intel]: 'intel' },
    dlqTopic: t.dlq,
    logger: createLogger('streaming-test', 'silent'),
    tagRefreshMs: 200,
    ...(tags ? { tags, requireLists: true } : {}),
  });
  return {
    screener,
    sink,
    close: async () => {
      await screener.stop().catch(() => {});
      await log.close();
      await sink.close();
    },
  };
}

/** Alerts sorted by id, for comparing runs field by field. */
export function byId(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
