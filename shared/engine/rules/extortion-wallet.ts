import { Type } from '@sinclair/typebox';
import { type NormalizedEvent, normalizeEvent } from '../../normalize/index.ts';
import type { Alert, Evidence } from '../alert.ts';
import { describeEvent, fact, listEvidence, payoutOf } from '../evidence.ts';
import type { Facts } from '../model/facts.ts';
import { eventsOf } from '../model/wallets.ts';
import { alertFrom, NO_ALERTS, type RuleContext, type RuleDefinition } from '../rule.ts';
import { Enabled, Score, severityOf } from '../scoring.ts';
import type { WalletRecord } from '../state/records.ts';
import { type Owner, ownersOf } from './sanctioned-counterparty.ts';

/** Thresholds of `extortion-wallet`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    categories: Type.Array(Type.String(), {
      default: ['extortion', 'ransomware'],
      description: 'list categories that count as extortion wallets (besides extortion reports)',
    }),
    payoutScore: Score(95, 'a payout to a wallet an extortion report named'),
    transferScore: Score(85, 'a transfer to or from such a wallet'),
    profileScore: Score(90, "such a wallet among a worker's payout wallets on file"),
  },
  { default: {}, additionalProperties: false },
);

type Config = typeof schema.static;
const NONE: Evidence[] = [];

const quiet = (w: WalletRecord, ctx: RuleContext) =>
  w.tags.length === 0 && ctx.tags.lookup(w.key).length === 0;

/** Wallet records of the event that carry any tag (most carry none: no list is built then). */
function walletsOf(facts: Facts | undefined, ctx: RuleContext): readonly WalletRecord[] {
  if (facts?.kind === 'payout') return quiet(facts.wallet, ctx) ? NONE_WALLETS : [facts.wallet];
  if (facts?.kind !== 'transfer') return NONE_WALLETS;
  const { from, to } = facts;
  if (quiet(from, ctx) && quiet(to, ctx)) return NONE_WALLETS;
  return from.key === to.key ? [from] : [from, to];
}
const NONE_WALLETS: readonly WalletRecord[] = [];

/** Why a wallet counts: the reports that named it and the list entries that did. */
function reasons(
  wallet: WalletRecord,
  ctx: RuleContext,
  categories: ReadonlySet<string>,
): Evidence[] {
  const listed = ctx.tags.lookup(wallet.key);
  if (wallet.tags.length === 0 && listed.length === 0) return NONE;
  const out: Evidence[] = wallet.tags
    .filter((t) => t.category === 'extortion')
    .map((t) => fact('extortion report', `${t.id} (event ${t.eventId}, ${t.at})`));
  for (const hit of listed) if (categories.has(hit.entry.category)) out.push(listEvidence(hit));
  return out;
}

/**
 * The workers behind the other side of a live transfer with an extortion wallet: money
 * from it into a worker's wallet, or a worker's pay sent to it, is that worker's case.
 */
function ownersAcross(facts: Facts | undefined, wallet: WalletRecord): Owner[] {
  if (facts?.kind !== 'transfer' || facts.from.key === facts.to.key) return [];
  return ownersOf(facts.from.key === wallet.key ? facts.to : facts.from);
}

function alertFor(
  c: Config,
  wallet: WalletRecord,
  why: Evidence[],
  event: NormalizedEvent,
  lookback: boolean,
  owners: readonly Owner[] = [],
): Alert {
  const payout = payoutOf(event);
  const workerId = payout?.workerId ?? owners[0]?.workerId;
  const score = payout ? c.payoutScore : c.transferScore;
  const what = payout ? `Payout to` : 'Transfer touching';
  return alertFrom(
    {
      rule: 'extortion-wallet',
      severity: severityOf(score),
      score,
      title: `${what} extortion wallet ${wallet.address}`,
      subject: {
        kind: 'wallet',
        chain: wallet.chain,
        address: wallet.address,
        ...(workerId ? { workerId } : {}),
      },
      subjectKey: wallet.key,
      evidence: [
        describeEvent(event),
        ...why,
        ...owners.map((o) => fact(`worker ${o.workerId}`, o.how)),
      ],
      related: {
        workers: payout ? [payout.workerId] : owners.map((o) => o.workerId),
        wallets: event.wallets.map((w) => w.address),
        payouts: payout ? [payout.payoutId] : [],
      },
    },
    event,
    { lookback },
  );
}

