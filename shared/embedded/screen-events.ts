import type { Alert } from '../engine/alert.ts';
import { Engine } from '../engine/index.ts';
import { TagIndex } from '../lists/tag-index.ts';
import type { ListSnapshot } from '../lists/types.ts';
import type { NormalizedEvent } from '../normalize/index.ts';
import { MemoryAlertSink } from '../ports/alert-sink/index.ts';

/** How many events the engine takes at once; the same batching as a streaming fetch. */
const BATCH = 1_000;

/** Screens events in one process with in-memory state; the same engine and sink semantics as streaming mode. */
export async function screenEvents(
  events: readonly NormalizedEvent[],
  lists: readonly ListSnapshot[],
  onBatch?: (done: number) => void,
): Promise<Alert[]> {
  const engine = new Engine({ tags: new TagIndex(lists) });
  const sink = new MemoryAlertSink();
  for (let i = 0; i < events.length; i += BATCH) {
    await sink.deliver(engine.process(events.slice(i, i + BATCH)));
    onBatch?.(Math.min(events.length, i + BATCH));
  }
  return sink.list();
}
