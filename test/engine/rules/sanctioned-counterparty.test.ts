import { describe, expect, it } from 'vitest';
import { parseEngineConfig } from '../../../shared/engine/index.ts';
import { TagIndex } from '../../../shared/lists/tag-index.ts';
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
