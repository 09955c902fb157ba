import { describe, expect, it } from 'vitest';
import {
  type HopPathEvidence,
  MemoryEngineState,
  parseEngineConfig,
} from '../../../shared/engine/index.ts';
import type { WalletRecord } from '../../../shared/engine/state/index.ts';
import { engineWith, entry, LAZARUS, list, only, payout, run, T, transfer, W } from '../events.ts';

const lazarus = list([entry('LAZARUS GROUP', { wallets: [LAZARUS] })]);

/** Payout to W(1), then a chain of transfers forwarding `share` of what arrived at each hop. */
function chain(hops: string[], share: number, amount = 1000) {
  const events = [payout('w-1', W(1), amount, T(2))];
  let sent = amount;
  [W(1), ...hops].forEach((from, i) => {
    const to = [...hops, LAZARUS][i]!;
    sent *= share;
    events.push(transfer(from, to, sent, T(2, i + 1)));
  });
  return events;
}

describe('sanctioned-exposure', () => {
  it('follows a payout through a collector to a listed wallet, with the hop path', () => {
    const alerts = only(run(engineWith([lazarus]), chain([W(2)], 0.9)), 'sanctioned-exposure');
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a.subject).toMatchObject({
      kind: 'wallet',
      workerId: 'w-1',
      address: '0x0000000000000000000000000000000000000001',
    });
    const path = a.evidence.find((e): e is HopPathEvidence => e.kind === 'hop-path')!;
    expect(path.hops.map((h) => h.to.toLowerCase())).toEqual([W(2), LAZARUS.toLowerCase()]);
    expect(path.exposure).toBeCloseTo(0.81, 2);
    expect(path.hops[0]!.amount).toBe('900.00');
  });

  it('measures each payout on its own, ranks most of it arriving within hours as critical', () => {
    // Two payouts kept in the wallet, then a third of which 91% is forwarded within two hours:
    // 91% of that payout, 30% of all pay the wallet received.
    const events = [
      payout('w-1', W(1), 1000, T(2), { payoutId: 'po-1' }),
      payout('w-1', W(1), 1000, T(16), { payoutId: 'po-2' }),
      payout('w-1', W(1), 1000, T(30), { payoutId: 'po-3' }),
      transfer(W(1), W(2), 910, T(30, 1)),
      transfer(W(2), LAZARUS, 910, T(30, 2)),
    ];
    const [a] = only(run(engineWith([lazarus]), events), 'sanctioned-exposure');
    expect(a!.title).toMatch(
      /^91% of worker w-1's payout po-3 reached sanctioned wallet .* in 2 hop\(s\) within 2 h$/,
    );
    expect(a!.severity).toBe('critical');
    expect(a!.evidence).toContainEqual(
      expect.objectContaining({
        label: 'exposure',
        value: expect.stringMatching(
          /^91% of payout po-3 \(910\.00 of 1000\.00 USD\) within 2 h; 30% of all pay/,
        ),
      }),
    );
  });

  it('ranks the same share arriving weeks later lower, and a small share lower still', () => {
    const late = [
      payout('w-1', W(1), 1000, T(2)),
      transfer(W(1), W(2), 910, T(20)),
      transfer(W(2), LAZARUS, 910, T(21)),
    ];
    const [slow] = only(run(engineWith([lazarus]), late), 'sanctioned-exposure');
    expect(slow!.severity).toBe('high');
    const [small] = only(
      run(engineWith([lazarus]), chain([W(2), W(3)], 0.5)),
      'sanctioned-exposure',
    );
    expect(small!.severity).toBe('medium');
  });

  it('ranks most of a payout arriving within hours as critical however many wallets it passed', () => {
    // 80% through three wallets of the worker's handlers within four hours: layering, not distance.
    const events = [
      payout('w-1', W(1), 1000, T(2)),
      transfer(W(1), W(2), 800, T(2, 1)),
      transfer(W(2), W(3), 800, T(2, 2)),
      transfer(W(3), W(4), 800, T(2, 3)),
      transfer(W(4), LAZARUS, 800, T(2, 4)),
    ];
    const [fast] = only(run(engineWith([lazarus]), events), 'sanctioned-exposure');
    expect(fast!.title).toMatch(/^80% .* in 4 hop\(s\) within 4 h$/);
    expect(fast!.severity).toBe('critical');
    // The same path taking four weeks is lower: distance counts when the money is slow.
    const slow = [
      payout('w-1', W(1), 1000, T(2)),
      transfer(W(1), W(2), 800, T(9)),
      transfer(W(2), W(3), 800, T(16)),
      transfer(W(3), W(4), 800, T(23)),
      transfer(W(4), LAZARUS, 800, T(29)),
    ];
    const [late] = only(run(engineWith([lazarus]), slow), 'sanctioned-exposure');
    expect(late!.severity).toBe('high');
  });

  it('ignores a tiny share', () => {
    expect(only(run(engineWith([lazarus]), chain([W(2)], 0.05)), 'sanctioned-exposure')).toEqual(
      [],
    );
  });

  it('stops following after maxHops (4 by default), and follows further when configured', () => {
    const five = chain([W(2), W(3), W(4), W(5)], 0.99);
    expect(only(run(engineWith([lazarus]), five), 'sanctioned-exposure')).toEqual([]);
    const config = parseEngineConfig({ rules: { 'sanctioned-exposure': { maxHops: 5 } } });
    expect(only(run(engineWith([lazarus], { config }), five), 'sanctioned-exposure')).toHaveLength(
      1,
    );
  });

  it('spreads taint in proportion: unrelated funds in the wallet dilute it', () => {
    const events = [
      payout('w-1', W(1), 1000, T(2)),
      transfer(W(7), W(1), 3000, T(2, 1)),
      transfer(W(1), LAZARUS, 2000, T(2, 2)),
    ];
    const [a] = only(run(engineWith([lazarus]), events), 'sanctioned-exposure');
    expect(
      (a!.evidence.find((e) => e.kind === 'hop-path') as HopPathEvidence).exposure,
    ).toBeCloseTo(0.5, 5);
  });

  it('moves taint only with its asset', () => {
    const events = [
      payout('w-1', W(1), 1000, T(2)),
      transfer(W(1), LAZARUS, 900, T(2, 1), { symbol: 'ETH' }),
    ];
    expect(only(run(engineWith([lazarus]), events), 'sanctioned-exposure')).toEqual([]);
  });

  it('keeps the work per transfer flat: a wallet tracks at most maxOrigins payout slices', () => {
    const state = new MemoryEngineState();
    const engine = engineWith([lazarus], { state });
    const events = Array.from({ length: 200 }, (_, i) => [
      payout(`w-${i}`, W(100 + i), 1000, T(2)),
      transfer(W(100 + i), W(2), 900, T(2, 1)),
    ]).flat();
    run(engine, events);
    expect(state.get<WalletRecord>(`evm:${W(2)}`)!.origins.length).toBe(16);
  });
  it('reads the whole share when a collector sweeps a payout to the listed wallet in many small parts', () => {
    // Ten sweeps of 9.5% each: 95% of the payout within hours, through one collector.
    const events = [
      payout('w-1', W(1), 1000, T(2), { payoutId: 'po-1' }),
      transfer(W(1), W(2), 1000, T(2, 1)),
      ...Array.from({ length: 10 }, (_, i) => transfer(W(2), LAZARUS, 95, T(2, 2 + i))),
    ];
    const alerts = only(run(engineWith([lazarus]), events), 'sanctioned-exposure');
    const worst = alerts.find((a) => a.severity === 'critical');
    expect(worst?.subject.workerId).toBe('w-1');
    expect(Number(/^(\d+)%/.exec(worst?.title ?? '')?.[1])).toBeGreaterThanOrEqual(70);
  });

  it('does not raise again for a remainder that leaves the severity where it was', () => {
    const events = [
      payout('w-1', W(1), 1000, T(2), { payoutId: 'po-1' }),
      transfer(W(1), LAZARUS, 900, T(2, 1)),
      transfer(W(1), LAZARUS, 50, T(2, 2)),
    ];
    const alerts = only(run(engineWith([lazarus]), events), 'sanctioned-exposure');
    expect(alerts.flatMap((a) => a.eventIds)).toHaveLength(1);
  });
});
