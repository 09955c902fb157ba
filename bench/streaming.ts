import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import { internalTopics, Screener } from '../services/screener/screener.ts';
import type { Alert } from '../shared/engine/alert.ts';
import { TagIndex } from '../shared/lists/tag-index.ts';
import { createLogger } from '../shared/log/logger.ts';
import {
  type AlertSink,
  BullmqAlertSink,
  type Retraction,
} from '../shared/ports/alert-sink/index.ts';
import { createTopicsWithLeaders, KafkaEventLog } from '../shared/ports/event-log/index.ts';
import { benchList, payoutEvent } from './workload.ts';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const EVENTS = Number(process.env.BENCH_STREAM_EVENTS ?? 200_000);
const LISTED = 1_000;
const kafka = new Kafka({ brokers: BROKERS, logLevel: logLevel.NOTHING, clientId: 'bench' });
const run = Date.now().toString(36);

async function fill(topic: string, count: number, hitEvery: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 3 }]);
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < count; i += 5_000) {
    const messages = [];
    for (let j = i; j < Math.min(count, i + 5_000); j++) {
      const e = payoutEvent(j, hitEvery, LISTED);
      messages.push({ key: e.data.workerId, value: JSON.stringify(e) });
    }
    await producer.send({ topic, acks: 1, messages });
  }
  await producer.disconnect();
}

/**
 * The baseline: a bare kafkajs consumer that JSON-parses each message, timed from its first
 * message to its last (the least any screener must do with an event).
 */
/** CPU time (user + system, every thread of the process) per event, in µs, since `from`. */
function cpuPerEvent(from: NodeJS.CpuUsage, count: number): number {
  const used = process.cpuUsage(from);
  return Number(((used.user + used.system) / count).toFixed(1));
}

async function bareConsumer(topic: string, count: number): Promise<{ rate: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const consumer = kafka.consumer({
    groupId: `bench-bare-${run}`,
    maxBytesPerPartition: 4 * 1024 * 1024,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  let first = 0;
  const done = new Promise<number>((resolve) => {
    consumer.run({
      eachBatch: async ({ batch }) => {
        if (first === 0) first = performance.now();
        for (const m of batch.messages) if (JSON.parse(m.value!.toString()).id) seen++;
        if (seen >= count) resolve(performance.now() - first);
      },
    });
  });
  const ms = await done;
  const cpuUs = cpuPerEvent(cpu, count);
  await consumer.disconnect();
  return { rate: (count / ms) * 1000, cpu: cpuUs };
}

/** Counts events through a sink wrapper, so the screener is timed from first to last delivery. */
class TimedSink implements AlertSink {
  first = 0;
  last = 0;
  constructor(readonly inner: BullmqAlertSink) {}
  async deliver(alerts: readonly Alert[]) {
    if (this.first === 0) this.first = performance.now();
    const r = await this.inner.deliver(alerts);
    this.last = performance.now();
    return r;
  }
  get = (id: string) => this.inner.get(id);
  markRetracted = (r: readonly Retraction[]) => this.inner.markRetracted(r);
  list = () => this.inner.list();
  close = () => this.inner.close();
}

/**
 * The screener as `flowsentry service screener` builds it: routing, the sequencer, the
 * engine with its state in process and every change written to the changelog topic.
 */
async function screenerRate(
  topic: string,
  count: number,
): Promise<{ rate: number; wallRate: number; cpu: number; busy: number; alerts: number }> {
  const log = new KafkaEventLog({ brokers: BROKERS });
  const sink = new TimedSink(
    new BullmqAlertSink({ redisUrl: REDIS_URL, queueName: `bench-alerts-${run}` }),
  );
  const groupId = `bench-screener-${run}`;
  const screener = new Screener({
    log,
    sink,
    engine: { tags: new TagIndex([benchList(LISTED)]) },
    groupId,
    topics: [topic],
    dlqTopic: `bench-dlq-${run}`,
    logger: createLogger('bench', 'silent'),
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  await screener.start();
  while (screener.stats.events < count) await new Promise((r) => setTimeout(r, 20));
  // Throughput counts the state made durable: the changes of the last events are written
  // to the changelog now rather than at the next commit interval.
  await screener.flush();
  const durable = performance.now();
  const wall = durable - started;
  const cpuUs = cpuPerEvent(cpu, count);
  const busy = performance.eventLoopUtilization(elu).utilization;
  await screener.stop();
  const alerts = (await sink.list()).length;
  await sink.inner.queue.obliterate({ force: true });
  await sink.close();
  await log.close();
  const internal = internalTopics(groupId);
  await deleteTopics([topic, internal.sequenced, internal.changelog]);
  return {
    rate: (count / (durable - sink.first)) * 1000,
    wallRate: (count / wall) * 1000,
    cpu: cpuUs,
    busy,
    alerts,
  };
}

async function deleteTopics(topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => {});
  await admin.disconnect();
}

/** Kafka -> screener -> BullMQ against a bare kafkajs consumer on the same topic, same run. */
export async function benchStreaming(): Promise<Record<string, number | string>> {
  const topic = `bench-payroll-${run}`;
  await fill(topic, EVENTS, 1_000);
  const bare = await bareConsumer(topic, EVENTS);
  const screened = await screenerRate(topic, EVENTS);
  return {
    'stream events': EVENTS,
    'bare kafkajs consumer, JSON.parse each (events/s)': Math.round(bare.rate),
    'bare kafkajs consumer, CPU per event (µs)': bare.cpu,
    'screener, changelog-backed state, first alert to all state durable (events/s)': Math.round(
      screened.rate,
    ),
    'screener, same, from process start incl. group joins (events/s)': Math.round(
      screened.wallRate,
    ),
    'screener, CPU per event, all threads (µs)': screened.cpu,
    'screener, engine thread busy (event loop utilization)': `${(screened.busy * 100).toFixed(0)}%`,
    'screener / bare consumer': `${((screened.rate / bare.rate) * 100).toFixed(0)}%`,
    'alerts in queue': screened.alerts,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchStreaming());
}
