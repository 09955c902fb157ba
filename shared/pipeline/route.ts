import { decodeEvent } from '../contract/index.ts';
import { type TopicRole, topicMayCarry } from '../contract/topics.ts';
import { FlowsentryError } from '../errors.ts';
import { type NormalizedEvent, normalizeEvent } from '../normalize/index.ts';
import type { IncomingRecord, OutgoingRecord } from '../ports/event-log/index.ts';
import { deadLetter } from './dead-letter.ts';

/**
 * The first stage of streaming: any number of screeners route the input topics' records
 * (decode, validate, normalize, dead-letter) into the sequenced topic, which the engine
 * reads. Each routed record names the input record it came from (origin and offset) and
 * when that was written, so the sequencer can restore the canonical order and drop
 * duplicates. Every input offset is accounted for: an event, or a mark where a record
 * was dead-lettered, so the engine knows the partition has nothing more below it.
 */

/** Headers of a sequenced record. */
export const SEQ_HEADERS = {
  origin: 'fs-origin',
  offset: 'fs-offset',
  writtenAt: 'fs-written-at',
} as const;

/** A sequenced record decoded by the engine side. */
export interface SequencedRecord {
  readonly origin: string;
  readonly offset: number;
  readonly writtenAt: number;
  /** Absent for a mark (the input record was dead-lettered). */
  readonly event?: NormalizedEvent;
}

/** What routing one input batch gives: records for the sequenced topic and dead letters. */
export interface Routed {
  readonly sequenced: OutgoingRecord[];
  readonly dead: OutgoingRecord[];
  readonly events: number;
}

export function originOf(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}

/** Decodes one input record into a normalized event, or says why it is refused. */
function decodeOne(
  record: IncomingRecord,
  role: TopicRole | undefined,
): NormalizedEvent | OutgoingRecord {
  if (!record.value || record.value.length === 0)
    return deadLetter(record, 'INVALID_EVENT', 'empty message value');
  try {
    const event = normalizeEvent(decodeEvent(record.value));
    const type = event.envelope.type;
    if (role && !topicMayCarry(role, type))
      return deadLetter(
        record,
        'WRONG_TOPIC',
        `${type} may not arrive on ${record.topic} (the ${role} topic)`,
      );
    return event;
  } catch (error) {
    // Decoding touches nothing outside this record: whatever fails, the record is at fault.
    const code = error instanceof FlowsentryError ? error.code : 'SCREENING_FAILED';
    const reason = error instanceof Error ? error.message : String(error);
    return deadLetter(record, code, reason);
  }
}

function sequencedRecord(record: IncomingRecord, value: string): OutgoingRecord {
  const origin = originOf(record.topic, record.partition);
  return {
    key: origin,
    value,
    headers: {
      [SEQ_HEADERS.origin]: origin,
      [SEQ_HEADERS.offset]: record.offset,
      [SEQ_HEADERS.writtenAt]: String(record.timestamp ?? Date.now()),
    },
  };
}

/** Routes one batch of one input partition. */
export function routeRecords(
  records: readonly IncomingRecord[],
  roleOf: (topic: string) => TopicRole | undefined,
): Routed {
  const sequenced: OutgoingRecord[] = [];
  const dead: OutgoingRecord[] = [];
  let events = 0;
  for (const record of records) {
    const out = decodeOne(record, roleOf(record.topic));
    if ('envelope' in out) {
      events++;
      sequenced.push(sequencedRecord(record, JSON.stringify(out)));
    } else {
      dead.push(out);
      sequenced.push(sequencedRecord(record, ''));
    }
  }
  return { sequenced, dead, events };
}

/** Reads a record of the sequenced topic back; a record without origin is not ours. */
export function readSequenced(record: IncomingRecord): SequencedRecord | undefined {
  const origin = record.headers[SEQ_HEADERS.origin];
  const offset = Number(record.headers[SEQ_HEADERS.offset]);
  if (!origin || !Number.isSafeInteger(offset)) return undefined;
  const writtenAt = Number(record.headers[SEQ_HEADERS.writtenAt]) || 0;
  const value = record.value;
  if (!value || value.length === 0) return { origin, offset, writtenAt };
  return { origin, offset, writtenAt, event: JSON.parse(value.toString()) as NormalizedEvent };
}
