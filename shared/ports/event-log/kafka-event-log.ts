import {
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  Kafka,
  type KafkaConfig,
  logLevel,
  type Producer,
} from 'kafkajs';
import type {
  BatchHandler,
  EventLog,
  EventPublisher,
  EventSubscription,
  IncomingRecord,
  SubscribeOptions,
} from './event-log.ts';

export interface KafkaEventLogOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Bytes a fetch may return per partition; bigger batches amortize the commit. */
  readonly maxBytesPerPartition?: number;
  /** Batches of different partitions handled at once (order within a partition is kept). */
  readonly partitionsConsumedConcurrently?: number;
}

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
      retry: { retries: 8, initialRetryTime: 200 },
    };
    this.kafka = new Kafka(config);
  }

  async ensureTopics(topics: readonly string[], partitions = 3): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: partitions,
            replicationFactor: 1,
          })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  publisher(): EventPublisher {
    const producer = this.kafka.producer({ allowAutoTopicCreation: true, idempotent: false });
    this.producers.push(producer);
    const connected = producer.connect();
    return {
      publish: async (topic, records) => {
        await connected;
        await producer.send({
          topic,
          acks: -1,
          messages: records.map((r) => ({
            key: r.key,
            value: r.value,
            headers: r.headers ? { ...r.headers } : undefined,
          })),
        });
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
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    });
    this.consumers.push(consumer);
    return {
      start: async (handler) => {
        await consumer.connect();
        await consumer.subscribe({
          topics: [...options.topics],
          fromBeginning: options.fromBeginning ?? true,
        });
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          eachBatch: batchRunner(consumer, handler),
        });
      },
      stop: async () => {
        await consumer.disconnect();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.producers, ...this.consumers].map((c) => c.disconnect()));
  }
}

/**
 * Hands each fetched batch to the handler, then commits its last offset. If the handler
 * throws, nothing is committed and kafkajs restarts the consumer from the last commit.
 */
function batchRunner(consumer: Consumer, handler: BatchHandler) {
  return async ({ batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload) => {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const records: IncomingRecord[] = batch.messages.map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: m.offset,
      key: m.key,
      value: m.value,
      headers: headersOf(m.headers),
    }));
    await handler(records);
    const last = batch.messages[batch.messages.length - 1]!.offset;
    // resolveOffset moves kafkajs's fetch position; commitOffsets makes it durable for the group.
    resolveOffset(last);
    await consumer.commitOffsets([
      { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
    ]);
    await heartbeat();
  };
}
