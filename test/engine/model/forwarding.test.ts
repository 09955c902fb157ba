import { describe, expect, it } from 'vitest';
import type { ModelContext } from '../../../shared/engine/model/context.ts';
import { isPayoutLeg, openPayout } from '../../../shared/engine/model/forwarding.ts';
import { EMPTY } from '../../../shared/engine/model/lean.ts';
import { walletOf } from '../../../shared/engine/model/wallets.ts';
import { MemoryEngineState } from '../../../shared/engine/state/memory-engine-state.ts';
import type { OpenPayout, WalletRecord } from '../../../shared/engine/state/records.ts';

const HOUR = 3_600_000;
const ctx = { options: { forwardWindowMs: 2 * HOUR } } as ModelContext;

/** A new wallet as the engine makes one (nothing stored yet). */
function wallet(): WalletRecord {
  return walletOf(
    { ...ctx, state: new MemoryEngineState() },
    {
      key: 'evm:0xabc',
      chain: 'ethereum',
      address: '0xabc',
    },
  );
}

const payout = (n: number, atMs: number): OpenPayout => ({
  payoutId: `po-${n}`,
  workerId: 'w-1',
  amount: 100,
  cls: 'USD',
  atMs,
  txHash: `0x${n.toString(16).padStart(64, '0')}`,
});

describe('open payouts of a wallet', () => {
  it('keeps the payouts inside the forwarding window, in the order they opened', () => {
    const w = wallet();
    for (let n = 0; n < 40; n++) openPayout(ctx, w, payout(n, n * 10 * 60_000));
    // The last payout opened at 390 min: the window reaches back to 270 min (payout 27).
    expect(w.open.map((p) => p.payoutId)).toEqual(
      Array.from({ length: 13 }, (_, i) => `po-${27 + i}`),
    );
    expect(isPayoutLeg(w, `0x${(39).toString(16).padStart(64, '0').toUpperCase()}`)).toBe(true);
    expect(isPayoutLeg(w, `0x${(3).toString(16).padStart(64, '0')}`)).toBe(false);
  });

  it('starts a new list when every open payout has aged out, without touching the old one', () => {
    const w = wallet();
    openPayout(ctx, w, payout(1, 0));
    openPayout(ctx, w, payout(2, HOUR));
    const before = w.open;
    openPayout(ctx, w, payout(3, 10 * HOUR));
    expect(w.open.map((p) => p.payoutId)).toEqual(['po-3']);
    expect(before.map((p) => p.payoutId)).toEqual(['po-1', 'po-2']);
  });

  it('leaves the shared empty list alone', () => {
    const w = wallet();
    openPayout(ctx, w, payout(1, 0));
    expect(EMPTY).toHaveLength(0);
    expect(w.open).toHaveLength(1);
  });
});
