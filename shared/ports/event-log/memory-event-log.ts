import { setImmediate as tick } from 'node:timers/promises';
import {
  type BatchHandler,
  type EventLog,
  type EventPublisher,
  type EventSubscription,
  type IncomingRecord,
  type OutgoingRecord,
  partitionFor,
  type SubscribeOptions,
} from './event-log.ts';

type Partition = IncomingRecord[];

/**
 * In-process topics for embedded mode: partitioned, ordered per key, with committed
 * offsets per consumer group. One member per group is enough here: embedded mode is one process.
 */
export class MemoryEventLog implements EventLog {
  private readonly topics = new Map<string, Partition[]>();
  private readonly committed = new Map<string, number>();
  private roundRobin = 0;

  constructor(
    private readonly partitions = 3,
    private readonly maxBatch = 500,
  ) {}

  async ensureTopics(topics: readonly string[], partitions = this.partitions): Promise<void> {
    for (const t of topics) this.topic(t, partitions);
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
        value: Buffer.from(r.value),
        headers: { ...r.headers },
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
        loop = this.poll(options, handler, () => running);
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
        const key = `${options.groupId}\u0000${topic}\u0000${p}`;
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
        const key = `${options.groupId}\u0000${topic}\u0000${p}`;
        const from = this.committed.get(key) ?? 0;
        const batch = parts[p]!.slice(from, from + this.maxBatch);
        if (batch.length === 0) continue;
        delivered = true;
        try {
          await handler(batch);
          this.committed.set(key, from + batch.length);
        } catch {
          // At least once: leave the offset where it was, the batch is delivered again.
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }
    return delivered;
  }

  async close(): Promise<void> {}
}
