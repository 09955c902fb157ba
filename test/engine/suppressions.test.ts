import { describe, expect, it } from 'vitest';
import { parseEngineConfig, type SuppressionRecord } from '../../shared/engine/index.ts';
import { engineWith, entry, LAZARUS, list, only, payout, run, T, W } from './events.ts';

const lazarus = list([entry('LAZARUS GROUP', { wallets: [LAZARUS] })]);
const sharedWallet = [
  payout('w-1', W(5), 1, T(2)),
  payout('w-2', W(5), 1, T(2)),
  payout('w-3', W(5), 1, T(3)),
];

describe('suppressions', () => {
  it('keeps an allowlisted finding back and records each application', () => {
    const seen: SuppressionRecord[] = [];
    const config = parseEngineConfig({
      suppressions: [
        {
          id: 'sup-1',
          rule: 'shared-payout-wallet',
          wallet: W(5).toUpperCase().replace('0X', '0x'),
          expiresAt: '2026-12-31',
          reason: 'agency wallet, reviewed',
        },
      ],
    });
    const engine = engineWith([lazarus], { config, onSuppressed: (r) => seen.push(r) });
    expect(only(run(engine, sharedWallet), 'shared-payout-wallet')).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      suppressionId: 'sup-1',
      rule: 'shared-payout-wallet',
      reason: 'agency wallet, reviewed',
      at: T(3),
    });
    expect(engine.takeSuppressed()).toEqual(seen);
    expect(engine.takeSuppressed()).toEqual([]);
  });

  it('applies only to its rule and subject, and not after it expires', () => {
    const config = parseEngineConfig({
      suppressions: [
        {
          id: 'sup-2',
          rule: '*',
          workerId: 'w-1',
          expiresAt: '2026-11-10T00:00:00Z',
          reason: 'false positive, closed',
        },
      ],
    });
    const engine = engineWith([lazarus], { config });
    expect(run(engine, [payout('w-1', LAZARUS, 1, T(2))])).toEqual([]);
    expect(
      only(run(engine, [payout('w-2', LAZARUS, 1, T(3))]), 'sanctioned-counterparty'),
    ).toHaveLength(1);
    expect(
      only(run(engine, [payout('w-1', LAZARUS, 1, T(12))]), 'sanctioned-counterparty'),
    ).toHaveLength(1);
  });
});
