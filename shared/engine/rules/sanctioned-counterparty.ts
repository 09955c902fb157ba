import { Type } from '@sinclair/typebox';
import type { TagHit } from '../../lists/tag-index.ts';
import { type NormalizedEvent, normalizeEvent, type WalletParty } from '../../normalize/index.ts';
import type { Alert } from '../alert.ts';
import { defaultsOf } from '../config/defaults.ts';
import { describeEvent, fact, listEvidence } from '../evidence.ts';
import type { Facts } from '../model/facts.ts';
import { eventsOf } from '../model/wallets.ts';
import {
  alertFrom,
  type Finding,
  NO_ALERTS,
  type Rule,
  type RuleContext,
  type RuleDefinition,
} from '../rule.ts';
import { Enabled, Score, severityOf } from '../scoring.ts';
import type { WalletRecord } from '../state/records.ts';

export { describeEvent, listEvidence };

/** Thresholds of `sanctioned-counterparty`. */
export const schema = Type.Object(
  {
    enabled: Enabled,
    categories: Type.Array(Type.String(), {
      default: ['sanctions'],
      description: 'list categories that count as sanctioned',
    }),
    executedScore: Score(100, 'a payout that left for a listed wallet'),
    requestedScore: Score(85, 'a payout requested to a listed wallet (it can still be stopped)'),
    transferScore: Score(95, 'an on-chain transfer to or from a listed wallet'),
  },
  { default: {}, additionalProperties: false },
);

const SCREENED = new Set(['payout.requested', 'payout.executed', 'transfer.observed']);

type Config = typeof schema.static;

/** A worker who owns a wallet: it is on their profile, or they were paid to it. */
export interface Owner {
  readonly workerId: string;
  readonly how: string;
}

/**
 * The workers behind the other side of a transfer with a listed wallet: money from Lazarus
 * into a worker's payout wallet is that worker's case, not only the listed wallet's.
 */
export function ownersOf(wallet: WalletRecord | undefined): Owner[] {
  if (!wallet || (wallet.claimedBy.length === 0 && wallet.paid.length === 0)) return NO_OWNERS;
  const out = new Map<string, string>();
  for (const w of wallet.claimedBy) out.set(w, onProfile(wallet.address));
  for (const p of wallet.paid)
    if (!out.has(p.workerId)) out.set(p.workerId, paidThere(wallet.address, p.payoutId, p.at));
  return [...out].map(([workerId, how]) => ({ workerId, how }));
}
const NO_OWNERS: Owner[] = [];

const onProfile = (address: string) => `${address} is a payout wallet on their profile`;
const paidThere = (address: string, payoutId: string, at: string) =>
  `paid to ${address} (payout ${payoutId}, ${at})`;

/** A wallet that an event made a worker's, and how. */
export interface Gain {
  readonly wallet: WalletRecord;
  readonly owner: Owner;
}

/**
 * The wallets this event made a worker's: added to their profile, or paid to for the first
 * time. Their past (money that arrived before they were the worker's) is the worker's case.
 */
export function gainsOf(event: NormalizedEvent, facts: Facts | undefined): Gain[] {
  const e = event.envelope;
  if (facts?.kind === 'worker' && facts.gained && e.type === 'worker.upserted')
    return profileGains(facts.gained, e.data.workerId);
  if (facts?.kind === 'payout' && facts.gained && e.type === 'payout.executed')
    return [
      {
        wallet: facts.wallet,
        owner: {
          workerId: e.data.workerId,
          how: paidThere(facts.wallet.address, e.data.payoutId, event.at),
        },
      },
    ];
  return NO_GAINS;
}
const NO_GAINS: Gain[] = [];

/**
 * The gains of a profile. Apart from `gainsOf` because a closure there over the envelope
 * gave every call a context object: the rule asks for every payout and transfer, and that
 * was 3% of the engine's garbage.
 */
function profileGains(gained: readonly WalletRecord[], workerId: string): Gain[] {
  return gained.map((wallet) => ({ wallet, owner: { workerId, how: onProfile(wallet.address) } }));
}

/**
 * A finding raised for a past event when a later one (`because`) revealed it: it rests on
 * both, so a sink merges it into the alert the past event opened (a new event id) and a
 * redelivery of `because` adds nothing.
 */
export function revealedBy(alert: Alert, because: NormalizedEvent): Alert {
  return {
    ...alert,
    evidence: [...alert.evidence, describeEvent(because)],
    eventIds: [...alert.eventIds, because.envelope.id],
    count: alert.eventIds.length + 1,
    lastSeenAt: because.at > alert.lastSeenAt ? because.at : alert.lastSeenAt,
    lookback: true,
  };
}

