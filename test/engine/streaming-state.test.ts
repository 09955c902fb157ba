import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../services/cli/scenario/index.ts';
import {
  type Alert,
  ChangelogEngineState,
  Engine,
  MemoryEngineState,
} from '../../shared/engine/index.ts';
import { type ChangelogStateOptions, FileRestingStore } from '../../shared/engine/state/index.ts';
import { decodeRecord } from '../../shared/engine/state/record-codec.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { compareEvents, normalizeEvent } from '../../shared/normalize/index.ts';
import { MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';

const scenario = generateScenario({ seed: 11, workers: 80, payRuns: 4 });
const events = scenario.events.map(normalizeEvent).sort(compareEvents);
const tags = new TagIndex(scenario.lists);
const BATCH = 150;

/** The changelog as the screener writes it: the value at rest per key, the latest wins, null deletes. */
type Changelog = Map<string, string | null>;

function write(state: ChangelogEngineState, log: Changelog): void {
  for (const [key, packed] of state.takeChanges()) log.set(key, packed ?? null);
}

function restore(log: Changelog, options?: ChangelogStateOptions): ChangelogEngineState {
  const state = new ChangelogEngineState(options);
  for (const [key, packed] of log) state.restoreValue(key, packed ?? undefined);
  return state;
}

/**
 * Screens the scenario in batches; with a changelog, every batch's changes are written to
 * it and, after `restartAfter` batches, a new engine takes over from the changelog alone.
 */
async function screen(restartAfter = -1, options?: ChangelogStateOptions): Promise<Alert[]> {
  const log: Changelog = new Map();
  let state = restartAfter < 0 ? new MemoryEngineState(options) : new ChangelogEngineState(options);
  let engine = new Engine({ tags, state });
  const sink = new MemoryAlertSink();
  for (let i = 0, n = 0; i < events.length; i += BATCH, n++) {
    await sink.deliver(engine.process(events.slice(i, i + BATCH)));
    if (state instanceof ChangelogEngineState) write(state, log);
    else state.settle();
    if (n === restartAfter) {
      state.close();
      state = restore(log, options);
      engine = new Engine({ tags, state });
    }
  }
  state.close();
  return (await sink.list()).sort((a, b) => a.id.localeCompare(b.id));
}

describe('engine state: embedded and changelog-backed streaming give the same alerts', () => {
  let embedded: Alert[];

  it('embedded (in-memory state) finds the planted cases', async () => {
    embedded = await screen();
    expect(embedded.length).toBeGreaterThan(20);
  });

  it.each([1, 4, 9])(
    'an engine rebuilt from the changelog after %i batches continues exactly',
    async (after) => {
      expect(await screen(after)).toEqual(embedded);
    },
  );

  // Records used longest ago go back to their compact form between batches and are decoded
  // when used again: with room for a handful, nearly every record makes that trip.
  it.each([
    ['embedded', -1],
    ['restored after 4 batches', 4],
  ])('%s with few records kept as objects gives the same alerts', async (_, after) => {
    expect(await screen(after, { hotRecords: 8 })).toEqual(embedded);
  });

  // The screener's store: records at rest in a scratch file, only a hashed index in memory.
  it.each([
    ['embedded', -1],
    ['restored after 4 batches', 4],
  ])('%s with records at rest in a scratch file gives the same alerts', async (_, after) => {
    const options = {
      hotRecords: 8,
      restingStore: () => new FileRestingStore({ compactFloor: 1 }),
    };
    expect(await screen(after, options)).toEqual(embedded);
  });

  it('writes each changed key once per round at rest, deletes as tombstones', () => {
    const state = new ChangelogEngineState();
    state.put('w:1', { a: 1 });
    state.put('w:1', { a: 2 });
    state.put('x:k', 1);
    state.delete('x:k');
    const changes = state.takeChanges();
    expect(changes.map(([key, packed]) => [key, packed && decodeRecord(packed)])).toEqual([
      ['w:1', { a: 2 }],
      ['x:k', undefined],
    ]);
    expect(state.takeChanges()).toEqual([]);
  });
});
