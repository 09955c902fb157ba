import { observedId } from '../chain/events.ts';
import { decodeEvent } from '../contract/index.ts';
import type { Engine } from '../engine/engine.ts';
import { FlowsentryError } from '../errors.ts';
import { type NormalizedEvent, normalizeEvent } from '../normalize/index.ts';
import type { AlertSink, DeliveryResult, Retraction } from '../ports/alert-sink/index.ts';
import type { EventPublisher, IncomingRecord, OutgoingRecord } from '../ports/event-log/index.ts';
import { deadLetter } from './dead-letter.ts';

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
}

/** Decodes, validates and normalizes; a poison record becomes a dead letter instead of an event. */
export function decodeRecords(records: readonly IncomingRecord[]): {
  events: NormalizedEvent[];
  dead: OutgoingRecord[];
} {
  const events: NormalizedEvent[] = [];
  const dead: OutgoingRecord[] = [];
  for (const record of records) {
    if (!record.value) {
      dead.push(deadLetter(record, 'INVALID_EVENT', 'empty message value'));
      continue;
    }
    try {
      events.push(normalizeEvent(decodeEvent(record.value)));
    } catch (error) {
      if (!(error instanceof FlowsentryError && error.poison)) throw error;
      dead.push(deadLetter(record, error.code, error.message));
    }
  }
  return { events, dead };
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
  const { events, dead } = decodeRecords(records);
  if (dead.length > 0) await deps.dlq.publish(deps.dlqTopic, dead);
  const alerts = await screenDecoded(events, deps);
  return { events: events.length, deadLettered: dead.length, alerts };
}

/**
 * The screening half of a batch (engine -> sink -> reorg marks -> commit), for events
 * already decoded and normalized: embedded mode reads its own files and calls this, so
 * both modes run the same steps without encoding events again.
 */
export async function screenDecoded(
  events: readonly NormalizedEvent[],
  deps: Pick<BatchDeps, 'engine' | 'sink'>,
): Promise<DeliveryResult> {
  // Engine state kept remotely (Redis) is loaded before the synchronous screening and
  // written after delivery; when delivery fails, the batch's changes are dropped so the
  // redelivered batch starts from the same state. In memory all three are no-ops.
  await deps.engine.prepare(events);
  try {
    const alerts = await deps.sink.deliver(deps.engine.process(events));
    const retractions = retractionsIn(events);
    if (retractions.length > 0) await deps.sink.markRetracted(retractions);
    await deps.engine.commit();
    return alerts;
  } catch (error) {
    deps.engine.rollback();
    throw error;
  }
}
