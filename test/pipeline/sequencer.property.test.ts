import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../services/cli/scenario/generator.ts';
import type { Envelope } from '../../shared/contract/index.ts';
import { Engine } from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { type NormalizedEvent, normalizeEvent } from '../../shared/normalize/index.ts';
import { screenDecoded } from '../../shared/pipeline/index.ts';
import { Sequencer } from '../../shared/pipeline/sequencer.ts';
import { MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { partitionFor } from '../../shared/ports/event-log/index.ts';
import { byId, inTimeOrder, routeOf, scanOf } from '../screener/streaming-harness.ts';

const PARTITIONS = 6;
const TOPICS = { payroll: 'payroll', transfers: 'transfers', intel: 'intel', dlq: 'dlq' };
const scenario = generateScenario({ seed: 5, workers: 60, payRuns: 4 });
const events = inTimeOrder(scenario.events);

/** The scenario split as Kafka would hold it: per topic and partition, each in write order. */
function partitioned(list: readonly Envelope[]): Map<string, NormalizedEvent[]> {
  const out = new Map<string, NormalizedEvent[]>();
  for (const e of list) {
    const { topic, key } = routeOf(e, TOPICS);
    const origin = `${topic}/${partitionFor(key, PARTITIONS, 0)}`;
    const log = out.get(origin) ?? [];
    log.push(normalizeEvent(e));
    out.set(origin, log);
  }
  return out;
}

/** A small deterministic generator, seeded by fast-check so a failure replays. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Delivers the partitions in a random interleaving that keeps each partition's order (runs
 * of random length from random partitions, now and then a run delivered again, as after a
 * rebalance), through the sequencer into the engine, screening whatever it releases.
 */
async function screenInterleaved(seed: number, maxRun: number, redeliver: number) {
  const rand = prng(seed);
  const logs = partitioned(events);
  const next = new Map([...logs.keys()].map((o) => [o, 0]));
  const sequencer = new Sequencer();
  sequencer.ends(new Map([...logs].map(([o, l]) => [o, l.length])), Number.MAX_SAFE_INTEGER);
  const engine = new Engine({ tags: new TagIndex(scenario.lists) });
  const sink = new MemoryAlertSink();
  let seq = 0;
  for (;;) {
    const open = [...logs.keys()].filter((o) => next.get(o)! < logs.get(o)!.length);
    if (open.length === 0) break;
    const origin = open[Math.floor(rand() * open.length)]!;
    const from = next.get(origin)!;
    const to = Math.min(logs.get(origin)!.length, from + 1 + Math.floor(rand() * maxRun));
    const again = rand() < redeliver ? Math.max(0, from - Math.floor(rand() * maxRun)) : from;
    for (let offset = again; offset < to; offset++) {
      const event = logs.get(origin)![offset]!;
      sequencer.offer({ origin, offset, writtenAt: 0, event, seq: seq++ });
    }
    next.set(origin, to);
    if (rand() < 0.5)
      await screenDecoded(
        sequencer.release(1 + Math.floor(rand() * 400)).map((r) => r.event),
        { engine, sink },
      );
  }
  for (let r = sequencer.release(); r.length > 0; r = sequencer.release())
    await screenDecoded(
      r.map((x) => x.event),
      { engine, sink },
    );
  return { alerts: byId(await sink.list()), holding: sequencer.holding };
}

describe('the sequencer makes streaming independent of arrival order', () => {
  it('any interleaving that keeps each partition in order gives the alerts of scan', async () => {
    const expected = byId(await scanOf(events, scenario.lists));
    expect(expected.length).toBeGreaterThan(20);
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        async (seed, maxRun, redeliver) => {
          const { alerts, holding } = await screenInterleaved(seed, maxRun, redeliver);
          expect(holding).toBe(0);
          expect(alerts).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('holds an event while a partition that may still precede it has not caught up', () => {
    const [a, b] = events.slice(0, 2).map(normalizeEvent);
    const s = new Sequencer({ skewMs: 0 });
    // y/0 was empty when read, but the read began before b was written: y may still hold a.
    s.ends(
      new Map([
        ['x/0', 1],
        ['y/0', 0],
      ]),
      400,
    );
    s.offer({ origin: 'x/0', offset: 0, writtenAt: 500, event: b!, seq: 0 });
    expect(s.release()).toEqual([]);
    s.ends(
      new Map([
        ['x/0', 1],
        ['y/0', 1],
      ]),
      2_000,
    );
    expect(s.release()).toEqual([]);
    s.offer({ origin: 'y/0', offset: 0, writtenAt: 450, event: a!, seq: 1 });
    expect(s.release().map((r) => r.event.envelope.id)).toEqual([a!.envelope.id, b!.envelope.id]);
  });
});
