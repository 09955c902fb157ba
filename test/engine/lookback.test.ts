import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../services/cli/scenario/index.ts';
import {
  type Alert,
  ChangelogEngineState,
  Engine,
  MemoryEngineState,
  parseEngineConfig,
} from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';
import {
  engineWith,
  entry,
  LAZARUS,
  list,
  only,
  payout,
  run,
  T,
  transfer,
  W,
  worker,
} from './events.ts';

const LIST_RULES = new Set([
  'sanctioned-counterparty',
  'sanctioned-exposure',
  'identity-match',
  'extortion-wallet',
]);

describe('lookback: a list change screens past events again', () => {
  it('finds a past payout and transfer once their wallet is listed, marked lookback', () => {
    const engine = engineWith();
    run(engine, [
      payout('w-1', W(1), 1000, T(2)),
      transfer(W(1), W(2), 900, T(2, 2)),
      transfer(W(2), LAZARUS, 850, T(3)),
    ]);
    engine.setTags(new TagIndex([list([entry('LAZARUS GROUP', { wallets: [LAZARUS] })])]));
    const alerts = run(engine, []);
    expect(alerts.map((a) => a.rule).sort()).toEqual([
      'sanctioned-counterparty',
      'sanctioned-exposure',
    ]);
    expect(alerts.every((a) => a.lookback === true)).toBe(true);
    expect(run(engine, [])).toEqual([]);
  });

  it('screens worker profiles against newly listed names', () => {
    const engine = engineWith();
    run(engine, [
      worker('w-1', { legalName: 'Chong In-chol', dateOfBirth: '1978-04-22' }),
      worker('w-2', { legalName: 'Kim Min-jun' }),
    ]);
    engine.setTags(
      new TagIndex([
        list([entry('JONG IN CHOL', { kind: 'person', datesOfBirth: ['1978-04-22'] })]),
      ]),
    );
    const alerts = run(engine, []);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'identity-match',
      subject: { workerId: 'w-1' },
      lookback: true,
    });
  });

  it('does not reach past the retention window', () => {
    const engine = engineWith();
    run(engine, [
      payout('w-1', LAZARUS, 10, '2025-01-01T00:00:00Z'),
      transfer(W(5), W(6), 1, T(2)),
    ]);
    engine.setTags(new TagIndex([list([entry('LAZARUS GROUP', { wallets: [LAZARUS] })])]));
    expect(run(engine, [])).toEqual([]);
  });

  it('forgets the envelopes of events that fall out of retention', () => {
    const state = new MemoryEngineState();
    const engine = engineWith([], { config: parseEngineConfig({ retentionDays: 30 }), state });
    const old = transfer(W(5), W(6), 1, '2026-09-01T00:00:00Z');
    const recent = Array.from({ length: 16 }, (_, i) => transfer(W(5), W(7 + i), 1, T(2, i)));
    run(engine, [old]);
    expect(state.get(`e:${old.id}`)).toBeDefined();
    run(engine, recent);
    expect(state.get(`e:${old.id}`)).toBeUndefined();
    expect(state.get(`e:${recent[15]!.id}`)).toBeDefined();
  });

  for (const [mode, state] of [
    ['in memory', () => new MemoryEngineState()],
    ['with changelog-backed state', () => new ChangelogEngineState()],
  ] as const) {
    it(`gives the live run's findings when the list arrives after the events (${mode})`, async () => {
      const s = generateScenario({ seed: 3, workers: 80, payRuns: 4 });
      const events = s.events.map(normalizeEvent);
      const live = await drive(new Engine({ tags: new TagIndex(s.lists), state: state() }), events);
      const late = new Engine({ state: state() });
      await drive(late, events);
      late.setTags(new TagIndex(s.lists));
      const found = await drive(late, []);
      expect(found.every((a) => a.lookback === true)).toBe(true);
      const ids = (alerts: Alert[]) =>
        new Set(
          alerts
            .filter((a) => LIST_RULES.has(a.rule) && a.rule !== 'extortion-wallet')
            .map((a) => a.id),
        );
      expect(ids(found)).toEqual(ids(live));
      expect(only(found, 'identity-match').length).toBe(3);
    });
  }
});

/** Screens events in batches the streaming way; returns the alerts of every batch, merged by id. */
async function drive(
  engine: Engine,
  events: ReturnType<typeof normalizeEvent>[],
): Promise<Alert[]> {
  const out = new Map<string, Alert>();
  const batches =
    events.length === 0
      ? [[]]
      : Array.from({ length: Math.ceil(events.length / 200) }, (_, i) =>
          events.slice(i * 200, i * 200 + 200),
        );
  for (const batch of batches) {
    await engine.prepare(batch);
    for (const a of engine.process(batch)) out.set(a.id, a);
    await engine.commit();
  }
  return [...out.values()];
}
