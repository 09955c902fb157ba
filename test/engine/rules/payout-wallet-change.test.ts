import { describe, expect, it } from 'vitest';
import { engineWith, only, payout, run, T, transfer, W, worker } from '../events.ts';

const wallets = (...addrs: string[]) => addrs.map((address) => ({ chain: 'ethereum', address }));

describe('payout-wallet-change', () => {
  it('flags a switch to a fresh wallet the day before a pay run', () => {
    const engine = engineWith();
    run(engine, [
      worker('w-1', { payoutWallets: wallets(W(1)) }, T(1)),
      payout('w-1', W(1), 1000, T(2)),
    ]);
    run(engine, [worker('w-1', { payoutWallets: wallets(W(2)) }, T(15))]);
    const alerts = only(
      run(engine, [
        payout('w-1', W(2), 1000, T(16), { requested: true }),
        payout('w-1', W(2), 1000, T(16, 2)),
      ]),
      'payout-wallet-change',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      subject: { kind: 'worker', workerId: 'w-1' },
      severity: 'medium',
    });
    expect(alerts[0]!.evidence).toContainEqual(
      expect.objectContaining({ label: 'new wallet', value: expect.stringContaining('fresh') }),
    );
  });

  it('flags a switch to a wallet shared with another worker', () => {
    const engine = engineWith();
    run(engine, [
      transfer(W(7), W(2), 1, '2026-01-01T00:00:00Z'),
      payout('w-9', W(2), 50, T(1)),
      payout('w-1', W(1), 1000, T(2)),
    ]);
    run(engine, [worker('w-1', { payoutWallets: wallets(W(2)) }, T(15))]);
    const [a] = only(run(engine, [payout('w-1', W(2), 1000, T(16))]), 'payout-wallet-change');
    expect(a!.evidence).toContainEqual(expect.objectContaining({ value: 'shared with w-9' }));
  });

  it('leaves a switch to an established wallet, and a first wallet, alone', () => {
    const engine = engineWith();
    run(engine, [transfer(W(7), W(2), 1, '2026-06-01T00:00:00Z'), payout('w-1', W(1), 1000, T(2))]);
    run(engine, [worker('w-1', { payoutWallets: wallets(W(2)) }, T(15))]);
    expect(only(run(engine, [payout('w-1', W(2), 1000, T(16))]), 'payout-wallet-change')).toEqual(
      [],
    );
    expect(
      only(run(engineWith(), [payout('w-2', W(3), 1000, T(16))]), 'payout-wallet-change'),
    ).toEqual([]);
  });
});
