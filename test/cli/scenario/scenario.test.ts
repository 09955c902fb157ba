import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateScenario,
  LAZARUS_WALLET,
  type Scenario,
} from '../../../services/cli/scenario/index.ts';
import type { Alert, HopPathEvidence } from '../../../shared/engine/index.ts';
import { about, screenScenario, unexpected } from './helpers.ts';

describe('scenario generator', () => {
  it('is deterministic for a seed and different for another', () => {
    const a = generateScenario({ seed: 7, workers: 80, payRuns: 4 });
    const b = generateScenario({ seed: 7, workers: 80, payRuns: 4 });
    const c = generateScenario({ seed: 8, workers: 80, payRuns: 4 });
    expect(b.events).toEqual(a.events);
    expect(b.planted).toEqual(a.planted);
    expect(c.events.map((e) => e.id)).not.toEqual(a.events.map((e) => e.id));
  });

  it('returns time-ordered events with unique ids, a sanctions list and the story', () => {
    const s = generateScenario({ workers: 100 });
    const times = s.events.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(new Set(s.events.map((e) => e.id)).size).toBe(s.events.length);
    const names = s.lists.flatMap((l) => l.entries.map((e) => e.name));
    expect(names).toContain('JONG IN CHOL');
    expect(s.lists[0]!.entries.find((e) => e.name === 'JONG IN CHOL')).toMatchObject({
      nationalities: ['KP'],
      datesOfBirth: ['1978-04-22'],
    });
    expect(s.story.length).toBeGreaterThan(3);
    expect(s.planted.length).toBeGreaterThan(15);
  });
});

describe('every planted typology alerts, and clean look-alikes do not', () => {
  let s: Scenario;
  let alerts: Alert[];
  beforeAll(async () => {
    s = generateScenario({ seed: 20260105, workers: 300, payRuns: 6 });
    alerts = await screenScenario(s);
  });

  it('finds each planted case under its rule', () => {
    const missed = s.planted.filter((c) => !alerts.some((a) => about(a, c)));
    expect(missed).toEqual([]);
  });

  it('raises nothing a clean look-alike would trigger', () => {
    const falseAlarms = s.decoys.filter((c) => alerts.some((a) => about(a, c)));
    expect(falseAlarms).toEqual([]);
  });

  it('raises nothing beyond the planted cases on clean traffic', () => {
    expect(unexpected(alerts, s.planted)).toEqual([]);
  });

  it('shows the hop path and proportional exposure to Lazarus', () => {
    const exposure = alerts.filter((a) => a.rule === 'sanctioned-exposure');
    expect(exposure.length).toBeGreaterThan(0);
    const first = exposure.find((a) => a.createdAt.startsWith('2026-01'))!;
    expect(
      (first.evidence.find((e) => e.kind === 'hop-path') as HopPathEvidence).exposure,
    ).toBeGreaterThan(0.8);
    const inbound = (a: Alert) =>
      a.evidence.some((e) => e.kind === 'fact' && e.label === 'direction');
    for (const a of exposure) {
      const path = a.evidence.find((e): e is HopPathEvidence => e.kind === 'hop-path')!;
      // Money from Lazarus to a worker (inbound) starts there; a worker's pay ends there.
      const end = inbound(a) ? path.hops[0]?.from : path.hops.at(-1)?.to;
      expect(end?.toLowerCase()).toBe(LAZARUS_WALLET.toLowerCase());
      if (!inbound(a)) expect(path.hops.length).toBe(2);
      // Proportional: what a wallet keeps dilutes later payouts, so later shares are lower.
      expect(path.exposure).toBeGreaterThanOrEqual(0.1);
      expect(path.exposure).toBeLessThanOrEqual(1);
      expect(a.evidence).toContainEqual(
        expect.objectContaining({ kind: 'list-entry', name: 'LAZARUS GROUP' }),
      );
    }
  });

  it('backs the identity match with the list entry and the date of birth', () => {
    const network = s.planted.find(
      (c) => c.rule === 'identity-match' && c.description.includes('Chong In-chol'),
    )!;
    const a = alerts.find(
      (x) => x.rule === 'identity-match' && x.subject.workerId === network.workerId,
    )!;
    expect(a.severity).toBe('critical');
    expect(a.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'list-entry',
        name: 'JONG IN CHOL',
        listVersion: s.lists[0]!.version.id,
      }),
    );
    expect(a.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'fact',
        label: 'date of birth',
        value: expect.stringContaining('match'),
      }),
    );
  });

  it('names the collector with several feeders, and tags it for the other rules', () => {
    const collector = s.planted.find((c) => c.rule === 'consolidation')!.wallet!;
    const a = alerts.find(
      (x) => x.rule === 'consolidation' && x.subject.address?.toLowerCase() === collector,
    )!;
    expect(
      a.evidence.filter((e) => e.kind === 'fact' && e.label.startsWith('feeder')).length,
    ).toBeGreaterThanOrEqual(3);
    expect(a.related.workers.length).toBeGreaterThanOrEqual(3);
  });

  it('finds past payouts to a reported wallet by lookback when the report arrives', () => {
    const wallet = s.planted.find((c) => c.rule === 'extortion-wallet')!.wallet!;
    const found = alerts.filter(
      (a) => a.rule === 'extortion-wallet' && a.subject.address?.toLowerCase() === wallet,
    );
    expect(found.some((a) => a.lookback === true)).toBe(true);
    expect(found.some((a) => a.lookback !== true)).toBe(true);
  });

  it('rolls the network up as the riskiest workers', async () => {
    const { Engine } = await import('../../../shared/engine/index.ts');
    const view = new Engine().workerView(alerts);
    const network = s.planted.find((c) => c.rule === 'shared-device')!.workers!;
    const top = view.workers.slice(0, network.length).map((w) => w.workerId);
    expect(top.filter((w) => network.includes(w)).length).toBeGreaterThanOrEqual(
      network.length - 1,
    );
  });
});
