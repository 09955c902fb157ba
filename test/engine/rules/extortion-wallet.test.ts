import { describe, expect, it } from 'vitest';
import { parseEngineConfig } from '../../../shared/engine/index.ts';
import {
  engineWith,
  entry,
  list,
  only,
  payout,
  report,
  run,
  T,
  transfer,
  W,
  worker,
} from '../events.ts';

describe('extortion-wallet', () => {
  it('screens the reported wallet’s past payouts when the report arrives (lookback), then new ones live', () => {
    const engine = engineWith();
    run(engine, [payout('w-1', W(5), 800, T(2))]);
    const atReport = only(
      run(engine, [
        report({ reportId: 'r-1', addresses: [{ chain: 'ethereum', address: W(5) }] }, T(3)),
      ]),
      'extortion-wallet',
    );
    expect(atReport).toHaveLength(1);
    expect(atReport[0]).toMatchObject({
      lookback: true,
      severity: 'critical',
      subject: { workerId: 'w-1' },
    });
    expect(atReport[0]!.evidence).toContainEqual(
      expect.objectContaining({ kind: 'fact', label: 'extortion report' }),
    );
    const live = only(run(engine, [transfer(W(5), W(6), 100, T(4))]), 'extortion-wallet');
    expect(live).toHaveLength(1);
    expect(live[0]!.lookback).toBeUndefined();
    expect(live[0]!.severity).toBe('high');
  });

  it("alerts on a reported wallet among a worker's payout wallets, profile before or after the report", () => {
    const profile = (id: string, n: number) =>
      worker(id, { payoutWallets: [{ chain: 'ethereum', address: W(n) }] }, T(2));
    const reported = (n: number) =>
      report({ reportId: `r-${n}`, addresses: [{ chain: 'ethereum', address: W(n) }] }, T(3));
    const before = only(run(engineWith(), [profile('w-1', 21), reported(21)]), 'extortion-wallet');
    const after = only(
      run(engineWith(), [reported(22), { ...profile('w-2', 22), occurredAt: T(4) }]),
      'extortion-wallet',
    );
    for (const [alerts, workerId] of [
      [before, 'w-1'],
      [after, 'w-2'],
    ] as const) {
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ severity: 'critical', subject: { workerId } });
      expect(alerts[0]!.related.workers).toEqual([workerId]);
      expect(alerts[0]!.evidence).toContainEqual(
        expect.objectContaining({ kind: 'fact', label: `worker ${workerId}` }),
      );
    }
  });

  it('stays quiet for a profile wallet that only shares a prefix with a reported one', () => {
    const near = `${W(23).slice(0, 40)}ff`;
    const alerts = run(engineWith(), [
      worker('w-3', { payoutWallets: [{ chain: 'ethereum', address: near }] }, T(2)),
      report({ reportId: 'r-23', addresses: [{ chain: 'ethereum', address: W(23) }] }, T(3)),
    ]);
    expect(only(alerts, 'extortion-wallet')).toEqual([]);
  });

  it('counts wallets a list files under ransomware', () => {
    const ransom = list([entry('MAUI', { wallets: [W(8)], category: 'ransomware' })]);
    expect(
      only(run(engineWith([ransom]), [payout('w-1', W(8), 5, T(2))]), 'extortion-wallet'),
    ).toHaveLength(1);
  });

  it('does not reach past retention', () => {
    const config = parseEngineConfig({ retentionDays: 30 });
    const engine = engineWith([], { config });
    run(engine, [
      payout('w-1', W(5), 800, '2026-01-02T00:00:00Z'),
      transfer(W(9), W(10), 1, '2026-03-01T00:00:00Z'),
    ]);
    const alerts = run(engine, [
      report({ addresses: [{ chain: 'ethereum', address: W(5) }] }, '2026-03-02T00:00:00Z'),
    ]);
    expect(only(alerts, 'extortion-wallet')).toEqual([]);
  });

  it("names the worker when a reported wallet pays a worker's wallet, or a worker's wallet pays it", () => {
    const reported = W(0xabc);
    const alerts = only(
      run(engineWith(), [
        worker('w-1', { payoutWallets: [{ chain: 'ethereum', address: W(5) }] }, T(1)),
        payout('w-2', W(6), 1000, T(1)),
        report({ addresses: [{ chain: 'ethereum', address: reported }] }, T(2)),
        transfer(reported, W(5), 100, T(3)),
        transfer(W(6), reported, 900, T(4)),
        transfer(reported, W(7), 50, T(5)),
      ]),
      'extortion-wallet',
    );
    const named = (workerId: string) =>
      alerts.filter(
        (a) =>
          a.related.workers.includes(workerId) &&
          a.evidence.some((e) => e.kind === 'fact' && e.label === `worker ${workerId}`),
      );
    expect(named('w-1')).not.toEqual([]);
    expect(named('w-2')).not.toEqual([]);
    // A stranger's wallet names nobody.
    expect(alerts.flatMap((a) => a.related.workers).sort()).toEqual(['w-1', 'w-2']);
  });
});
