import { describe, expect, it } from 'vitest';
import { parseEngineConfig } from '../../../shared/engine/index.ts';
import { engineWith, only, payout, run, T, W } from '../events.ts';

describe('shared-payout-wallet', () => {
  it('alerts from the third distinct worker paid to one wallet', () => {
    const engine = engineWith();
    expect(
      only(
        run(engine, [
          payout('w-1', W(5), 1, T(2)),
          payout('w-2', W(5), 1, T(2)),
          payout('w-1', W(5), 1, T(3)),
        ]),
        'shared-payout-wallet',
      ),
    ).toEqual([]);
    const [a] = only(run(engine, [payout('w-3', W(5), 1, T(4))]), 'shared-payout-wallet');
    expect(a).toMatchObject({ severity: 'high', score: 70, subject: { kind: 'wallet' } });
    expect(a!.related.workers).toEqual(['w-1', 'w-2', 'w-3']);
  });

  it('takes its threshold from the rules file', () => {
    const config = parseEngineConfig({ rules: { 'shared-payout-wallet': { minWorkers: 2 } } });
    const alerts = run(engineWith([], { config }), [
      payout('w-1', W(5), 1, T(2)),
      payout('w-2', W(5), 1, T(2)),
    ]);
    expect(only(alerts, 'shared-payout-wallet')).toHaveLength(1);
  });

  it('reaches the highest threshold the rules file accepts: 100 workers', () => {
    const config = parseEngineConfig({ rules: { 'shared-payout-wallet': { minWorkers: 100 } } });
    const engine = engineWith([], { config });
    const payouts = Array.from({ length: 99 }, (_, i) => payout(`w-${i}`, W(5), 1, T(2)));
    expect(only(run(engine, payouts), 'shared-payout-wallet')).toEqual([]);
    const [a] = only(run(engine, [payout('w-99', W(5), 1, T(3))]), 'shared-payout-wallet');
    expect(a!.related.workers).toHaveLength(100);
    expect(() =>
      parseEngineConfig({ rules: { 'shared-payout-wallet': { minWorkers: 101 } } }),
    ).toThrow();
  });
});
