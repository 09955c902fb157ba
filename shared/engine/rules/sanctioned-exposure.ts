import { Type } from '@sinclair/typebox';
import type { NormalizedEvent } from '../../normalize/index.ts';
import { type Alert, type HopPathEvidence, SEVERITY_RANK } from '../alert.ts';
import { describeEvent, fact, listEvidence } from '../evidence.ts';
import type { Facts, TransferFacts } from '../model/facts.ts';
import type { EarlierInflow, Trail } from '../model/inbound.ts';
import { sameSlice } from '../model/taint.ts';
import { alertFrom, type Finding, NO_ALERTS, type RuleDefinition } from '../rule.ts';
import { clampScore, Enabled, Score, Share, severityOf } from '../scoring.ts';
import type { Origin, WalletRecord } from '../state/records.ts';
import { gainsOf, type Owner, ownersOf, revealedBy } from './sanctioned-counterparty.ts';

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
    inboundIntermediaries: Type.Integer({
      minimum: 0,
      maximum: 3,
      default: 2,
      description:
        "inbound: wallets between a listed wallet and a worker's wallet that are followed (0: off)",
    }),
    inboundWindowHours: Type.Number({
      minimum: 1,
      maximum: 24 * 30,
      default: 72,
      description:
        'inbound: each hop follows the money into the wallet it leaves within this many hours',
    }),
    inboundMinShare: Share(
      0.1,
      "inbound: share of a transfer into a worker's wallet that must come from the listed wallet",
    ),
    serviceCategories: Type.Array(Type.String(), {
      default: ['exchange'],
      description:
        'inbound: list categories of services (exchange hot wallets) where a trail stops',
    }),
    serviceMaxEvents: Type.Integer({
      minimum: 2,
      maximum: 10_000,
      default: 50,
      description:
        'inbound: a wallet with more events than this within the window is a busy service; a trail stops there',
    }),
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
      types: ['transfer.observed', 'worker.upserted', 'payout.executed'],
      listDriven: true,
      evaluate(event, ctx) {
        const facts = ctx.facts;
        if (!config.enabled) return NO_ALERTS;
        if (facts?.kind === 'worker' || facts?.kind === 'payout')
          return facts.earlier ? earlierInbound(config, facts.earlier, facts, event) : NO_ALERTS;
        if (facts?.kind !== 'transfer') return NO_ALERTS;
        const into =
          facts.trails.length === 0
            ? NO_ALERTS
            : inbound(config, facts, event, ctx.lookback === true);
        if (facts.arrived.length === 0) return into;
        const hits = ctx.tags.lookup(facts.to.key).filter((h) => categories.has(h.entry.category));
        if (hits.length === 0) return into;
        const alerts: Alert[] = [...into];
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

/** Hours from the listed wallet's transfer to the arrival in the worker's wallet. */
function trailHours(t: Trail): number {
  const first = t.hops[0]!.at;
  const last = t.hops[t.hops.length - 1]!.at;
  return Math.max(0, (Date.parse(last) - Date.parse(first)) / 3.6e6);
}

/** Inbound findings of a transfer into a worker's wallet (see `inboundFinding`). */
function inbound(
  c: Config,
  facts: TransferFacts,
  event: NormalizedEvent,
  lookback: boolean,
): readonly Alert[] {
  const owners = ownersOf(facts.to);
  const alerts: Alert[] = [];
  for (const t of facts.trails) {
    if (t.share < c.inboundMinShare) continue;
    alerts.push(alertFrom(inboundFinding(c, facts.to, t, owners, event), event, { lookback }));
  }
  return alerts;
}

/** Inbound findings for transfers into wallets that became a worker's after they arrived. */
function earlierInbound(
  c: Config,
  earlier: readonly EarlierInflow[],
  facts: Facts,
  because: NormalizedEvent,
): readonly Alert[] {
  const gains = gainsOf(because, facts);
  const alerts: Alert[] = [];
  for (const { wallet, event, trails } of earlier) {
    const gain = gains.find((g) => g.wallet.key === wallet.key);
    if (!gain) continue;
    const owners = [gain.owner];
    for (const t of trails) {
      if (t.share < c.inboundMinShare) continue;
      const alert = alertFrom(inboundFinding(c, wallet, t, owners, event), event, {
        lookback: true,
      });
      alerts.push(revealedBy(alert, because));
    }
  }
  return alerts;
}

/**
 * Money from a listed wallet that reached a worker's wallet through one or more other
 * wallets: the share of the arriving transfer that came from it, the path as evidence.
 * Keyed by the worker's wallet and the listed wallet (`<`: money coming in).
 */
function inboundFinding(
  c: Config,
  wallet: WalletRecord,
  t: Trail,
  owners: readonly Owner[],
  event: NormalizedEvent,
): Finding {
  const hours = trailHours(t);
  const middle = t.hops.length - 1;
  const score = exposureScore(c, { payout: t.share, total: t.share, hours }, t.hops.length);
  const workerId = owners[0]?.workerId;
  const via = `${middle} intermediar${middle === 1 ? 'y' : 'ies'}`;
  const hops = t.hops.map((h) => ({
    from: h.from,
    to: h.to,
    txHash: h.txHash,
    amount: h.amount.toFixed(2),
    share: h.share,
  }));
  return {
    rule: 'sanctioned-exposure',
    severity: severityOf(score),
    score,
    title: `${pct(t.share)} of ${t.amount.toFixed(2)} ${t.cls} into ${workerId ? `worker ${workerId}'s wallet` : 'wallet'} ${wallet.address} came from sanctioned wallet ${t.sourceAddress} through ${via} within ${took(hours)}`,
    subject: {
      kind: 'wallet',
      chain: wallet.chain,
      address: wallet.address,
      ...(workerId ? { workerId } : {}),
    },
    subjectKey: `${wallet.key}<${t.source}`,
    evidence: [
      describeEvent(event),
      { kind: 'hop-path', chain: wallet.chain, hops, exposure: t.share, direction: 'inbound' },
      ...t.hits.map(listEvidence),
      ...owners.map((o) => fact(`worker ${o.workerId}`, o.how)),
      fact('direction', 'inbound: from the listed wallet to the worker'),
      fact(
        'exposure',
        `${pct(t.share)} of the ${t.amount.toFixed(2)} ${t.cls} that ${wallet.address} received in this transfer came from ${t.sourceAddress} (in proportion to what each wallet on the way took in within ${c.inboundWindowHours} h), ${took(hours)} after it left the listed wallet`,
      ),
    ],
    related: {
      workers: owners.map((o) => o.workerId),
      wallets: [wallet.address, ...t.hops.slice(0, -1).map((h) => h.to), t.sourceAddress],
      payouts: [],
    },
  };
}

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
