import { describe, expect, it } from 'vitest';
import { modelOptionsFrom } from '../../shared/engine/build-rules.ts';
import { DEFAULT_ENGINE_CONFIG, MemoryEngineState } from '../../shared/engine/index.ts';
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

  it("names what tracing money back from a worker's wallet reads: the senders up to two wallets back", () => {
    const options = modelOptionsFrom(DEFAULT_ENGINE_CONFIG);
    const state = new MemoryEngineState();
    const engine = engineWith([], { state });
    const first = transfer(LAZARUS, W(20), 1000, T(3));
    const second = transfer(W(20), W(21), 1000, T(3, 2));
    const stale = transfer(W(22), W(21), 1000, '2026-10-25T00:00:00Z');
    run(engine, [
      worker('w-5', { payoutWallets: [{ chain: 'ethereum', address: W(5) }] }),
      stale,
      first,
      second,
    ]);
    const arrival = normalizeEvent(transfer(W(21), W(5), 900, T(4)));
    const plan = planKeys(state, [arrival], undefined, options);
    expect(plan).toContain(`e:${second.id}`);
    expect(plan).toContain(`e:${first.id}`);
    // Outside the window before the transfer out: not read.
    expect(plan).not.toContain(`e:${stale.id}`);
    // Into a wallet no worker owns: nothing to trace.
    const stray = normalizeEvent(transfer(W(21), W(9), 900, T(4)));
    expect(planKeys(state, [stray], undefined, options)).not.toContain(`e:${second.id}`);
  });
});
