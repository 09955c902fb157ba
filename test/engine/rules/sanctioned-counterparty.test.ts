import { describe, expect, it } from 'vitest';
import { parseEngineConfig } from '../../../shared/engine/index.ts';
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

describe('sanctioned-counterparty', () => {
  it('flags an executed payout to a listed wallet as critical, with the list version', () => {
    const [a] = only(
      run(engineWith([lazarus]), [payout('w-1', LAZARUS.toLowerCase(), 500, T(2))]),
      'sanctioned-counterparty',
    );
    expect(a).toMatchObject({
      severity: 'critical',
      score: 100,
      subject: { kind: 'wallet', address: LAZARUS, workerId: 'w-1' },
    });
    expect(a!.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'list-entry',
        name: 'LAZARUS GROUP',
        listVersion: lazarus.version.id,
      }),
    );
  });

  it('flags a requested payout as high: it can still be stopped', () => {
    const [a] = only(
      run(engineWith([lazarus]), [payout('w-1', LAZARUS, 500, T(2), { requested: true })]),
      'sanctioned-counterparty',
    );
    expect(a).toMatchObject({ severity: 'high', score: 85 });
  });

  it('flags transfers in both directions', () => {
    const alerts = only(
      run(engineWith([lazarus]), [
        transfer(W(1), LAZARUS, 10, T(2)),
        transfer(LAZARUS, W(2), 10, T(3)),
      ]),
      'sanctioned-counterparty',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.count).toBe(2);
    expect(alerts[0]!.title).toMatch(/^Transfer to sanctioned wallet/);
  });

  it('names the worker whose wallet a listed wallet sends to: on the profile or paid there', () => {
    const alerts = only(
      run(engineWith([lazarus]), [
        worker('w-5', { payoutWallets: [{ chain: 'ethereum', address: W(5) }] }),
        payout('w-6', W(6), 900, T(2)),
        transfer(LAZARUS, W(5), 4000, T(3)),
        transfer(LAZARUS, W(6), 2500, T(4)),
      ]),
      'sanctioned-counterparty',
    );
    expect(alerts).toHaveLength(1);
    const [a] = alerts;
    expect(a!.related.workers).toEqual(['w-5', 'w-6']);
    expect(a!.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'fact',
        label: 'worker w-5',
        value: expect.stringContaining('profile'),
      }),
    );
    expect(a!.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'fact',
        label: 'worker w-6',
        value: expect.stringContaining('paid to'),
      }),
    );
  });

  it("names no worker for a wallet that only shares a prefix with a worker's wallet", () => {
    const near = `${W(5).slice(0, 40)}ff`;
    const [a] = only(
      run(engineWith([lazarus]), [
        worker('w-5', { payoutWallets: [{ chain: 'ethereum', address: W(5) }] }),
        transfer(LAZARUS, near, 4000, T(3)),
      ]),
      'sanctioned-counterparty',
    );
    expect(a!.related.workers).toEqual([]);
    expect(a!.subject.workerId).toBeUndefined();
  });

  describe("money that arrived before the wallet was the worker's", () => {
    const inflow = () => transfer(LAZARUS, W(5), 4000, T(3));
    const profile = (at = T(5)) =>
      worker('w-5', { payoutWallets: [{ chain: 'ethereum', address: W(5) }] }, at);

    it('names the worker when a later profile lists the wallet, merged into the open alert', async () => {
      const engine = engineWith([lazarus]);
      const sink = new MemoryAlertSink();
      const t = inflow();
      const [first] = only(run(engine, [t]), 'sanctioned-counterparty');
      expect(first!.related.workers).toEqual([]);
      await sink.deliver([first!]);
      const p = profile();
      const [late] = only(run(engine, [p]), 'sanctioned-counterparty');
      expect(late).toMatchObject({
        id: first!.id,
        lookback: true,
        eventIds: [t.id, p.id],
        subject: { address: LAZARUS, workerId: 'w-5' },
        related: { workers: ['w-5'] },
      });
      expect(await sink.deliver([late!])).toEqual({ created: 0, merged: 1, unchanged: 0 });
      const merged = (await sink.get(first!.id))!;
      expect(merged.subject.workerId).toBe('w-5');
      expect(merged.related.workers).toEqual(['w-5']);
      expect(merged.evidence).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'event', eventId: t.id, txHash: t.data.txHash }),
          expect.objectContaining({ kind: 'list-entry', listVersion: lazarus.version.id }),
          expect.objectContaining({
            kind: 'fact',
            label: 'worker w-5',
            value: expect.stringContaining('on their profile'),
          }),
          expect.objectContaining({ kind: 'event', eventId: p.id, type: 'worker.upserted' }),
        ]),
      );
      // The profile delivered again changes nothing.
      expect(only(run(engine, [p]), 'sanctioned-counterparty')).toEqual([]);
    });

    it('names the worker first paid to the wallet later', () => {
      const engine = engineWith([lazarus]);
      run(engine, [inflow()]);
      const po = payout('w-6', W(5), 900, T(6), { payoutId: 'po-9' });
      const [a] = only(run(engine, [po]), 'sanctioned-counterparty');
      expect(a!.related.workers).toEqual(['w-6']);
      expect(a!.evidence).toContainEqual(
        expect.objectContaining({
          kind: 'fact',
          label: 'worker w-6',
          value: expect.stringContaining('payout po-9'),
        }),
      );
      // A second payout there is not news.
      expect(
        only(run(engine, [payout('w-6', W(5), 900, T(7))]), 'sanctioned-counterparty'),
      ).toEqual([]);
    });

    it('in one batch, the open alert names the worker (embedded mode merges by id)', () => {
      const alerts = only(
        run(engineWith([lazarus]), [inflow(), transfer(W(5), W(7), 10, T(4)), profile()]),
        'sanctioned-counterparty',
      );
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        subject: { workerId: 'w-5' },
        related: { workers: ['w-5'] },
        count: 2,
      });
    });

    it("names nobody for a wallet that never becomes a worker's, nor for money outside retention", () => {
      const config = parseEngineConfig({ retentionDays: 30 });
      const engine = engineWith([lazarus], { config });
      const alerts = run(engine, [
        transfer(LAZARUS, W(8), 100, '2026-09-01T00:00:00Z'),
        transfer(LAZARUS, W(9), 100, T(3)),
        worker('w-8', { payoutWallets: [{ chain: 'ethereum', address: W(8) }] }, T(5)),
      ]);
      expect(only(alerts, 'sanctioned-counterparty').flatMap((a) => a.related.workers)).toEqual([]);
    });

    it('adds nothing for a wallet the worker already owned (the live alert named them)', () => {
      const engine = engineWith([lazarus]);
      run(engine, [payout('w-5', W(5), 900, T(2)), inflow()]);
      expect(only(run(engine, [profile()]), 'sanctioned-counterparty')).toEqual([]);
    });
  });

  it('ignores wallets listed under other categories, and stops matching after delisting', () => {
    const exchange = list([entry('BIGEX', { wallets: [W(9)], category: 'exchange' })]);
    const engine = engineWith([exchange, lazarus]);
    expect(only(run(engine, [payout('w-1', W(9), 5, T(2))]), 'sanctioned-counterparty')).toEqual(
      [],
    );
    engine.setTags(new TagIndex([exchange]));
    expect(only(run(engine, [payout('w-1', LAZARUS, 5, T(3))]), 'sanctioned-counterparty')).toEqual(
      [],
    );
  });

  it('can be switched off in the rules file', () => {
    const config = parseEngineConfig({ rules: { 'sanctioned-counterparty': { enabled: false } } });
    expect(run(engineWith([lazarus], { config }), [payout('w-1', LAZARUS, 5, T(2))])).toEqual([]);
  });
});
