import { describe, expect, it } from 'vitest';
import { MemoryEngineState } from '../../shared/engine/index.ts';
import { eventsOf } from '../../shared/engine/model/index.ts';
import type { WalletRecord } from '../../shared/engine/state/index.ts';
import {
  engineWith,
  entry,
  LAZARUS,
  list,
  only,
  payout,
  retraction,
  run,
  T,
  transfer,
  W,
} from './events.ts';

const lazarus = list([entry('LAZARUS GROUP', { wallets: [LAZARUS] })]);

describe('transfer.retracted (a reorg)', () => {
  it('drops an alert resting only on the retracted transfer within the batch', () => {
    const t = transfer(W(1), LAZARUS, 10, T(2));
    expect(run(engineWith([lazarus]), [t, retraction(t, T(2, 1))])).toEqual([]);
  });

  it('undoes the graph: taint goes back, later transfers find no exposure', () => {
    const state = new MemoryEngineState();
    const engine = engineWith([lazarus], { state });
    const hop = transfer(W(1), W(2), 900, T(2, 1));
    run(engine, [payout('w-1', W(1), 1000, T(2)), hop]);
    run(engine, [retraction(hop, T(2, 2))]);
    const w2 = state.get<WalletRecord>(`evm:${W(2)}`)!;
    expect(w2.origins).toEqual([]);
    expect(w2.balances.USD).toBe(0);
    expect(eventsOf(w2)).toEqual([]);
    expect(state.get<WalletRecord>(`evm:${W(1)}`)!.origins[0]!.held).toBeCloseTo(1000, 6);
    expect(only(run(engine, [transfer(W(2), LAZARUS, 800, T(3))]), 'sanctioned-exposure')).toEqual(
      [],
    );
  });

  it('takes a feeder back from a collector', () => {
    const engine = engineWith();
    const feeds = [1, 2, 3].map((i) => transfer(W(10 + i), W(99), 900, T(2, i + 1)));
    run(
      engine,
      [1, 2, 3].map((i) => payout(`w-${i}`, W(10 + i), 1000, T(2))),
    );
    run(engine, feeds.slice(0, 2));
    run(engine, [retraction(feeds[1]!, T(2, 4))]);
    expect(only(run(engine, [feeds[2]!]), 'consolidation')).toEqual([]);
    expect(
      only(
        run(engine, [transfer(W(12), W(99), 900, T(2, 5), { txHash: `0x${'e'.repeat(64)}` })]),
        'consolidation',
      ),
    ).toHaveLength(1);
  });
});

describe('redelivery', () => {
  it('gives the same alert for the same event and changes no state twice', () => {
    const state = new MemoryEngineState();
    const engine = engineWith([lazarus], { state });
    const p = payout('w-1', W(1), 1000, T(2));
    const t = transfer(W(1), LAZARUS, 900, T(2, 1));
    const first = run(engine, [p, t]);
    const again = run(engine, [p, t]);
    expect(again.map((a) => [a.id, a.eventIds])).toEqual(first.map((a) => [a.id, a.eventIds]));
    expect(state.get<WalletRecord>(`evm:${LAZARUS.toLowerCase()}`)!.balances.USD).toBe(900);
    expect(eventsOf(state.get<WalletRecord>(`evm:${W(1)}`)!)).toHaveLength(2);
  });
});
