import { Type } from '@sinclair/typebox';
import { type Alert, type HopPathEvidence, SEVERITY_RANK } from '../alert.ts';
import { describeEvent, fact, listEvidence } from '../evidence.ts';
import type { TransferFacts } from '../model/facts.ts';
import { sameSlice } from '../model/taint.ts';
import { alertFrom, NO_ALERTS, type RuleDefinition } from '../rule.ts';
import { clampScore, Enabled, Score, Share, severityOf } from '../scoring.ts';
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
    hopDecay: Share(
      0.95,
      'score factor per hop after the first (within fastHours: only the first intermediary counts)',
    ),
    baseScore: Score(45, 'score of any exposure over the minimum, before share, speed and hops'),
    shareScore: Score(50, 'added in proportion to the share of the payout that arrived'),
    fastHours: Type.Number({
      minimum: 0,
      maximum: 24 * 90,
      default: 24,
      description: 'a payout reaching the listed wallet within this many hours arrived fast',
    }),
    fastScore: Score(10, 'added when the payout arrived fast'),
  },
  { default: {}, additionalProperties: false },
);

type Config = typeof schema.static;

function pathEvidence(o: Origin, exposure: number): HopPathEvidence {
  const hops = o.hops.map((h) => ({ ...h, amount: h.amount.toFixed(2) }));
  return { kind: 'hop-path', chain: o.chain, hops, exposure };
}

/** How much of a worker's pay reached the listed wallet, and how fast. */
export interface Exposure {
  /** Share of the latest payout that arrived (the headline figure). */
  readonly payout: number;
  /** Share of all pay into the payout wallet that ever arrived. */
  readonly total: number;
  /** Hours from the latest payout to this arrival. */
  readonly hours: number;
}

/**
 * Measures a slice at the listed wallet. Records kept before per-payout figures existed
 * fall back to the total.
 */
export function exposureOf(o: Origin, at: string): Exposure {
  const total = Math.min(1, o.inbound / o.paid);
  const per =
    o.lastPayout && o.sinceLast !== undefined ? Math.min(1, o.sinceLast / o.lastPayout) : total;
  const from = o.lastPaidAt ?? o.at;
  return { payout: per, total, hours: Math.max(0, (Date.parse(at) - Date.parse(from)) / 3.6e6) };
}

/**
 * True when this transfer only topped up a payout already over the bar with a remainder
 * that leaves its severity where it was (a collector sweeping what was left): that is not
 * a new finding. A payout swept out in many small parts is: each part that lifts it into a
 * higher band (19% medium, then 38% high, then 86% critical) raises the alert again, so
 * the open alert ends at the band the whole share reached, not at its first part's.
 */
function dribble(c: Config, facts: TransferFacts, o: Origin, e: Exposure): boolean {
  const slice = facts.record.carried.find((x) => sameSlice(x, o));
  const base = o.lastPayout ?? o.paid;
  const arrived = o.sinceLast ?? o.inbound;
  const now = (slice?.inbound ?? 0) / base;
  const before = arrived / base - now;
  if (now >= c.minExposure || before < c.minExposure) return false;
  const hops = o.hops.length;
  const was = severityOf(exposureScore(c, { ...e, payout: before }, hops));
  return SEVERITY_RANK[severityOf(exposureScore(c, e, hops))] <= SEVERITY_RANK[was];
}

/**
 * Score rises with the share of the payout that arrived and with speed, and falls with
 * distance. Distance counts once for pay that arrived within hours: straight to the listed
 * wallet, or through an intermediary; more wallets passed within hours are layering on
 * purpose, not a looser connection, so they lower it no further.
 */
export function exposureScore(c: Config, e: Exposure, hops: number): number {
  const fast = e.hours <= c.fastHours;
  const distance = fast ? Math.min(hops, 2) - 1 : hops - 1;
  return clampScore(
    (c.baseScore + c.shareScore * e.payout + (fast ? c.fastScore : 0)) * c.hopDecay ** distance,
  );
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
          const exposure = exposureOf(o, event.at);
          if (
            o.hops.length === 0 ||
            o.hops.length > config.maxHops ||
            Math.max(exposure.payout, exposure.total) < config.minExposure
          )
            continue;
          if (dribble(config, facts, o, exposure)) continue;
          const score = exposureScore(config, exposure, o.hops.length);
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

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** "3 h", "2 days": how long the money took. */
function took(hours: number): string {
  if (hours < 1) return 'under an hour';
  return hours < 48 ? `${Math.round(hours)} h` : `${Math.round(hours / 24)} days`;
}

function finding(
  facts: TransferFacts,
  o: Origin,
  exposure: Exposure,
  score: number,
  lists: ReturnType<typeof listEvidence>[],
  event: Parameters<typeof describeEvent>[0],
) {
  const latest = o.payoutIds[o.payoutIds.length - 1];
  const sinceLast = o.sinceLast ?? o.inbound;
  const lastPayout = o.lastPayout ?? o.paid;
  return {
    rule: 'sanctioned-exposure' as const,
    severity: severityOf(score),
    score,
    title: `${pct(exposure.payout)} of worker ${o.workerId}'s payout ${latest} reached sanctioned wallet ${facts.to.address} in ${o.hops.length} hop(s) within ${took(exposure.hours)}`,
    subject: { kind: 'wallet' as const, chain: o.chain, address: o.wallet, workerId: o.workerId },
    subjectKey: `${o.walletKey}>${facts.to.key}`,
    evidence: [
      describeEvent(event),
      pathEvidence(o, exposure.payout),
      ...lists,
      fact(
        `worker ${o.workerId}`,
        `paid to ${o.wallet} (latest payouts ${o.payoutIds.join(', ')})`,
      ),
      fact(
        'exposure',
        `${pct(exposure.payout)} of payout ${latest} (${sinceLast.toFixed(2)} of ${lastPayout.toFixed(2)} ${o.cls}) within ${took(exposure.hours)}; ${pct(exposure.total)} of all pay to ${o.wallet} (${o.inbound.toFixed(2)} of ${o.paid.toFixed(2)})`,
      ),
    ],
    related: {
      workers: [o.workerId],
      wallets: [o.wallet, ...o.hops.map((h) => h.to)],
      payouts: [...o.payoutIds],
    },
  };
}
