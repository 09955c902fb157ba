import type { KafkaEventLogOptions } from './kafka-event-log.ts';

/** A record to publish: key decides the partition, so one key's records stay in order. */
export interface OutgoingRecord {
  readonly key: string | null;
  /** null is a tombstone: on a compacted topic it deletes the key. */
  readonly value: Buffer | string | null;
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
  /** When the producer wrote it (ms since the epoch; the broker's CreateTime), when known. */
  readonly timestamp?: number;
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
  /**
   * The member commits offsets itself with `commit` (a stateful consumer that holds records
   * back commits only what it has finished with); batches are not committed after the handler.
   */
  readonly manualCommit?: boolean;
  /** Batches of different partitions handled at once (order within a partition is kept). */
  readonly concurrency?: number;
  /** Called when the member stopped for good on an error it will not retry (a bug or misconfiguration). */
  readonly onFatal?: (error: Error) => void;
  /** Called after every group (re)join with the partitions this member now owns. */
  readonly onAssigned?: (assigned: readonly TopicPartition[]) => void;
}

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** The next offset to read for one partition. */
export interface PartitionOffset extends TopicPartition {
  readonly offset: string;
}

/**
 * A consumer-group subscription. Delivery is at least once: a batch whose handler throws
 * is delivered again, and a restarted member resumes after the last committed batch.
 */
export interface EventSubscription {
  start(handler: BatchHandler): Promise<void>;
  /** Commits offsets (the next offset to read) for the group; for `manualCommit` members. */
  commit(offsets: readonly PartitionOffset[]): Promise<void>;
  /** Moves this member's read position (it reads from `offset` next). */
  seek(offsets: readonly PartitionOffset[]): Promise<void>;
  stop(): Promise<void>;
}

/** How a topic is created when it does not exist. */
export interface TopicSpec {
  readonly partitions?: number;
  /** Compacted: the latest record per key is kept (state changelogs). */
  readonly compacted?: boolean;
  /** Largest record batch the topic takes (a changelog round is written as one batch). */
  readonly maxMessageBytes?: number;
}

/** Plain data that opens the same event log in another thread (a worker_threads worker). */
export interface EventLogAddress {
  readonly kind: 'kafka';
  readonly options: KafkaEventLogOptions;
}

/** The event log port: Kafka in streaming mode, in-process topics in embedded mode. */
export interface EventLog {
  /** How another thread opens this log; absent for a log that lives in this thread only. */
  address?(): EventLogAddress;
  publisher(): EventPublisher;
  /**
   * A publisher whose every `publish` is one transaction: readers see all of its records or
   * none. One id per writer role; a new publisher with the same id fences the old one.
   * `compress`: gzip the records (fewer bytes on the broker, more CPU for the writer).
   * `thread`: encode and send them from a worker thread of its own (a log that lives in
   * this thread only ignores it).
   */
  transactionalPublisher(
    transactionalId: string,
    options?: { readonly compress?: boolean; readonly thread?: boolean },
  ): EventPublisher;
  subscribe(options: SubscribeOptions): EventSubscription;
  /** Creates topics that do not exist yet (partitions used only on creation). */
  ensureTopics(topics: readonly string[], partitions?: number | TopicSpec): Promise<void>;
  /** The offset the next record of each partition of a topic will get (its end). */
  endOffsets(topic: string): Promise<number[]>;
  /**
   * Reads a topic from its start to the end it had when the read began (a state restore),
   * in offset order per partition; `onRecord` sees each record once.
   */
  readToEnd(topic: string, onRecord: (record: IncomingRecord) => void): Promise<void>;
  close(): Promise<void>;
}

/** Partition for a key: the same key always lands in the same partition. */
export function partitionFor(key: string | null, partitions: number, fallback: number): number {
  if (key === null) return fallback % partitions;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % partitions;
}
