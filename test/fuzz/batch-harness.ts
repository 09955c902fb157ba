import { Engine } from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { type BatchOutcome, DLQ_HEADERS, screenBatch } from '../../shared/pipeline/index.ts';
import { MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import type {
  EventPublisher,
  IncomingRecord,
  OutgoingRecord,
} from '../../shared/ports/event-log/index.ts';
import { lazarusList } from '../helpers/fixtures.ts';

/** The dead-letter topic as a list: what the pipeline published there. */
export class DeadLetters implements EventPublisher {
  readonly records: OutgoingRecord[] = [];
  async publish(_topic: string, records: readonly OutgoingRecord[]): Promise<void> {
    this.records.push(...records);
  }
  async close(): Promise<void> {}
  /** The original offsets of the dead letters, with their reasons. */
  reasons(): Map<string, string> {
    return new Map(
      this.records.map((r) => [
        r.headers?.[DLQ_HEADERS.offset] ?? '',
        r.headers?.[DLQ_HEADERS.reason] ?? '',
      ]),
    );
  }
}

/** One message as the consumer hands it over. */
export function record(topic: string, offset: number, value: Buffer | null): IncomingRecord {
  return { topic, partition: 0, offset: String(offset), key: null, value, headers: {} };
}

/** What one batch through the in-memory pipeline gave. */
export interface BatchRun {
  readonly outcome: BatchOutcome;
  readonly dead: DeadLetters;
  /** Ids of the events that some alert rests on. */
  readonly alerted: Set<string>;
}

/**
 * Runs records through screenBatch with a fresh in-memory engine, sink and DLQ; the engine
 * screens against the Lazarus list unless given other tags.
 */
export async function runBatch(
  records: readonly IncomingRecord[],
  tags: TagIndex = new TagIndex([lazarusList()]),
): Promise<BatchRun> {
  const engine = new Engine({ tags });
  const sink = new MemoryAlertSink();
  const dead = new DeadLetters();
  const outcome = await screenBatch(records, { engine, sink, dlq: dead, dlqTopic: 'dlq' });
  const alerted = new Set((await sink.list()).flatMap((a) => a.eventIds));
  return { outcome, dead, alerted };
}
