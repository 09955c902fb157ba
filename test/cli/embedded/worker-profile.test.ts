import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FileArchive } from '../../../services/cli/embedded/event-archive.ts';
import { EVENT_FILE_LIMITS } from '../../../services/cli/embedded/index.ts';
import { decodeJsonlLines } from '../../../services/cli/embedded/jsonl-lines.ts';
import { LineSplitter } from '../../../services/cli/embedded/lines.ts';
import { ScanState } from '../../../services/cli/embedded/scan-state.ts';
import { decodeEvent } from '../../../shared/contract/index.ts';
import { Engine } from '../../../shared/engine/index.ts';
import type { WorkerRecord } from '../../../shared/engine/state/index.ts';
import type { NormalizedEvent } from '../../../shared/normalize/index.ts';
import { tempDir, writeInput } from './helpers.ts';

/** A `worker.upserted` line of worker w-1 at `at`, employed by `employer`. */
function profile(id: string, at: string, employer: string): string {
  return JSON.stringify({
    type: 'worker.upserted',
    schemaVersion: 1,
    id,
    occurredAt: at,
    source: 'test',
    data: { workerId: 'w-1', legalName: 'Kim Chol', employer: { id: employer, name: employer } },
  });
}

describe('a worker profile read again from its file', () => {
  it('is the latest profile applied, whole, and names the employer', () => {
    const lines = [
      profile('p-2', '2026-01-02T00:00:00.000Z', 'emp-new'),
      // Older than the one applied: ignored, as in the streaming engine.
      profile('p-1', '2026-01-01T00:00:00.000Z', 'emp-old'),
    ];
    const file = writeInput(tempDir('profile'), 'profiles.jsonl', `${lines.join('\n')}\n`);
    const archive = new FileArchive(EVENT_FILE_LIMITS.maxLineBytes);
    const events: NormalizedEvent[] = [];
    const splitter = new LineSplitter(1 << 20);
    const split = [...splitter.push(readFileSync(file)), ...splitter.end()];
    const sink = { event: (e: NormalizedEvent) => events.push(e), refuse: () => {} };
    decodeJsonlLines(split, 1 << 20, sink, archive.add(file));
    const state = new ScanState();
    const engine = new Engine({ state, archive });
    for (const e of events) engine.process([e]);
    expect(state.get<WorkerRecord>('w:w-1')!.envelope).toEqual(decodeEvent(lines[0]!));
    expect(engine.employerOf('w-1')).toBe('emp-new');
    state.close();
    archive.close();
  });
});
