import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import { keyOf } from '../services/cli/demo/streaming.ts';
import { generateScenario } from '../services/cli/scenario/index.ts';
import { internalTopics, Screener } from '../services/screener/screener.ts';
import { type Envelope, TOPIC_EVENT_TYPES, type TopicRole } from '../shared/contract/index.ts';
import type { Alert } from '../shared/engine/alert.ts';
import { TagIndex } from '../shared/lists/tag-index.ts';
import type { ListSnapshot } from '../shared/lists/types.ts';
import { createLogger } from '../shared/log/logger.ts';
import {
  type AlertSink,
  BullmqAlertSink,
  type Retraction,
} from '../shared/ports/alert-sink/index.ts';
import { createTopicsWithLeaders, KafkaEventLog } from '../shared/ports/event-log/index.ts';
import { STANDARD_WORKLOAD } from './engine.ts';
import { benchList, payoutEvent } from './workload.ts';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const EVENTS = Number(process.env.BENCH_STREAM_EVENTS ?? 200_000);
const LISTED = 1_000;
const kafka = new Kafka({ brokers: BROKERS, logLevel: logLevel.NOTHING, clientId: 'bench' });
const run = Date.now().toString(36);

/** Input topics of one measured workload, each with the role the screener gives it. */
type Inputs = Readonly<Record<string, TopicRole>>;

async function createInputs(inputs: Inputs): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await createTopicsWithLeaders(
    admin,
    Object.keys(inputs).map((topic) => ({ topic, numPartitions: 3 })),
  );
  await admin.disconnect();
}

/** Produces events in the given order, each to the topic of its role, keyed as the contract says. */
async function fill(inputs: Inputs, events: Iterable<Envelope>): Promise<void> {
  await createInputs(inputs);
  const topicOf = new Map<string, string>();
  for (const [topic, role] of Object.entries(inputs))
    for (const type of TOPIC_EVENT_TYPES[role]) topicOf.set(type, topic);
  const producer = kafka.producer();
  await producer.connect();
  let batch = new Map<string, { key: string; value: string }[]>();
  let size = 0;
  const send = async () => {
    await producer.sendBatch({
      acks: 1,
      topicMessages: [...batch].map(([topic, messages]) => ({ topic, messages })),
    });
    batch = new Map();
    size = 0;
  };
  for (const e of events) {
    const topic = topicOf.get(e.type)!;
    const list = batch.get(topic) ?? [];
    list.push({ key: keyOf(e), value: JSON.stringify(e) });
    batch.set(topic, list);
    if (++size === 2_000) await send();
  }
  if (size > 0) await send();
  await producer.disconnect();
}

function* payouts(count: number, hitEvery: number): Generator<Envelope> {
  for (let i = 0; i < count; i++) yield payoutEvent(i, hitEvery, LISTED);
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

async function bareConsumer(
  topics: readonly string[],
  count: number,
): Promise<{ rate: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const consumer = kafka.consumer({
    groupId: `bench-bare-${run}`,
    maxBytesPerPartition: 4 * 1024 * 1024,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
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
  inputs: Inputs,
  lists: readonly ListSnapshot[],
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
    engine: { tags: new TagIndex(lists) },
    groupId,
    topics: Object.keys(inputs),
    roles: inputs,
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
  await deleteTopics([...Object.keys(inputs), internal.sequenced, internal.changelog]);
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

/** The bare consumer and the screener over the same topics, one after the other. */
async function measure(inputs: Inputs, lists: readonly ListSnapshot[], count: number) {
  const bare = await bareConsumer(Object.keys(inputs), count);
  const screened = await screenerRate(inputs, lists, count);
  return { bare, screened };
}

/**
 * Kafka -> screener -> BullMQ against a bare kafkajs consumer on the same topics, same run,
 * on two workloads:
 * - payouts: `EVENTS` payouts of 5,000 workers on one payroll topic, 1 in 1,000 to a listed
 *   wallet (the figure tracked since the first session);
 * - standard: the engine bench's workload (a generated platform: worker profiles, payouts and
 *   the chain's transfers with every typology planted) on the contract's three input topics,
 *   in time order: what a platform's stream looks like, with the graph rules at work.
 */
export async function benchStreaming(): Promise<Record<string, number | string>> {
  const payroll = { [`bench-payroll-${run}`]: 'payroll' } as const;
  await fill(payroll, payouts(EVENTS, 1_000));
  const p = await measure(payroll, [benchList(LISTED)], EVENTS);
  const scenario = generateScenario(STANDARD_WORKLOAD);
  const standard: Inputs = {
    [`bench-std-payroll-${run}`]: 'payroll',
    [`bench-std-transfers-${run}`]: 'transfers',
    [`bench-std-intel-${run}`]: 'intel',
  };
  await fill(standard, scenario.events);
  const s = await measure(standard, scenario.lists, scenario.events.length);
  return {
    'stream events': EVENTS,
    'bare kafkajs consumer, JSON.parse each (events/s)': Math.round(p.bare.rate),
    'bare kafkajs consumer, CPU per event (µs)': p.bare.cpu,
    'screener, changelog-backed state, first alert to all state durable (events/s)': Math.round(
      p.screened.rate,
    ),
    'screener, same, from process start incl. group joins (events/s)': Math.round(
      p.screened.wallRate,
    ),
    'screener, CPU per event, all threads (µs)': p.screened.cpu,
    'screener, engine thread busy (event loop utilization)': `${(p.screened.busy * 100).toFixed(0)}%`,
    'screener / bare consumer': `${((p.screened.rate / p.bare.rate) * 100).toFixed(0)}%`,
    'alerts in queue': p.screened.alerts,
    'standard workload: events on 3 topics': scenario.events.length,
    'standard workload: bare kafkajs consumer (events/s)': Math.round(s.bare.rate),
    'standard workload: screener, first alert to all state durable (events/s)': Math.round(
      s.screened.rate,
    ),
    'standard workload: screener, CPU per event, all threads (µs)': s.screened.cpu,
    'standard workload: screener / bare consumer': `${((s.screened.rate / s.bare.rate) * 100).toFixed(0)}%`,
    'standard workload: alerts in queue': s.screened.alerts,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchStreaming());
}
