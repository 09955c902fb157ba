import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Envelope } from '../../../shared/contract/index.ts';
import {
  compareEvents,
  type NormalizedEvent,
  normalizeEvent,
} from '../../../shared/normalize/index.ts';
import { linesOf } from './lines.ts';
import { mergeOrdered, type OrderedStream } from './merge.ts';

/** Events of one sorted run, as a stream of batches. */
async function* inMemory(events: readonly NormalizedEvent[]): AsyncGenerator<NormalizedEvent[]> {
  for (let i = 0; i < events.length; i += 1_000) yield events.slice(i, i + 1_000);
}

/** A spilled run read back: envelopes this process validated itself, so parsing is all it takes. */
async function* fromDisk(file: string): AsyncGenerator<NormalizedEvent[]> {
  for await (const lines of linesOf(createReadStream(file, { highWaterMark: 1 << 20 }), 1 << 30)) {
    const out: NormalizedEvent[] = [];
    for (const l of lines)
      if ('text' in l && l.text !== '') out.push(normalizeEvent(JSON.parse(l.text) as Envelope));
    yield out;
  }
}

async function spill(file: string, events: readonly NormalizedEvent[]): Promise<void> {
  const out = createWriteStream(file);
  let chunk = '';
  for (const e of events) {
    chunk += `${JSON.stringify(e.envelope)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

/**
 * Puts events from inputs in any order into canonical order in bounded memory: events
 * are sorted in runs of `runEvents`; a run that fills up is written to a temporary file,
 * and the runs are merged k-way. Inputs that fit in one run never touch the disk.
 */
export async function* sortedEvents(
  batches: AsyncIterable<NormalizedEvent[]>,
  runEvents: number,
  onSorted?: (events: number) => void,
): AsyncGenerator<NormalizedEvent[]> {
  let dir: string | undefined;
  const runs: OrderedStream[] = [];
  let run: NormalizedEvent[] = [];
  let total = 0;
  try {
    for await (const batch of batches) {
      for (const e of batch) run.push(e);
      total += batch.length;
      if (run.length < runEvents) continue;
      dir ??= await mkdtemp(join(tmpdir(), 'flowsentry-scan-'));
      const file = join(dir, `run-${runs.length}.jsonl`);
      await spill(file, run.sort(compareEvents));
      runs.push({ name: file, batches: fromDisk(file) });
      run = [];
    }
    run.sort(compareEvents);
    runs.push({ name: 'memory', batches: inMemory(run) });
    onSorted?.(total);
    yield* mergeOrdered(runs, false);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
