import { Kafka, logLevel } from 'kafkajs';
import type { Envelope } from '../../../shared/contract/index.ts';
import type { Alert } from '../../../shared/engine/alert.ts';
import { TagIndex } from '../../../shared/lists/tag-index.ts';
import type { ListSnapshot } from '../../../shared/lists/types.ts';
import { createLogger } from '../../../shared/log/logger.ts';
import {
  type AlertSink,
  BullmqAlertSink,
  type DeliveryResult,
  type Retraction,
} from '../../../shared/ports/alert-sink/index.ts';
import {
  type EventLog,
  KafkaEventLog,
  type OutgoingRecord,
} from '../../../shared/ports/event-log/index.ts';
import { Screener } from '../../screener/screener.ts';

/** Where a streaming run goes and what runs it. */
export interface StreamingOptions {
  readonly brokers: readonly string[];
  readonly redisUrl: string;
  /** Topic for the run's events; created with one partition (see docs/embedded.md). */
  readonly topic: string;
  readonly queue: string;
  /** Deletes the run's topics afterwards (default true). */
  readonly cleanUp?: boolean;
  readonly timeoutMs?: number;
}

/** What a streaming run gave: the alerts it delivered, read back from the queue. */
export interface StreamingResult {
  readonly alerts: Alert[];
  readonly ms: number;
  readonly delivered: DeliveryResult;
}

/** The contract's message key for an event: worker id, chain + tx hash, or report id. */
export function keyOf(e: Envelope): string {
  if (e.type === 'transfer.observed' || e.type === 'transfer.retracted')
    return `${e.data.chain}:${e.data.txHash}`;
  if (e.type === 'extortion.reported') return e.data.reportId;
  return e.data.workerId;
}

/** Remembers which alerts this run delivered, so a shared queue's older alerts stay out of the result. */
class RecordingSink implements AlertSink {
  readonly ids = new Set<string>();
  readonly totals = { created: 0, merged: 0, unchanged: 0 };
  constructor(readonly inner: BullmqAlertSink) {}
  async deliver(alerts: readonly Alert[]): Promise<DeliveryResult> {
    const r = await this.inner.deliver(alerts);
    for (const a of alerts) this.ids.add(a.id);
    this.totals.created += r.created;
    this.totals.merged += r.merged;
    this.totals.unchanged += r.unchanged;
    return r;
  }
  markRetracted = (retractions: readonly Retraction[]) => this.inner.markRetracted(retractions);
  get = (id: string) => this.inner.get(id);
  list = () => this.inner.list();
  /**
   * BullMQ treats the ioredis instance the sink hands it as shared and never closes it, so
   * it is disconnected here too: otherwise its socket keeps the demo process alive.
   */
  async close(): Promise<void> {
    const client = await this.inner.queue.client;
    await this.inner.close();
    client.disconnect();
  }
}

async function publishAll(
  log: EventLog,
  topic: string,
  events: readonly Envelope[],
): Promise<void> {
  await log.ensureTopics([topic], 1);
  const publisher = log.publisher();
  try {
    for (let i = 0; i < events.length; i += 500) {
      const records: OutgoingRecord[] = events
        .slice(i, i + 500)
        .map((e) => ({ key: keyOf(e), value: JSON.stringify(e) }));
      await publisher.publish(topic, records);
    }
  } finally {
    await publisher.close();
  }
}

async function waitFor(screener: Screener, count: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (screener.stats.events + screener.stats.deadLettered < count) {
    if (Date.now() > until)
      throw new Error(
        `streaming run: ${screener.stats.events} of ${count} events screened after ${timeoutMs} ms`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function deleteTopics(brokers: readonly string[], topics: string[]): Promise<void> {
  const admin = new Kafka({
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    clientId: 'flowsentry-demo',
  }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
}

/**
 * Runs events through the streaming services: published to Kafka in time order on one
 * partition, screened by a Screener (its own consumer group), alerts delivered to the
 * BullMQ queue and read back. Same engine, same lists as embedded mode.
 */
export async function runStreaming(
  events: readonly Envelope[],
  lists: readonly ListSnapshot[],
  o: StreamingOptions,
): Promise<StreamingResult> {
  const started = performance.now();
  const log = new KafkaEventLog({ brokers: o.brokers, clientId: 'flowsentry-demo' });
  const sink = new RecordingSink(new BullmqAlertSink({ redisUrl: o.redisUrl, queueName: o.queue }));
  const dlqTopic = `${o.topic}.dlq`;
  const screener = new Screener({
    log,
    sink,
    engine: { tags: new TagIndex(lists) },
    groupId: `${o.topic}.screener`,
    topics: [o.topic],
    dlqTopic,
    logger: createLogger('flowsentry-demo', 'silent'),
  });
  try {
    await publishAll(log, o.topic, events);
    await screener.start();
    await waitFor(screener, events.length, o.timeoutMs ?? 120_000);
    const alerts = (await Promise.all([...sink.ids].map((id) => sink.get(id)))).filter(
      (a): a is Alert => a !== null,
    );
    return { alerts, ms: performance.now() - started, delivered: { ...sink.totals } };
  } finally {
    await screener.stop().catch(() => {});
    await log.close();
    await sink.close();
    // The screener's own topics are named after its group (`<group>-sequenced`, `-state-changelog`).
    const internal = ['sequenced', 'state-changelog'].map((t) => `${o.topic}.screener-${t}`);
    if (o.cleanUp !== false)
      await deleteTopics(o.brokers, [o.topic, dlqTopic, ...internal]).catch(() => {});
  }
}
