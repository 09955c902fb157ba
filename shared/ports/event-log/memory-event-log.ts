import { setImmediate as tick } from 'node:timers/promises';
import {
  type BatchHandler,
  type EventLog,
  type EventPublisher,
  type EventSubscription,
  type IncomingRecord,
  type OutgoingRecord,
  type PartitionOffset,
  partitionFor,
  type SubscribeOptions,
  type TopicSpec,
} from './event-log.ts';

type Partition = IncomingRecord[];

/**
 * In-process topics for embedded mode: partitioned, ordered per key, with committed
 * offsets per consumer group. One member per group is enough here: embedded mode is one process.
 */
export class MemoryEventLog implements EventLog {
  private readonly topics = new Map<string, Partition[]>();
  private readonly committed = new Map<string, number>();
  /** Where each group reads next; ahead of `committed` for members that commit themselves. */
  private readonly position = new Map<string, number>();
  private roundRobin = 0;

  constructor(
    private readonly partitions = 3,
    private readonly maxBatch = 500,
  ) {}

  async ensureTopics(
    topics: readonly string[],
    spec: number | TopicSpec = this.partitions,
  ): Promise<void> {
    const partitions = typeof spec === 'number' ? spec : (spec.partitions ?? this.partitions);
    for (const t of topics) this.topic(t, partitions);
  }

  async endOffsets(topic: string): Promise<number[]> {
    return this.topic(topic).map((log) => log.length);
  }

  /** No compaction in memory: every record is read, and the last one per key wins for the reader. */
  async readToEnd(topic: string, onRecord: (record: IncomingRecord) => void): Promise<void> {
    for (const log of this.topic(topic)) for (const r of log.slice()) onRecord(r);
  }

  private topic(name: string, partitions = this.partitions): Partition[] {
    let parts = this.topics.get(name);
    if (!parts) {
      parts = Array.from({ length: partitions }, () => []);
      this.topics.set(name, parts);
    }
    return parts;
  }

  publisher(): EventPublisher {
    return {
      publish: async (topic, records) => this.append(topic, records),
      close: async () => {},
    };
  }

  /** One process, one writer: an append is already all or nothing. */
  transactionalPublisher(_transactionalId: string, _options?: object): EventPublisher {
    return this.publisher();
  }

  private append(topic: string, records: readonly OutgoingRecord[]): void {
    const parts = this.topic(topic);
    for (const r of records) {
      const partition = partitionFor(r.key, parts.length, this.roundRobin++);
      const log = parts[partition]!;
      log.push({
        topic,
        partition,
        offset: String(log.length),
        key: r.key === null ? null : Buffer.from(r.key),
        value: r.value === null ? null : Buffer.from(r.value),
        headers: { ...r.headers },
        timestamp: Date.now(),
      });
    }
  }

  /** Records of a topic in partition order, for tests and the embedded DLQ reader. */
  read(topic: string): IncomingRecord[] {
    return (this.topics.get(topic) ?? []).flat();
  }

  subscribe(options: SubscribeOptions): EventSubscription {
    let running = false;
    let loop: Promise<void> | undefined;
    return {
      start: async (handler) => {
        running = true;
        this.pinStart(options);
        // A (re)started member reads on from the group's last commit, like a Kafka consumer.
        for (const topic of options.topics)
          for (let p = 0; p < this.topic(topic).length; p++)
            this.position.delete(groupKey(options.groupId, topic, p));
        // The only member of its group: it owns every partition of its topics.
        options.onAssigned?.(
          options.topics.flatMap((topic) =>
            this.topic(topic).map((_, partition) => ({ topic, partition })),
          ),
        );
        loop = this.poll(options, handler, () => running);
      },
      seek: async (offsets: readonly PartitionOffset[]) => {
        for (const o of offsets)
          this.position.set(groupKey(options.groupId, o.topic, o.partition), Number(o.offset));
      },
      commit: async (offsets: readonly PartitionOffset[]) => {
        for (const o of offsets)
          this.committed.set(groupKey(options.groupId, o.topic, o.partition), Number(o.offset));
      },
      stop: async () => {
        running = false;
        await loop;
      },
    };
  }

  /** A new group that must not read history starts at the current end of each partition. */
  private pinStart(options: SubscribeOptions): void {
    if (options.fromBeginning !== false) return;
    for (const topic of options.topics) {
      this.topic(topic).forEach((log, p) => {
        const key = groupKey(options.groupId, topic, p);
        if (!this.committed.has(key)) this.committed.set(key, log.length);
      });
    }
  }

  private async poll(
    options: SubscribeOptions,
    handler: BatchHandler,
    running: () => boolean,
  ): Promise<void> {
    while (running()) {
      const delivered = await this.deliverOnce(options, handler);
      if (!delivered) await new Promise((r) => setTimeout(r, 5));
      else await tick();
    }
  }

  /** Delivers at most one batch per partition; a failed batch stays uncommitted and comes again. */
  private async deliverOnce(options: SubscribeOptions, handler: BatchHandler): Promise<boolean> {
    let delivered = false;
    for (const topic of options.topics) {
      const parts = this.topic(topic);
      for (let p = 0; p < parts.length; p++) {
        const key = groupKey(options.groupId, topic, p);
        const from = this.position.get(key) ?? this.committed.get(key) ?? 0;
        const batch = parts[p]!.slice(from, from + this.maxBatch);
        if (batch.length === 0) continue;
        delivered = true;
        try {
          await handler(batch);
          this.position.set(key, from + batch.length);
          if (!options.manualCommit) this.committed.set(key, from + batch.length);
        } catch {
          // At least once: go back to the last commit, what follows is delivered again.
          this.position.delete(key);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }
    return delivered;
  }

  async close(): Promise<void> {}
}

function groupKey(groupId: string, topic: string, partition: number): string {
  return `${groupId}\u0000${topic}\u0000${partition}`;
}
