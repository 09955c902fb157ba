import { observedId } from '../chain/events.ts';
import type { TopicRole } from '../contract/topics.ts';
import type { Engine } from '../engine/engine.ts';
import { FlowsentryError } from '../errors.ts';
import type { NormalizedEvent } from '../normalize/index.ts';
import type { AlertSink, DeliveryResult, Retraction } from '../ports/alert-sink/index.ts';
import type { EventPublisher, IncomingRecord, OutgoingRecord } from '../ports/event-log/index.ts';
import { deadLetter } from './dead-letter.ts';
import { DEFAULT_TOPIC_ROLES, decodeOne } from './route.ts';

/** What one batch did. */
export interface BatchOutcome {
  readonly events: number;
  readonly deadLettered: number;
  readonly alerts: DeliveryResult;
}

export interface BatchDeps {
  readonly engine: Engine;
  readonly sink: AlertSink;
  readonly dlq: EventPublisher;
  readonly dlqTopic: string;
  /** Which topic carries what (default: the contract's topic names). */
  readonly roles?: Readonly<Record<string, TopicRole>>;
}

/**
 * Decodes, validates and normalizes; a record that cannot become an event, or arrives on a
 * topic that may not carry its type, becomes a dead letter instead. Topic roles default to
 * the contract's topic names.
 */
export function decodeRecords(
  records: readonly IncomingRecord[],
  roles: Readonly<Record<string, TopicRole>> = DEFAULT_TOPIC_ROLES,
): {
  events: NormalizedEvent[];
  dead: OutgoingRecord[];
  sources: Map<NormalizedEvent, IncomingRecord>;
} {
  const events: NormalizedEvent[] = [];
  const dead: OutgoingRecord[] = [];
  const sources = new Map<NormalizedEvent, IncomingRecord>();
  for (const record of records) {
    const out = decodeOne(
      record,
      Object.hasOwn(roles, record.topic) ? roles[record.topic] : undefined,
    );
    if ('envelope' in out) {
      events.push(out);
      sources.set(out, record);
    } else dead.push(out);
  }
  return { events, dead, sources };
}

/**
 * Alerts already delivered cannot be unsent, so a reorg marks them instead: the observed
 * event's id is derived from the same transfer identity the retraction carries (plain, or
 * with the block hash when that observation was itself a re-mined transfer).
 */
export function retractionsIn(events: readonly NormalizedEvent[]): Retraction[] {
  const out: Retraction[] = [];
  for (const { envelope: e } of events) {
    if (e.type !== 'transfer.retracted') continue;
    const d = e.data;
    out.push({
      observedIds: [observedId(d, false), observedId(d, true)],
      note: `${d.chain} transaction ${d.txHash}${d.logIndex === null ? '' : ` log ${d.logIndex}`} left the chain with block ${d.blockNumber} (${d.blockHash}); reported by event ${e.id}`,
    });
  }
  return out;
}

/**
 * One batch through the pipeline: source -> normalize -> engine -> sink. Dead letters and
 * alerts are written before the caller commits, so a crash anywhere means redelivery,
 * and redelivery is harmless: alert ids and event ids make every step idempotent.
 */
export async function screenBatch(
  records: readonly IncomingRecord[],
  deps: BatchDeps,
): Promise<BatchOutcome> {
  const { events, dead, sources } = decodeRecords(records, deps.roles);
  // An event whose screening throws is at fault alone: it joins the dead letters, the rest go on.
  let failures = 0;
  const failed = (event: NormalizedEvent, error: unknown) => {
    failures++;
    const code = error instanceof FlowsentryError ? error.code : 'SCREENING_FAILED';
    const reason = error instanceof Error ? error.message : String(error);
    dead.push(deadLetter(sources.get(event)!, code, reason));
  };
  const alerts = await screenDecoded(events, deps, failed);
  if (dead.length > 0) await deps.dlq.publish(deps.dlqTopic, dead);
  return { events: events.length - failures, deadLettered: dead.length, alerts };
}

/**
 * The screening half of a batch (engine -> sink -> reorg marks -> commit), for events
 * already decoded and normalized: embedded mode reads its own files and calls this, so
 * both modes run the same steps without encoding events again.
 */
export async function screenDecoded(
  events: readonly NormalizedEvent[],
  deps: Pick<BatchDeps, 'engine' | 'sink'>,
  onFailure?: (event: NormalizedEvent, error: unknown) => void,
): Promise<DeliveryResult> {
  // Engine state kept remotely (Redis) is loaded before the synchronous screening and
  // written after delivery; when delivery fails, the batch's changes are dropped so the
  // redelivered batch starts from the same state. In memory all three are no-ops.
  await deps.engine.prepare(events);
  try {
    const alerts = await deps.sink.deliver(deps.engine.process(events, onFailure));
    const retractions = retractionsIn(events);
    if (retractions.length > 0) await deps.sink.markRetracted(retractions);
    await deps.engine.commit();
    return alerts;
  } catch (error) {
    deps.engine.rollback();
    throw error;
  }
}
