import { describe, expect, it } from 'vitest';
import { parseEngineConfig } from '../../../shared/engine/index.ts';
import { ConfigError } from '../../../shared/errors.ts';
import { engineWith, entry, list, only, payout, run, T, transfer, W } from '../events.ts';

/** Worker i is paid 1000 to W(10 + i) and forwards `share` of it to `to` after `hours`. */
const feed = (i: number, to: string, share: number, hours = 3) => [
  payout(`w-${i}`, W(10 + i), 1000, T(2, i)),
  transfer(W(10 + i), to, 1000 * share, T(2, i + hours)),
];

describe('consolidation', () => {
  it('finds the collector once three workers forward most of a payout to it within hours', () => {
    const engine = engineWith();
    expect(
      only(run(engine, [...feed(1, W(99), 0.9), ...feed(2, W(99), 0.85)]), 'consolidation'),
    ).toEqual([]);
    const [a] = only(run(engine, feed(3, W(99), 0.92)), 'consolidation');
    expect(a).toMatchObject({
      subject: { kind: 'wallet', address: '0x0000000000000000000000000000000000000063' },
      severity: 'high',
    });
    expect(a!.related.workers).toEqual(['w-1', 'w-2', 'w-3']);
    expect(
      a!.evidence.filter((e) => e.kind === 'fact' && e.label.startsWith('feeder')),
    ).toHaveLength(3);
  });

  it('tags the collector: a later payout straight to it alerts', () => {
    const engine = engineWith();
    run(engine, [...feed(1, W(99), 0.9), ...feed(2, W(99), 0.9), ...feed(3, W(99), 0.9)]);
    const [a] = only(run(engine, [payout('w-8', W(99), 100, T(5))]), 'consolidation');
    expect(a).toMatchObject({ score: 85, title: expect.stringContaining('straight to collector') });
  });

  it('counts forwards split over several transfers', () => {
    const split = (i: number) => [
      payout(`w-${i}`, W(10 + i), 1000, T(2)),
      transfer(W(10 + i), W(99), 500, T(2, 1)),
      transfer(W(10 + i), W(99), 350, T(2, 2)),
    ];
    expect(only(run(engineWith(), [1, 2, 3].flatMap(split)), 'consolidation')).toHaveLength(1);
  });

  it('ignores 30% forwards, forwards after the window, and exchange hot wallets', () => {
    expect(
      only(
        run(
          engineWith(),
          [1, 2, 3, 4].flatMap((i) => feed(i, W(99), 0.3)),
        ),
        'consolidation',
      ),
    ).toEqual([]);
    expect(
      only(
        run(
          engineWith(),
          [1, 2, 3].flatMap((i) => feed(i, W(99), 0.9, 30)),
        ),
        'consolidation',
      ),
    ).toEqual([]);
    const exchange = list([entry('BIGEX', { wallets: [W(99)], category: 'exchange' })]);
    expect(
      only(
        run(
          engineWith([exchange]),
          [1, 2, 3].flatMap((i) => feed(i, W(99), 1)),
        ),
        'consolidation',
      ),
    ).toEqual([]);
  });

  it('keeps the forwarded share within 70-95% in the rules file', () => {
    expect(() => parseEngineConfig({ rules: { consolidation: { minShare: 0.6 } } })).toThrow(
      ConfigError,
    );
    expect(() => parseEngineConfig({ rules: { consolidation: { minShare: 0.6 } } })).toThrow(
      /rules\.consolidation\.minShare/,
    );
  });
});
