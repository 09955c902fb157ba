import { describe, expect, it } from 'vitest';
import {
  type Alert,
  type HopPathEvidence,
  parseEngineConfig,
} from '../../../shared/engine/index.ts';
import { TagIndex } from '../../../shared/lists/tag-index.ts';
import { MemoryAlertSink } from '../../../shared/ports/alert-sink/index.ts';
import {
  engineWith,
  entry,
  LAZARUS,
  list,
  only,
  payout,
  run,
  T,
  transfer,
  W,
  worker,
} from '../events.ts';

const lazarus = list([entry('LAZARUS GROUP', { wallets: [LAZARUS] })]);
const exchange = list(
  [entry('BIGEX HOT WALLET', { wallets: [W(90)], category: 'exchange' })],
  '2026-10-01',
  'labels',
);
/** Worker w-5's payout wallet W(5), on the profile. */
const profile = (at = T(1)) =>
  worker('w-5', { payoutWallets: [{ chain: 'ethereum', address: W(5) }] }, at);
const exposure = (alerts: readonly Alert[]) => only(alerts, 'sanctioned-exposure');
const path = (a: Alert) =>
  a.evidence.find((e): e is HopPathEvidence => e.kind === 'hop-path')!.hops.map((h) => h.to);

describe('sanctioned-exposure inbound: money from a listed wallet through others to a worker', () => {
  it('follows one intermediary: the worker is named, the path is the evidence, most of it is critical', () => {
    const [a, ...rest] = exposure(
      run(engineWith([lazarus]), [
        profile(),
        transfer(LAZARUS, W(20), 1000, T(3)),
        transfer(W(20), W(5), 950, T(3, 4)),
      ]),
    );
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      severity: 'critical',
      subject: { address: W(5), workerId: 'w-5' },
      related: { workers: ['w-5'] },
    });
    expect(path(a!)).toEqual([W(20), W(5)]);
    expect(a!.evidence).toContainEqual(
      expect.objectContaining({ kind: 'hop-path', direction: 'inbound', exposure: 1 }),
    );
    expect(a!.title).toMatch(
      /^100% of 950\.00 USD into worker w-5's wallet .* through 1 intermediary/,
    );
    expect(a!.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'list-entry', listVersion: lazarus.version.id }),
        expect.objectContaining({ kind: 'fact', label: 'worker w-5' }),
        expect.objectContaining({ kind: 'fact', label: 'direction' }),
      ]),
    );
  });

  it('follows two intermediaries, and measures the share against what each wallet took in', () => {
    const alerts = exposure(
      run(engineWith([lazarus]), [
        profile(),
        transfer(LAZARUS, W(20), 1000, T(3)),
        transfer(W(44), W(20), 3000, T(3, 1)),
        transfer(W(20), W(21), 2000, T(3, 5)),
        transfer(W(21), W(5), 1500, T(4)),
      ]),
    );
    expect(alerts).toHaveLength(1);
    const hops = alerts[0]!.evidence.find((e): e is HopPathEvidence => e.kind === 'hop-path')!;
    expect(hops.hops.map((h) => h.to)).toEqual([W(20), W(21), W(5)]);
    // A quarter of what W(20) took in came from Lazarus; all of W(21)'s came from W(20).
    expect(hops.exposure).toBeCloseTo(0.25, 5);
    expect(alerts[0]!.severity).toBe('medium');
  });

  it('ranks severity by the share that came from the listed wallet', () => {
    const share = (own: number) =>
      exposure(
        run(engineWith([lazarus]), [
          profile(),
          transfer(LAZARUS, W(20), 1000, T(3)),
          ...(own > 0 ? [transfer(W(44), W(20), own, T(3, 1))] : []),
          transfer(W(20), W(5), 500, T(3, 4)),
        ]),
      ).map((a) => a.severity);
    expect(share(0)).toEqual(['critical']);
    expect(share(1000)).toEqual(['high']);
    expect(share(4000)).toEqual(['medium']);
    expect(share(20_000)).toEqual([]);
  });

  it('stops at an exchange hot wallet and at a busy wallet, past the intermediaries and the window', () => {
    const engine = engineWith([lazarus, exchange]);
    const busy = Array.from({ length: 60 }, (_, i) => transfer(W(200 + i), W(30), 10, T(3, 1)));
    const alerts = run(engine, [
      profile(),
      worker('w-6', { payoutWallets: [{ chain: 'ethereum', address: W(6) }] }),
      worker('w-7', { payoutWallets: [{ chain: 'ethereum', address: W(7) }] }),
      worker('w-8', { payoutWallets: [{ chain: 'ethereum', address: W(8) }] }),
      // Through the exchange hot wallet.
      transfer(LAZARUS, W(20), 1000, T(3)),
      transfer(W(20), W(90), 1000, T(3, 2)),
      transfer(W(90), W(5), 800, T(3, 5)),
      // Through a wallet with sixty other payers in the window.
      transfer(LAZARUS, W(30), 1000, T(3)),
      ...busy,
      transfer(W(30), W(6), 800, T(3, 5)),
      // Three intermediaries (two are followed).
      transfer(LAZARUS, W(40), 1000, T(3)),
      transfer(W(40), W(41), 1000, T(3, 1)),
      transfer(W(41), W(42), 1000, T(3, 2)),
      transfer(W(42), W(7), 1000, T(3, 3)),
      // The listed wallet's money left the intermediary's hands long before (window 72 h).
      transfer(LAZARUS, W(50), 1000, T(3)),
      transfer(W(50), W(8), 1000, T(8)),
    ]);
    expect(exposure(alerts)).toEqual([]);
  });

  it("finds money that came through others before the wallet became the worker's", async () => {
    const engine = engineWith([lazarus]);
    const sink = new MemoryAlertSink();
    await sink.deliver(
      run(engine, [transfer(LAZARUS, W(20), 1000, T(3)), transfer(W(20), W(5), 900, T(3, 3))]),
    );
    expect(exposure(await sink.list())).toEqual([]);
    const p = profile(T(6));
    const [a] = exposure(run(engine, [p]));
    expect(a).toMatchObject({
      subject: { address: W(5), workerId: 'w-5' },
      lookback: true,
      severity: 'critical',
    });
    expect(a!.eventIds).toContain(p.id);
    expect(await sink.deliver([a!])).toMatchObject({ created: 1 });
    // The profile again, or a first payout by the same worker, adds nothing new.
    expect(exposure(run(engine, [p, payout('w-5', W(5), 100, T(7))]))).toEqual([]);
  });

  it('finds it when the wallet is listed only afterwards (lookback follows its money onwards)', () => {
    const engine = engineWith([]);
    run(engine, [
      profile(),
      transfer(LAZARUS, W(20), 1000, T(3)),
      transfer(W(20), W(21), 1000, T(3, 1)),
      transfer(W(21), W(5), 950, T(3, 4)),
    ]);
    engine.setTags(new TagIndex([lazarus]));
    const [a, ...rest] = exposure(run(engine, []));
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ lookback: true, subject: { address: W(5), workerId: 'w-5' } });
    expect(path(a!)).toEqual([W(20), W(21), W(5)]);
  });

  it("adds nothing when the transfer is delivered again, and does not trace a payout's own leg", async () => {
    const engine = engineWith([lazarus]);
    const sink = new MemoryAlertSink();
    const arrival = transfer(W(20), W(5), 950, T(3, 4));
    await sink.deliver(run(engine, [profile(), transfer(LAZARUS, W(20), 1000, T(3)), arrival]));
    expect(await sink.deliver(run(engine, [arrival]))).toEqual({
      created: 0,
      merged: 0,
      unchanged: 1,
    });
    // The platform's wallet received from Lazarus; the chain leg of a payout it made is the payout.
    const hash = `0x${'c3'.repeat(32)}`;
    const leg = run(engine, [
      transfer(LAZARUS, W(70), 1000, T(4)),
      payout('w-6', W(6), 900, T(4, 2), { txHash: hash }),
      transfer(W(70), W(6), 900, T(4, 2), { txHash: hash }),
    ]);
    expect(exposure(leg)).toEqual([]);
  });

  it('can be switched off (inboundIntermediaries: 0)', () => {
    const config = parseEngineConfig({
      rules: { 'sanctioned-exposure': { inboundIntermediaries: 0 } },
    });
    const alerts = run(engineWith([lazarus], { config }), [
      profile(),
      transfer(LAZARUS, W(20), 1000, T(3)),
      transfer(W(20), W(5), 950, T(3, 4)),
    ]);
    expect(exposure(alerts)).toEqual([]);
  });
});
