import type { Alert } from '../engine/alert.ts';
import { Engine } from '../engine/index.ts';
import { TagIndex } from '../lists/tag-index.ts';
import type { ListSnapshot } from '../lists/types.ts';
import type { NormalizedEvent } from '../normalize/index.ts';
import { screenBatch } from '../pipeline/index.ts';
import { MemoryAlertSink } from '../ports/alert-sink/index.ts';
import type { EventPublisher, IncomingRecord } from '../ports/event-log/index.ts';

/** How many events the engine takes at once; the same batching as a streaming fetch. */
const BATCH = 1_000;

/** Valid events never reach it; if one did, that is a bug, not a line to drop quietly. */
const NO_DEAD_LETTERS: EventPublisher = {
  publish: async (_topic, records) => {
    throw new Error(`embedded mode: ${records.length} validated event(s) were dead-lettered`);
  },
  close: async () => {},
};

/** A batch as the streaming screener receives it: one record per event, in order. */
function asRecords(events: readonly NormalizedEvent[], offset: number): IncomingRecord[] {
  return events.map((e, i) => ({
    topic: 'embedded',
    partition: 0,
    offset: String(offset + i),
    key: null,
    value: Buffer.from(JSON.stringify(e.envelope)),
    headers: {},
  }));
}

/**
 * Screens events in one process with in-memory state. Each batch goes through the very
 * pipeline function the streaming screener runs (decode, engine, sink, reorg marks), so
 * the two modes cannot drift apart; re-encoding the events is the price of that.
 */
export async function screenEvents(
  events: readonly NormalizedEvent[],
  lists: readonly ListSnapshot[],
  onBatch?: (done: number) => void,
): Promise<Alert[]> {
  const engine = new Engine({ tags: new TagIndex(lists) });
  const sink = new MemoryAlertSink();
  const deps = { engine, sink, dlq: NO_DEAD_LETTERS, dlqTopic: 'embedded.dlq' };
  for (let i = 0; i < events.length; i += BATCH) {
    await screenBatch(asRecords(events.slice(i, i + BATCH), i), deps);
    onBatch?.(Math.min(events.length, i + BATCH));
  }
  return sink.list();
}
