import { Type } from '@sinclair/typebox';
import type { Alert, HopPathEvidence } from '../alert.ts';
import { describeEvent, fact, listEvidence } from '../evidence.ts';
import type { TransferFacts } from '../model/facts.ts';
import { alertFrom, NO_ALERTS, type RuleDefinition } from '../rule.ts';
import { clampScore, Enabled, Share, severityOf } from '../scoring.ts';
import type { Origin } from '../state/records.ts';

/** Thresholds of `sanctioned-exposure`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    categories: Type.Array(Type.String(), {
      default: ['sanctions'],
      description: 'list categories of the target wallets',
    }),
    maxHops: Type.Integer({
      minimum: 1,
      maximum: 8,
      default: 4,
      description: 'hops from the payout wallet followed',
    }),
    minExposure: Share(0.1, 'share of a payout that must reach the listed wallet'),
    minTrackShare: Share(0.01, 'slices below this share of their payout are dropped on the way'),
    maxOrigins: Type.Integer({
      minimum: 1,
      maximum: 256,
      default: 16,
      description: 'payout slices tracked per wallet',
    }),
    hopDecay: Share(0.85, 'score factor per hop after the first'),
    baseScore: Type.Integer({
      minimum: 0,
      maximum: 100,
      default: 45,
      description: 'score of the smallest exposure at one hop',
    }),
  },
  { default: {}, additionalProperties: false },
);

type Config = typeof schema.static;

function pathEvidence(o: Origin, exposure: number): HopPathEvidence {
  const hops = o.hops.map((h) => ({ ...h, amount: h.amount.toFixed(2) }));
  return { kind: 'hop-path', chain: o.chain, hops, exposure };
}

/**
 * True when this transfer only topped up a payout already over the bar with a small
 * remainder (a collector sweeping what was left): that is not a new finding.
 */
function dribble(facts: TransferFacts, o: Origin, min: number): boolean {
  const slice = facts.record.carried.find((c) => c.key === o.key);
  const now = (slice?.inbound ?? 0) / o.paid;
  return now < min && o.inbound / o.paid - now >= min;
}

/** Score rises with exposure and falls with distance. */
function scoreOf(c: Config, exposure: number, hops: number): number {
  return clampScore((c.baseScore + (100 - c.baseScore) * exposure) * c.hopDecay ** (hops - 1));
}

/**
 * `sanctioned-exposure`: payroll funds reach a listed wallet within a few hops. The model
 * moves each worker's pay along transfers in proportion; when a transfer lands on a
 * listed wallet, each worker whose cumulative share of pay there passes the minimum is a
 * finding about that worker's payout wallet, with the hop path as evidence.
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'sanctioned-exposure',
  schema,
  create(config) {
    const categories = new Set(config.categories);
    return {
      id: 'sanctioned-exposure',
      types: ['transfer.observed'],
      listDriven: true,
      evaluate(event, ctx) {
        const facts = ctx.facts;
        if (!config.enabled || facts?.kind !== 'transfer' || facts.arrived.length === 0)
          return NO_ALERTS;
        const hits = ctx.tags.lookup(facts.to.key).filter((h) => categories.has(h.entry.category));
        if (hits.length === 0) return NO_ALERTS;
        const alerts: Alert[] = [];
        for (const o of facts.arrived) {
          const exposure = Math.min(1, o.inbound / o.paid);
          if (
            o.hops.length === 0 ||
            o.hops.length > config.maxHops ||
            exposure < config.minExposure
          )
            continue;
          if (dribble(facts, o, config.minExposure)) continue;
          const score = scoreOf(config, exposure, o.hops.length);
          alerts.push(
            alertFrom(finding(facts, o, exposure, score, hits.map(listEvidence), event), event, {
              lookback: ctx.lookback === true,
            }),
          );
        }
        return alerts;
      },
    };
  },
};

function finding(
  facts: TransferFacts,
  o: Origin,
  exposure: number,
  score: number,
  lists: ReturnType<typeof listEvidence>[],
  event: Parameters<typeof describeEvent>[0],
) {
  const pct = Math.round(exposure * 100);
  return {
    rule: 'sanctioned-exposure' as const,
    severity: severityOf(score),
    score,
    title: `${pct}% of worker ${o.workerId}'s pay reached sanctioned wallet ${facts.to.address} in ${o.hops.length} hop(s)`,
    subject: { kind: 'wallet' as const, chain: o.chain, address: o.wallet, workerId: o.workerId },
    subjectKey: `${o.walletKey}>${facts.to.key}`,
    evidence: [
      describeEvent(event),
      pathEvidence(o, exposure),
      ...lists,
      fact(
        'pay',
        `${o.paid.toFixed(2)} ${o.cls} paid to ${o.wallet} (latest payouts ${o.payoutIds.join(', ')})`,
      ),
      fact('exposure', `${pct}% (${o.inbound.toFixed(2)} of ${o.paid.toFixed(2)})`),
    ],
    related: {
      workers: [o.workerId],
      wallets: [o.wallet, ...o.hops.map((h) => h.to)],
      payouts: [...o.payoutIds],
    },
  };
}