/**
 * `extortion-wallet`: a payout or transfer touches a wallet an extortion report named (or
 * a list files under extortion or ransomware), or a worker lists such a wallet among the
 * payout wallets on their profile, whether the profile or the report comes first. When a
 * report arrives, the retained past payouts and transfers of its wallets are screened at
 * once (alerts marked lookback).
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'extortion-wallet',
  schema,
  create(config) {
    const categories = new Set(config.categories);
    return {
      id: 'extortion-wallet',
      types: [
        'payout.requested',
        'payout.executed',
        'transfer.observed',
        'extortion.reported',
        'worker.upserted',
      ],
      listDriven: true,
      evaluate(event, ctx) {
        if (!config.enabled) return NO_ALERTS;
        if (ctx.facts?.kind === 'report')
          return [
            ...pastActivity(config, ctx.facts.wallets, ctx, categories),
            ...claimants(config, ctx.facts.wallets, ctx, categories, event),
          ];
        if (ctx.facts?.kind === 'worker') return onProfile(config, ctx, categories, event);
        const wallets = walletsOf(ctx.facts, ctx);
        if (wallets.length === 0) return NO_ALERTS;
        const alerts: Alert[] = [];
        for (const wallet of wallets) {
          const why = reasons(wallet, ctx, categories);
          if (why.length > 0)
            alerts.push(
              alertFor(
                config,
                wallet,
                why,
                event,
                ctx.lookback === true,
                ownersAcross(ctx.facts, wallet),
              ),
            );
        }
        return alerts;
      },
    };
  },
};

function pastActivity(
  c: Config,
  wallets: readonly WalletRecord[],
  ctx: RuleContext,
  categories: ReadonlySet<string>,
): Alert[] {
  const alerts: Alert[] = [];
  for (const wallet of wallets) {
    const why = reasons(wallet, ctx, categories);
    for (const id of eventsOf(wallet, ctx.cutoff)) {
      const envelope = ctx.pastEvent?.(id);
      if (envelope) alerts.push(alertFor(c, wallet, why, normalizeEvent(envelope), true));
    }
  }
  return alerts;
}

/** An extortion wallet that a worker lists as a payout wallet: the worker's case. */
function profileAlert(
  c: Config,
  wallet: WalletRecord,
  workerId: string,
  why: Evidence[],
  event: NormalizedEvent,
): Alert {
  return alertFrom(
    {
      rule: 'extortion-wallet',
      severity: severityOf(c.profileScore),
      score: c.profileScore,
      title: `Worker ${workerId} lists extortion wallet ${wallet.address} as a payout wallet`,
      subject: { kind: 'wallet', chain: wallet.chain, address: wallet.address, workerId },
      subjectKey: `${wallet.key}>${workerId}`,
      evidence: [
        describeEvent(event),
        fact(`worker ${workerId}`, `${wallet.address} is a payout wallet on their profile`),
        ...why,
      ],
      related: { workers: [workerId], wallets: [wallet.address], payouts: [] },
    },
    event,
  );
}

/** A report naming wallets that workers already list on their profiles. */
function claimants(
  c: Config,
  wallets: readonly WalletRecord[],
  ctx: RuleContext,
  categories: ReadonlySet<string>,
  event: NormalizedEvent,
): Alert[] {
  const alerts: Alert[] = [];
  for (const wallet of wallets) {
    if (wallet.claimedBy.length === 0) continue;
    const why = reasons(wallet, ctx, categories);
    for (const workerId of wallet.claimedBy)
      alerts.push(profileAlert(c, wallet, workerId, why, event));
  }
  return alerts;
}

/** A profile listing a wallet that a report (or an extortion list) named before. */
function onProfile(
  c: Config,
  ctx: RuleContext,
  categories: ReadonlySet<string>,
  event: NormalizedEvent,
): readonly Alert[] {
  const facts = ctx.facts;
  if (facts?.kind !== 'worker' || facts.stale || !facts.claimed) return NO_ALERTS;
  const alerts: Alert[] = [];
  for (const wallet of facts.claimed) {
    if (quiet(wallet, ctx)) continue;
    const why = reasons(wallet, ctx, categories);
    if (why.length > 0) alerts.push(profileAlert(c, wallet, facts.record.workerId, why, event));
  }
  return alerts;
}
