import { afterAll, describe, expect, it } from 'vitest';
import {
  type Alert,
  CachedEngineState,
  Engine,
  type EngineState,
  MemoryEngineState,
  StateNotLoadedError,
} from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';
import { MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import {
  MemoryStateStore,
  RedisStateStore,
  type StateStore,
} from '../../shared/ports/state-store/index.ts';
import { generateScenario } from '../../shared/scenario/index.ts';
import { unique } from '../helpers/fixtures.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const scenario = generateScenario({ seed: 11, workers: 80, payRuns: 4 });
const events = scenario.events.map(normalizeEvent);
const tags = new TagIndex(scenario.lists);
const BATCH = 150;

/**
 * Runs the scenario the way the screener does (prepare, process, deliver, commit) and
 * optionally restarts the engine (new process, new cache, same store) after `restartAfter` batches.
 */
async function screen(state: () => EngineState, restartAfter = -1): Promise<Alert[]> {
  let engine = new Engine({ tags, state: state() });
  const sink = new MemoryAlertSink();
  for (let i = 0, n = 0; i < events.length; i += BATCH, n++) {
    const batch = events.slice(i, i + BATCH);
    await engine.prepare(batch);
    await sink.deliver(engine.process(batch));
    await engine.commit();
    if (n === restartAfter) engine = new Engine({ tags, state: state() });
  }
  return (await sink.list()).sort((a, b) => a.id.localeCompare(b.id));
}

describe('engine state: embedded and streaming give the same alerts', () => {
  const stores: StateStore[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close();
  });
  let embedded: Alert[];

  it('embedded (in-memory state) finds the planted cases', async () => {
    embedded = await screen(() => new MemoryEngineState());
    expect(embedded.length).toBeGreaterThan(20);
  });

  it('a cached state over a store, restarted halfway, equals embedded', async () => {
    const store = new MemoryStateStore();
    stores.push(store);
    expect(await screen(() => new CachedEngineState(store), 4)).toEqual(embedded);
  });

  it('Redis with an in-process cache, restarted halfway, equals embedded', async () => {
    const store = new RedisStateStore(REDIS_URL, `${unique('fs-engine')}:`);
    stores.push(store);
    expect(await screen(() => new CachedEngineState(store, { maxAgeMs: 0 }), 5)).toEqual(embedded);
  });

  it('refuses to read state a batch did not load', () => {
    const engine = new Engine({ tags, state: new CachedEngineState(new MemoryStateStore()) });
    expect(() => engine.process(events.slice(0, 5))).toThrow(StateNotLoadedError);
  });

  it('drops a failed batch’s changes on rollback, so the retry starts over', async () => {
    const store = new MemoryStateStore();
    const engine = new Engine({ tags, state: new CachedEngineState(store) });
    const batch = events.slice(0, BATCH);
    await engine.prepare(batch);
    const first = engine.process(batch);
    engine.rollback();
    await engine.prepare(batch);
    expect(engine.process(batch)).toEqual(first);
  });
});
