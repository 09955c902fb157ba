import type { Alert } from '../../../shared/engine/alert.ts';
import type { EngineConfig } from '../../../shared/engine/config/schema.ts';
import { Engine } from '../../../shared/engine/index.ts';
import type { EventArchive } from '../../../shared/engine/model/index.ts';
import { TagIndex } from '../../../shared/lists/tag-index.ts';
import type { ListSnapshot } from '../../../shared/lists/types.ts';
import type { NormalizedEvent } from '../../../shared/normalize/index.ts';
import { screenDecoded } from '../../../shared/pipeline/index.ts';
import { MemoryAlertSink } from '../../../shared/ports/alert-sink/index.ts';
import { ScanState } from './scan-state.ts';

/** How many events the engine takes at once; the same batching as a streaming fetch. */
const BATCH = 1_000;

/** What screening a stream of events gave, with the time spent in the pipeline alone. */
export interface Screened {
  readonly alerts: Alert[];
  readonly events: number;
  /** Milliseconds spent screening (engine and sink), without reading or decoding. */
  readonly screenMs: number;
}

/** Per-event facts a report needs, gathered as events stream past (the events themselves are not kept). */
export interface StreamFacts {
  /** Legal names by worker id, from each worker's latest profile. */
  readonly workerNames: Map<string, string>;
  first?: string;
  last?: string;
}

/** Notes what reports need from a batch. */
function note(facts: StreamFacts, batch: readonly NormalizedEvent[]): void {
  facts.first ??= batch[0]?.at;
  facts.last = batch[batch.length - 1]?.at ?? facts.last;
  for (const { envelope } of batch)
    if (envelope.type === 'worker.upserted')
      facts.workerNames.set(envelope.data.workerId, envelope.data.legalName);
}

/**
 * Screens a stream of events (already in canonical order) in one process with in-memory
 * state. Each batch goes through the pipeline function the streaming screener runs after
 * decoding (engine, sink, reorg marks, commit), so the two modes cannot drift apart.
 */
export async function screenStream(
  batches: AsyncIterable<NormalizedEvent[]>,
  lists: readonly ListSnapshot[],
  options: {
    config?: EngineConfig;
    facts?: StreamFacts;
    onBatch?: (done: number) => void;
    /** Where the engine reads retained events again (events read from plain files). */
    archive?: EventArchive;
  } = {},
): Promise<Screened> {
  const state = new ScanState();
  const engine = new Engine({
    tags: new TagIndex(lists),
    state,
    ...(options.config ? { config: options.config } : {}),
    ...(options.archive ? { archive: options.archive } : {}),
  });
  const sink = new MemoryAlertSink();
  let events = 0;
  let screenMs = 0;
  const screen = async (batch: NormalizedEvent[]) => {
    const started = performance.now();
    await screenDecoded(batch, { engine, sink });
    screenMs += performance.now() - started;
    events += batch.length;
    options.onBatch?.(events);
  };
  try {
    for await (const batch of batches) {
      if (options.facts) note(options.facts, batch);
      for (let i = 0; i < batch.length; i += BATCH)
        await screen(batch.length <= BATCH ? batch : batch.slice(i, i + BATCH));
    }
  } finally {
    state.close();
  }
  return { alerts: await sink.list(), events, screenMs };
}

async function* inBatches(events: readonly NormalizedEvent[]): AsyncGenerator<NormalizedEvent[]> {
  for (let i = 0; i < events.length; i += BATCH) yield events.slice(i, i + BATCH);
}

/** Screens events held in memory (already in canonical order): the demo and tests. */
export async function screenEvents(
  events: readonly NormalizedEvent[],
  lists: readonly ListSnapshot[],
  onBatch?: (done: number) => void,
): Promise<Alert[]> {
  const screened = await screenStream(inBatches(events), lists, onBatch ? { onBatch } : {});
  return screened.alerts;
}
