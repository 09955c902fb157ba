import { Type } from '@sinclair/typebox';
import type { NormalizedEvent } from '../../normalize/index.ts';
import type { Alert } from '../alert.ts';
import { describeEvent, fact, payoutOf } from '../evidence.ts';
import { feederWorkers } from '../model/forwarding.ts';
import { alertFrom, NO_ALERTS, type RuleDefinition } from '../rule.ts';
import { clampScore, Enabled, Score, Share, severityOf } from '../scoring.ts';
import type { WalletRecord } from '../state/records.ts';

/** Thresholds of `consolidation`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    minShare: Share(
      0.8,
      'share of a payout forwarded to one wallet that makes it a feeder',
      0.7,
      0.95,
    ),
    windowHours: Type.Number({
      minimum: 1,
      maximum: 168,
      default: 24,
      description: 'hours after a payout its forwards count',
    }),
    minFeeders: Type.Integer({
      minimum: 2,
      maximum: 50,
      default: 3,
      description: 'distinct workers feeding one wallet',
    }),
    notCollectors: Type.Array(Type.String(), {
      default: ['exchange'],
      description:
        'list categories whose wallets are never collectors (exchange hot wallets sweep deposits)',
    }),
    score: Score(80, 'score at minFeeders'),
    perExtraFeeder: Score(4, 'added for each further worker'),
    directPayoutScore: Score(85, 'a payout straight to a known collector'),
  },
  { default: {}, additionalProperties: false },
);

type Config = typeof schema.static;

function isCollector(w: WalletRecord): boolean {
  return w.tags.some((t) => t.category === 'collector');
}

function collectorAlert(
  c: Config,
  collector: WalletRecord,
  event: NormalizedEvent,
  score: number,
  title: string,
): Alert {
  const workers = [...new Set(collector.feeders.map((f) => f.workerId))];
  const payout = payoutOf(event);
  return alertFrom(
    {
      rule: 'consolidation',
      severity: severityOf(score),
      score,
      title,
      subject: { kind: 'wallet', chain: collector.chain, address: collector.address },
      subjectKey: collector.key,
      evidence: [
        describeEvent(event),
        ...collector.feeders.map((f) =>
          fact(
            `feeder ${f.workerId}`,
            `${Math.round(f.share * 100)}% of payout ${f.payoutId} from ${f.wallet} (tx ${f.txHash})`,
          ),
        ),
        fact(
          'threshold',
          `${Math.round(c.minShare * 100)}% within ${c.windowHours} h, ${c.minFeeders} workers`,
        ),
      ],
      related: {
        workers: payout ? [...new Set([...workers, payout.workerId])] : workers,
        wallets: [collector.address, ...new Set(collector.feeders.map((f) => f.wallet))],
        payouts: payout ? [payout.payoutId] : collector.feeders.map((f) => f.payoutId),
      },
    },
    event,
  );
}

/**
 * `consolidation`: most of each payout (70-95%, configurable) forwarded within hours to
 * one wallet that several workers' wallets feed. The model tags such a wallet `collector`
 * (unless a list calls it an exchange); from then on a payout straight to it alerts too.
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'consolidation',
  schema,
  create(config) {
    return {
      id: 'consolidation',
      types: ['payout.requested', 'payout.executed', 'transfer.observed'],
      evaluate(event, ctx) {
        const facts = ctx.facts;
        if (!config.enabled) return NO_ALERTS;
        if (facts?.kind === 'transfer' && facts.feeding && isCollector(facts.feeding.collector)) {
          const collector = facts.feeding.collector;
          const n = feederWorkers(collector);
          const score = clampScore(config.score + config.perExtraFeeder * (n - config.minFeeders));
          const title = `${n} workers forward most of their pay to collector ${collector.address}`;
          return [collectorAlert(config, collector, event, score, title)];
        }
        if (facts?.kind === 'payout' && isCollector(facts.wallet)) {
          const title = `Payout straight to collector ${facts.wallet.address}`;
          return [collectorAlert(config, facts.wallet, event, config.directPayoutScore, title)];
        }
        return NO_ALERTS;
      },
    };
  },
};
