import { describe, expect, it } from 'vitest';
import { combineScores, rollUp } from '../../shared/engine/index.ts';
import { engineWith, entry, LAZARUS, list, payout, run, T, W, worker } from './events.ts';

describe('worker-level view', () => {
  it('combines independent findings and keeps repeats of one rule as one', () => {
    expect(combineScores([50, 50])).toBe(75);
    expect(combineScores([100, 10])).toBe(100);
    expect(combineScores([])).toBe(0);
  });

  it('rolls alerts up to workers and employers', () => {
    const engine = engineWith([
      list([
        entry('LAZARUS GROUP', { wallets: [LAZARUS] }),
        entry('JONG IN CHOL', { kind: 'person' }),
      ]),
    ]);
    const alerts = run(engine, [
      worker('w-1', {
        legalName: 'Jong In Chol',
        employer: { id: 'emp-1', name: 'Acme' },
        devices: [{ fingerprint: 'fp-1' }],
      }),
      worker('w-2', {
        legalName: 'Ana Silva',
        employer: { id: 'emp-1', name: 'Acme' },
        devices: [{ fingerprint: 'fp-1' }],
      }),
      worker('w-3', { legalName: 'Bo Berg', employer: { id: 'emp-2', name: 'Beta' } }),
      payout('w-1', LAZARUS, 10, T(2)),
      payout('w-3', W(3), 10, T(2)),
    ]);
    const view = engine.workerView(alerts);
    expect(view.workers.map((w) => w.workerId)).toEqual(['w-1', 'w-2']);
    expect(view.workers[0]).toMatchObject({ employerId: 'emp-1', severity: 'critical' });
    expect(view.workers[0]!.rules).toEqual(
      expect.arrayContaining(['identity-match', 'sanctioned-counterparty', 'shared-device']),
    );
    expect(view.employers).toHaveLength(1);
    expect(view.employers[0]).toMatchObject({ employerId: 'emp-1', workers: ['w-1', 'w-2'] });
    expect(rollUp(alerts).workers[0]!.employerId).toBeUndefined();
  });
});
