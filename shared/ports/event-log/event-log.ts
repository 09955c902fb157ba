/** A record to publish: key decides the partition, so one key's records stay in order. */
export interface OutgoingRecord {
  readonly key: string | null;
  readonly value: Buffer | string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A record as a consumer receives it. */
export interface IncomingRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** Writes records to topics. */
export interface EventPublisher {
  publish(topic: string, records: readonly OutgoingRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** Handles one batch; offsets are committed only after the returned promise resolves. */
export type BatchHandler = (batch: readonly IncomingRecord[]) => Promise<void>;

export interface SubscribeOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Read a topic from its start when the group has no committed offset. */
  readonly fromBeginning?: boolean;
}

/**
 * A consumer-group subscription. Delivery is at least once: a batch whose handler throws
 * is delivered again, and a restarted member resumes after the last committed batch.
 */
export interface EventSubscription {
  start(handler: BatchHandler): Promise<void>;
  stop(): Promise<void>;
}

/** The event log port: Kafka in streaming mode, in-process topics in embedded mode. */
export interface EventLog {
  publisher(): EventPublisher;
  subscribe(options: SubscribeOptions): EventSubscription;
  /** Creates topics that do not exist yet (partitions used only on creation). */
  ensureTopics(topics: readonly string[], partitions?: number): Promise<void>;
  close(): Promise<void>;
}

/** Partition for a key: the same key always lands in the same partition. */
export function partitionFor(key: string | null, partitions: number, fallback: number): number {
  if (key === null) return fallback % partitions;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % partitions;
}