/** The retained transfers of a wallet within retention, oldest first, as events. */
export function pastTransfers(wallet: WalletRecord, ctx: RuleContext): NormalizedEvent[] {
  if (wallet.activity.length === 0 || !ctx.pastEvent) return NO_EVENTS;
  const out: NormalizedEvent[] = [];
  for (const id of eventsOf(wallet, ctx.cutoff)) {
    const envelope = ctx.pastEvent(id);
    if (envelope?.type === 'transfer.observed') out.push(normalizeEvent(envelope));
  }
  return out;
}
const NO_EVENTS: NormalizedEvent[] = [];

/** The wallet record on the other side of a transfer from `party`. */
function counterpart(facts: Facts | undefined, party: WalletParty): WalletRecord | undefined {
  if (facts?.kind !== 'transfer') return undefined;
  return party.role === 'to' ? facts.from : facts.to;
}

function finding(
  c: Config,
  event: NormalizedEvent,
  party: WalletParty,
  hits: readonly TagHit[],
  owners: readonly Owner[],
): Finding {
  const e = event.envelope;
  const isPayout = e.type === 'payout.executed' || e.type === 'payout.requested';
  const workerId = isPayout ? e.data.workerId : owners[0]?.workerId;
  const names = [...new Set(hits.map((h) => h.entry.name))].join(', ');
  const direction = party.role === 'to' ? 'to' : 'from';
  const score =
    e.type === 'payout.requested' ? c.requestedScore : isPayout ? c.executedScore : c.transferScore;
  return {
    rule: 'sanctioned-counterparty',
    severity: severityOf(score),
    score,
    title: `${isPayout ? 'Payout' : 'Transfer'} ${direction} sanctioned wallet ${party.address} (${names})`,
    subject: {
      kind: 'wallet',
      chain: party.chain,
      address: party.address,
      ...(workerId ? { workerId } : {}),
    },
    subjectKey: party.key,
    evidence: [
      describeEvent(event),
      ...hits.map(listEvidence),
      ...owners.map((o) => fact(`worker ${o.workerId}`, o.how)),
    ],
    related: {
      workers: isPayout ? [e.data.workerId] : owners.map((o) => o.workerId),
      wallets: event.wallets.map((w) => w.address),
      payouts: isPayout ? [e.data.payoutId] : [],
    },
  };
}

/**
 * `sanctioned-counterparty`: a payout or transfer touches a wallet on a sanctions list,
 * in either direction. Executed payouts score highest: the money has already left. A
 * transfer between a listed wallet and a worker's wallet (on their profile, or paid to)
 * names that worker, so it reaches the worker's case and the worker view.
 */
export const definition: RuleDefinition<typeof schema> = {
  id: 'sanctioned-counterparty',
  schema,
  create(config) {
    const categories = new Set(config.categories);
    const hitsOf = (key: string, tags: RuleContext['tags']) => {
      const all = tags.lookup(key);
      return all.length === 0 ? all : all.filter((h) => categories.has(h.entry.category));
    };
    return {
      id: 'sanctioned-counterparty',
      listDriven: true,
      types: ['payout.requested', 'payout.executed', 'transfer.observed', 'worker.upserted'],
      evaluate(event, ctx) {
        if (!config.enabled) return NO_ALERTS;
        const gains = gainsOf(event, ctx.facts);
        let alerts: Alert[] | undefined =
          gains.length === 0 ? undefined : earlier(config, gains, event, ctx, hitsOf);
        if (!SCREENED.has(event.envelope.type)) return alerts ?? NO_ALERTS;
        for (const party of event.wallets) {
          const hits = hitsOf(party.key, ctx.tags);
          if (hits.length === 0) continue;
          alerts = alerts ?? [];
          alerts.push(
            alertFrom(
              finding(config, event, party, hits, ownersOf(counterpart(ctx.facts, party))),
              event,
              {
                lookback: ctx.lookback === true,
              },
            ),
          );
        }
        return alerts ?? NO_ALERTS;
      },
    };
  },
};

/**
 * Transfers between a listed wallet and wallets this event made a worker's, from before
 * they were (money from Lazarus into a wallet a profile names only later): the worker's
 * case, raised under the alert the transfer opened.
 */
function earlier(
  c: Config,
  gains: readonly Gain[],
  because: NormalizedEvent,
  ctx: RuleContext,
  hitsOf: (key: string, tags: RuleContext['tags']) => readonly TagHit[],
): Alert[] | undefined {
  let alerts: Alert[] | undefined;
  for (const { wallet, owner } of gains) {
    for (const event of pastTransfers(wallet, ctx)) {
      for (const party of event.wallets) {
        if (party.key === wallet.key) continue;
        const hits = hitsOf(party.key, ctx.tags);
        if (hits.length === 0) continue;
        alerts = alerts ?? [];
        const alert = alertFrom(finding(c, event, party, hits, [owner]), event, { lookback: true });
        alerts.push(revealedBy(alert, because));
      }
    }
  }
  return alerts;
}

/** The rule with its default thresholds. */
export const sanctionedCounterparty: Rule = definition.create(defaultsOf(schema));
