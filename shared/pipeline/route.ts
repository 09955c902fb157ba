import { type ContractLimits, decodeEvent } from '../contract/index.ts';
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

/** The contract's default topic names and their roles (a deployment may rename them). */
export const DEFAULT_TOPIC_ROLES: Readonly<Record<string, TopicRole>> = Object.freeze({
  'payroll.events': 'payroll',
  'chain.transfers': 'transfers',
  'intel.reports': 'intel',
});

/** Decodes one input record into a normalized event, or its dead letter saying why not. */
export function decodeOne(
  record: IncomingRecord,
  role: TopicRole | undefined,
  limits?: ContractLimits,
): NormalizedEvent | OutgoingRecord {
  if (!record.value || record.value.length === 0)
    return deadLetter(record, 'INVALID_EVENT', 'empty message value');
  try {
    const event = normalizeEvent(decodeEvent(record.value, limits ? { limits } : {}));
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

/**
 * A sequenced record: where it came from and the event, in the value (`o` origin, `n` input
 * offset, `w` write time, `e` the normalized event or absent for a mark). Headers would say
 * the same at several times the encoding cost per record; there is one partition, so no key.
 */
function sequencedRecord(record: IncomingRecord, event: string | undefined): OutgoingRecord {
  const origin = JSON.stringify(originOf(record.topic, record.partition));
  const head = `{"o":${origin},"n":${record.offset},"w":${record.timestamp ?? Date.now()}`;
  return { key: null, value: event === undefined ? `${head}}` : `${head},"e":${event}}` };
}

/** Routes one batch of one input partition. */
export function routeRecords(
  records: readonly IncomingRecord[],
  roleOf: (topic: string) => TopicRole | undefined,
  limits?: ContractLimits,
): Routed {
  const sequenced: OutgoingRecord[] = [];
  const dead: OutgoingRecord[] = [];
  let events = 0;
  for (const record of records) {
    const out = decodeOne(record, roleOf(record.topic), limits);
    if ('envelope' in out) {
      events++;
      sequenced.push(sequencedRecord(record, JSON.stringify(out)));
    } else {
      dead.push(out);
      sequenced.push(sequencedRecord(record, undefined));
    }
  }
  return { sequenced, dead, events };
}

/** Reads a record of the sequenced topic back; one that is not ours gives undefined. */
export function readSequenced(record: IncomingRecord): SequencedRecord | undefined {
  if (!record.value) return undefined;
  let v: { o?: unknown; n?: unknown; w?: unknown; e?: NormalizedEvent };
  try {
    v = JSON.parse(record.value.toString());
  } catch {
    return undefined;
  }
  if (typeof v.o !== 'string' || !Number.isSafeInteger(v.n)) return undefined;
  const base = { origin: v.o, offset: v.n as number, writtenAt: Number(v.w) || 0 };
  return v.e ? { ...base, event: v.e } : base;
}
