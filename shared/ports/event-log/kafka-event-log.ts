import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip, unzip } from 'node:zlib';
import kafkajs, {
  type Admin,
  CompressionTypes,
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  Kafka,
  type KafkaConfig,
  type KafkaMessage,
  type LogEntry,
  logLevel,
  type Producer,
} from 'kafkajs';
import type {
  BatchHandler,
  EventLog,
  EventLogAddress,
  EventPublisher,
  EventSubscription,
  IncomingRecord,
  OutgoingRecord,
  PartitionOffset,
  SubscribeOptions,
  TopicSpec,
} from './event-log.ts';
import { createTopicsWithLeaders } from './kafka-topics.ts';
import { PublisherThread } from './publisher-thread.ts';

export interface KafkaEventLogOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Bytes a fetch may return per partition; bigger batches amortize the commit. */
  readonly maxBytesPerPartition?: number;
  /** Batches of different partitions handled at once (order within a partition is kept). */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * How long the group waits for a silent member before its partitions move on (kafkajs
   * default 30 s). Shorter means faster failover after a crash, longer tolerates GC pauses.
   */
  readonly sessionTimeoutMs?: number;
}

/**
 * GZIP at zlib level 1 instead of its default 6: on state pages it takes about 85% of the
 * CPU for about 5% more bytes, and the compression runs on the same two cores as
 * everything else. Any reader inflates it as gzip. kafkajs keeps one codec table per
 * process, so every client here compresses GZIP this way.
 */
const gzipFast = promisify(gzip);
const inflate = promisify(unzip);
kafkajs.CompressionCodecs[CompressionTypes.GZIP] = () => ({
  compress: (encoder: { buffer: Buffer }) => gzipFast(encoder.buffer, { level: 1 }),
  decompress: (buffer: Buffer) => inflate(buffer),
});

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v !== undefined) out[k] = Array.isArray(v) ? String(v[0]) : String(v);
  }
  return out;
}

/** The event log over a real Kafka cluster, through kafkajs. */
export class KafkaEventLog implements EventLog {
  private readonly kafka: Kafka;
  private readonly producers: Producer[] = [];
  private readonly consumers: Consumer[] = [];

  constructor(private readonly options: KafkaEventLogOptions) {
    const config: KafkaConfig = {
      clientId: options.clientId ?? 'flowsentry',
      brokers: [...options.brokers],
      logLevel: logLevel.ERROR,
      logCreator: quietLogCreator,
      retry: { retries: 8, initialRetryTime: 200 },
    };
    this.kafka = new Kafka(config);
  }

  address(): EventLogAddress {
    return { kind: 'kafka', options: this.options };
  }

