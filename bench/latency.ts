import { Kafka, logLevel } from 'kafkajs';
import { Screener } from '../services/screener/screener.ts';
import type { Alert } from '../shared/engine/alert.ts';
import { TagIndex } from '../shared/lists/tag-index.ts';
import { createLogger } from '../shared/log/logger.ts';
import {
  type AlertSink,
  BullmqAlertSink,
  type Retraction,
} from '../shared/ports/alert-sink/index.ts';
import { KafkaEventLog } from '../shared/ports/event-log/index.ts';
import { benchList, payoutEvent } from './workload.ts';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE = 1_000;
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
/**
 * Seconds of the same traffic before the measured ones: the first events of a process meet
 * code not yet compiled and connections not yet used (their latency is reported apart).
 */
const WARMUP_SECONDS = Number(process.env.BENCH_LATENCY_WARMUP_SECONDS ?? 2);
const HIT_EVERY = 10;
const run = `lat-${Date.now().toString(36)}`;

/** Notes when each event's alert was first delivered. */
class ArrivalSink implements AlertSink {
  readonly arrived = new Map<string, number>();
  constructor(readonly inner: BullmqAlertSink) {}
  async deliver(alerts: readonly Alert[]) {
    const r = await this.inner.deliver(alerts);
    const now = performance.now();
    for (const a of alerts)
      for (const id of a.eventIds) if (!this.arrived.has(id)) this.arrived.set(id, now);
    return r;
  }
  get = (id: string) => this.inner.get(id);
  markRetracted = (r: readonly Retraction[]) => this.inner.markRetracted(r);
  list = () => this.inner.list();
  close = () => this.inner.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Produces at a steady rate in 10 ms ticks, warm-up first; returns when each alerting
 * event was sent, those of the warm-up apart.
 */
async function produceSteadily(
  kafka: Kafka,
  topic: string,
): Promise<{ warmup: Map<string, number>; measured: Map<string, number> }> {
  const producer = kafka.producer();
  await producer.connect();
  const warmup = new Map<string, number>();
  const measured = new Map<string, number>();
  const perTick = RATE / 100;
  const start = performance.now();
  for (let tick = 0; tick < (WARMUP_SECONDS + SECONDS) * 100; tick++) {
    const sent = tick < WARMUP_SECONDS * 100 ? warmup : measured;
    const wait = start + tick * 10 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const events = Array.from({ length: perTick }, (_, j) =>
      payoutEvent(tick * perTick + j, HIT_EVERY, 1_000),
    );
    const at = performance.now();
    await producer.send({
      topic,
      acks: 1,
      messages: events.map((e) => ({ key: e.data.workerId, value: JSON.stringify(e) })),
    });
    for (const e of events)
      if (e.data.payoutId && Number(e.data.payoutId.split('-')[2]) % HIT_EVERY === 0)
        sent.set(e.id, at);
  }
  await producer.disconnect();
  return { warmup, measured };
}

/** Event-to-alert latency through Kafka -> screener -> BullMQ at a steady 1,000 events/s. */
export async function benchLatency(): Promise<Record<string, number | string>> {
  const kafka = new Kafka({
    brokers: BROKERS,
    logLevel: logLevel.NOTHING,
    clientId: 'bench-latency',
  });
  const topic = `bench-latency-${run}`;
  const log = new KafkaEventLog({ brokers: BROKERS });
  await log.ensureTopics([topic], 3);
  const sink = new ArrivalSink(
    new BullmqAlertSink({ redisUrl: REDIS_URL, queueName: `${run}-alerts` }),
  );
  const screener = new Screener({
    log,
    sink,
    engine: { tags: new TagIndex([benchList(1_000)]) },
    groupId: `${run}-screener`,
    topics: [topic],
    dlqTopic: `${run}-dlq`,
    logger: createLogger('bench', 'silent'),
  });
  await screener.start();
  // Let the group settle before the clock starts: joining is not event latency.
  await new Promise((r) => setTimeout(r, 3_000));
  const { warmup, measured } = await produceSteadily(kafka, topic);
  const until = Date.now() + 10_000;
  while ([...measured.keys()].some((id) => !sink.arrived.has(id)) && Date.now() < until)
    await new Promise((r) => setTimeout(r, 50));
  await screener.stop();
  const latencyOf = (sent: Map<string, number>) =>
    [...sent]
      .map(([id, at]) => (sink.arrived.get(id) ?? Number.POSITIVE_INFINITY) - at)
      .sort((a, b) => a - b);
  const latencies = latencyOf(measured);
  const first = latencyOf(warmup);
  await sink.inner.queue.obliterate({ force: true });
  await sink.close();
  await log.close();
  return {
    'latency: rate (events/s)': RATE,
    'latency: alerting events measured': latencies.length,
    'latency: seconds of warm-up before them': WARMUP_SECONDS,
    'latency p50 (ms)': Number(percentile(latencies, 50).toFixed(1)),
    'latency p99 (ms)': Number(percentile(latencies, 99).toFixed(1)),
    'latency max (ms)': Number(latencies[latencies.length - 1]!.toFixed(1)),
    'latency p99 of the warm-up events (ms)':
      first.length > 0 ? Number(percentile(first, 99).toFixed(1)) : '-',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchLatency());
}
