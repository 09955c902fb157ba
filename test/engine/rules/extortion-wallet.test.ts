import { describe, expect, it } from 'vitest';
import { parseEngineConfig } from '../../../shared/engine/index.ts';
import { engineWith, entry, list, only, payout, report, run, T, transfer, W } from '../events.ts';

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
});
