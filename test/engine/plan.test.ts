import { describe, expect, it } from 'vitest';
import { MemoryEngineState } from '../../shared/engine/index.ts';
import { planKeys } from '../../shared/engine/plan.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';
import { engineWith, LAZARUS, payout, run, T, transfer, W, worker } from './events.ts';

describe('planKeys: the state a batch reads', () => {
  it("names the retained events of a wallet a profile or a first payout makes a worker's", () => {
    const state = new MemoryEngineState();
    const engine = engineWith([], { state });
    const inflow = transfer(LAZARUS, W(5), 4000, T(3));
    run(engine, [inflow]);
    const profile = normalizeEvent(
      worker('w-5', { payoutWallets: [{ chain: 'ethereum', address: W(5) }] }, T(5)),
    );
    expect(planKeys(state, [profile])).toContain(`e:${inflow.id}`);
    const first = normalizeEvent(payout('w-6', W(5), 900, T(6)));
    expect(planKeys(state, [first])).toContain(`e:${inflow.id}`);
    // Once the wallet is the worker's, their next payout there reads no past.
    run(engine, [first.envelope]);
    const next = normalizeEvent(payout('w-6', W(5), 900, T(7)));
    expect(planKeys(state, [next])).not.toContain(`e:${inflow.id}`);
  });
});