  async ensureTopics(topics: readonly string[], spec: number | TopicSpec = 3): Promise<void> {
    const topicSpec: TopicSpec = typeof spec === 'number' ? { partitions: spec } : spec;
    const partitions = topicSpec.partitions ?? 3;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      if (missing.length > 0) {
        await createTopicsWithLeaders(
          admin,
          missing.map((topic) => ({
            topic,
            numPartitions: partitions,
            replicationFactor: 1,
            configEntries: topicConfig(topicSpec),
          })),
        );
      }
    } finally {
      await admin.disconnect();
    }
  }

  async endOffsets(topic: string): Promise<number[]> {
    const admin = await this.sharedAdmin();
    const offsets = await admin.fetchTopicOffsets(topic);
    const out: number[] = [];
    for (const o of offsets) out[o.partition] = Number(o.high);
    return out;
  }

  /** One admin connection for frequent offset queries (the sequencer asks several times a second). */
  private admin?: Promise<Admin>;
  private sharedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => {
        this.admin = undefined;
      });
    }
    return this.admin;
  }

  async readToEnd(topic: string, onRecord: (record: IncomingRecord) => void): Promise<void> {
    const admin = await this.sharedAdmin();
    const bounds = await admin.fetchTopicOffsets(topic);
    const pending = new Map<number, bigint>();
    for (const b of bounds)
      if (BigInt(b.high) > BigInt(b.low)) pending.set(b.partition, BigInt(b.high) - 1n);
    if (pending.size === 0) return;
    // kafkajs has no group-less assignment: a throwaway group reads the topic from its start.
    const groupId = `${this.options.clientId ?? 'flowsentry'}-restore-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, maxBytesPerPartition: 16 * 1024 * 1024 });
    let finish!: () => void;
    let fail!: (error: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const last = pending.get(batch.partition);
          if (last === undefined) return;
          try {
            for (const m of batch.messages) {
              if (BigInt(m.offset) > last) break;
              onRecord(toRecord(batch.topic, batch.partition, m));
            }
          } catch (error) {
            // The reader refused a record: the read fails (kafkajs would fetch it again forever).
            pending.clear();
            return fail(error);
          }
          if (BigInt(batch.lastOffset()) >= last) {
            pending.delete(batch.partition);
            if (pending.size === 0) finish();
          }
        },
      });
      await done;
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => {});
    }
  }

  publisher(): EventPublisher {
    const producer = this.kafka.producer({ allowAutoTopicCreation: true, idempotent: false });
    this.producers.push(producer);
    const connected = producer.connect();
    return {
      publish: async (topic, records) => {
        await connected;
        // In order, a bounded request at a time: the broker keeps a direct buffer per
        // thread as large as the largest request it was sent.
        for (const messages of chunks(records)) await producer.send({ topic, acks: -1, messages });
      },
      close: async () => {
        await connected.catch(() => {});
        await producer.disconnect();
      },
    };
  }

  transactionalPublisher(
    transactionalId: string,
    options: { readonly compress?: boolean; readonly thread?: boolean } = {},
  ): EventPublisher {
    if (options.thread)
      return new PublisherThread(this.address(), { transactionalId, compress: options.compress });
    const compression = options.compress ? CompressionTypes.GZIP : CompressionTypes.None;
    const producer = this.kafka.producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: true,
      // Back-to-back transactions meet CONCURRENT_TRANSACTIONS while the broker still writes
      // the previous commit's markers (a few ms): retry soon, not after the default 200 ms.
      retry: { initialRetryTime: 5, maxRetryTime: 500, retries: 30 },
    });
    this.producers.push(producer);
    // Connecting fences any older producer with the same id (a member that lost its partition).
    const connected = producer.connect();
    return {
      publish: async (topic, records) => {
        await connected;
        const tx = await producer.transaction();
        try {
          for (const messages of chunks(records, 4 * REQUEST_BYTES, MESSAGES_PER_SEND))
            await tx.send({ topic, acks: -1, messages, compression });
          await tx.commit();
        } catch (error) {
          await tx.abort().catch(() => {});
          throw error;
        }
      },
      close: async () => {
        await connected.catch(() => {});
        await producer.disconnect();
      },
    };
  }

  subscribe(options: SubscribeOptions): EventSubscription {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 4 * 1024 * 1024,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3_000, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 3)),
    });
    this.consumers.push(consumer);
    if (options.onFatal) {
      const fatal = options.onFatal;
      consumer.on(consumer.events.CRASH, (e) => {
        if (!e.payload.restart) fatal(e.payload.error);
      });
    }
    if (options.onAssigned) {
      const notify = options.onAssigned;
      consumer.on(consumer.events.GROUP_JOIN, (e) => {
        const assigned = Object.entries(e.payload.memberAssignment).flatMap(([topic, parts]) =>
          parts.map((partition) => ({ topic, partition })),
        );
        notify(assigned);
      });
    }
    return {
      commit: async (offsets: readonly PartitionOffset[]) => {
        if (offsets.length > 0) await consumer.commitOffsets([...offsets]);
      },
      seek: async (offsets: readonly PartitionOffset[]) => {
        for (const o of offsets) consumer.seek(o);
      },
      start: async (handler) => {
        await consumer.connect();
        await consumer.subscribe({
          topics: [...options.topics],
          fromBeginning: options.fromBeginning ?? true,
        });
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently:
            options.concurrency ?? this.options.partitionsConsumedConcurrently ?? 1,
          eachBatch: batchRunner(consumer, handler, !options.manualCommit),
        });
      },
      stop: async () => {
        await consumer.disconnect();
      },
    };
  }

  async close(): Promise<void> {
    const admin = this.admin?.catch(() => undefined);
    await Promise.allSettled([...this.producers, ...this.consumers].map((c) => c.disconnect()));
    await (await admin)?.disconnect();
  }
}

/**
 * kafkajs's errors on stderr as one JSON line each, less the ones it logs as errors during
 * every ordinary rebalance, transaction hand-over and topic creation: it retries them itself,
 * or hands them to our code, which retries or fails with its own message (a topic two
 * screeners create at once, metadata asked for before a new topic's leader is known).
 */
const ROUTINE = [
  'The group is rebalancing',
  'another concurrent operation on the same transaction',
  'Topic creation errors',
  'This server does not host this topic-partition',
];

function quietLogCreator(): (entry: LogEntry) => void {
  return ({ namespace, log }) => {
    const { message, error } = log as { message?: unknown; error?: unknown };
    const text = `${String(message ?? '')} ${String(error ?? '')}`;
    if (ROUTINE.some((r) => text.includes(r))) return;
    process.stderr.write(
      `${JSON.stringify({ level: 'error', logger: 'kafkajs', namespace, message: String(message ?? ''), error: String(error ?? '') })}\n`,
    );
  };
}

/** Bytes one produce request carries at most (a record larger than this goes alone). */
const REQUEST_BYTES = 1 << 20;
/**
 * Records one send carries at most: kafkajs groups a send's records by partition by copying
 * the partition's array for every record, quadratic in the records of one send.
 */
const MESSAGES_PER_SEND = 1_000;

type Message = { key: string | null; value: Buffer | string | null; headers?: IHeaders };

function chunks(
  records: readonly OutgoingRecord[],
  limit = REQUEST_BYTES,
  count = MESSAGES_PER_SEND,
): Message[][] {
  const out: Message[][] = [];
  let current: Message[] = [];
  let bytes = 0;
  for (const r of records) {
    const size = (r.value?.length ?? 0) + (r.key?.length ?? 0) + 64;
    if (current.length > 0 && (bytes + size > limit || current.length >= count)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ key: r.key, value: r.value, headers: r.headers ? { ...r.headers } : undefined });
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function topicConfig(spec: TopicSpec): { name: string; value: string }[] {
  const out = [];
  if (spec.compacted) out.push({ name: 'cleanup.policy', value: 'compact' });
  if (spec.maxMessageBytes)
    out.push({ name: 'max.message.bytes', value: String(spec.maxMessageBytes) });
  return out;
}

function toRecord(topic: string, partition: number, m: KafkaMessage): IncomingRecord {
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key,
    value: m.value,
    headers: headersOf(m.headers),
    timestamp: Number(m.timestamp),
  };
}

/**
 * Hands each fetched batch to the handler, then commits its last offset. If the handler
 * throws, nothing is committed and kafkajs restarts the consumer from the last commit.
 */
function batchRunner(consumer: Consumer, handler: BatchHandler, commit: boolean) {
  return async ({ batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload) => {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const records = batch.messages.map((m) => toRecord(batch.topic, batch.partition, m));
    await handler(records);
    const last = batch.messages[batch.messages.length - 1]!.offset;
    // resolveOffset moves kafkajs's fetch position; commitOffsets makes it durable for the group.
    resolveOffset(last);
    if (commit)
      await consumer.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
      ]);
    await heartbeat();
  };
}
