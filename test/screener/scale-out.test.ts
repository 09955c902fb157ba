import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../services/cli/scenario/generator.ts';
import type { Alert } from '../../shared/engine/alert.ts';
import { unique } from '../helpers/fixtures.ts';
import { eventually } from '../ports/event-log.contract.ts';
import {
  byId,
  createTopics,
  inTimeOrder,
  produce,
  scanOf,
  screenerFor,
  uniqueTopics,
} from './streaming-harness.ts';

/**
 * The streaming deployment must find exactly what `flowsentry scan` finds in the same
 * events, with any number of screeners and whatever order Kafka delivers six partitions of
 * three topics in. Every typology is planted, graph rules included (exposure through hops,
 * consolidation, shared wallets and devices, extortion).
 */
const scenario = generateScenario({ seed: 23, workers: 60, payRuns: 4 });
const events = inTimeOrder(scenario.events);
const closers: (() => Promise<void>)[] = [];

async function run(instances: number, live: boolean): Promise<Alert[]> {
  const t = uniqueTopics(live ? 'live' : 'catchup');
  await createTopics(t, 6);
  const groupId = unique('scale');
  const queue = unique('scale-alerts');
  const screeners = Array.from({ length: instances }, () =>
    screenerFor(t, groupId, queue, scenario.lists),
  );
  closers.push(...screeners.map((s) => s.close));
  if (!live) await produce(events, t);
  await Promise.all(screeners.map((s) => s.screener.start()));
  if (live) await produce(events, t, { perSend: 40, pauseMs: 5 });
  const screened = () => screeners.reduce((n, s) => n + s.screener.stats.events, 0);
  await eventually(() => screened() >= events.length, 'every event screened', 150_000);
  const alerts = await screeners[0]!.sink.list();
  await Promise.all(screeners.map((s) => s.close()));
  return byId(alerts);
}

describe('streaming gives the alerts of scan, with any number of screeners', () => {
  let expected: Alert[];

  beforeAll(async () => {
    expected = byId(await scanOf(events, scenario.lists));
  });
  afterAll(async () => {
    for (const close of closers) await close().catch(() => {});
  });

  it('scan finds every planted typology (the reference is complete)', () => {
    const found = new Set(expected.map((a) => a.rule));
    for (const c of scenario.planted) expect(found).toContain(c.rule);
  });

  it.each([
    [1, false],
    [3, false],
    [1, true],
    [3, true],
  ])(
    '%i screener(s), live=%s: the same alerts, field by field',
    async (instances, live) => {
      const alerts = await run(instances, live);
      expect(alerts.map((a) => a.id)).toEqual(expected.map((a) => a.id));
      expect(alerts).toEqual(expected);
    },
    200_000,
  );
});
