import type { TagHit } from '../../lists/tag-index.ts';
import type { NormalizedEvent, WalletParty } from '../../normalize/index.ts';
import type { EventEvidence, ListEntryEvidence } from '../alert.ts';
import { alertFrom, type Rule } from '../rule.ts';

/** Describes the triggering event in one line a reviewer can read. */
export function describeEvent(event: NormalizedEvent): EventEvidence {
  const e = event.envelope;
  const base = { kind: 'event' as const, eventId: e.id, type: e.type, occurredAt: event.at };
  switch (e.type) {
    case 'payout.requested':
    case 'payout.executed':
      return {
        ...base,
        summary: `${e.type === 'payout.executed' ? 'paid' : 'requested'} ${e.data.amount} ${e.data.asset} on ${e.data.chain} to ${e.data.toAddress} for worker ${e.data.workerId}`,
        payoutId: e.data.payoutId,
        ...(e.data.txHash ? { txHash: e.data.txHash } : {}),
      };
    case 'transfer.observed':
    case 'transfer.retracted':
      return {
        ...base,
        summary: `${e.data.amount} ${e.data.asset.symbol} on ${e.data.chain} from ${e.data.from} to ${e.data.to}`,
        txHash: e.data.txHash,
      };
    default:
      return { ...base, summary: e.type };
  }
}

/** Evidence for one list entry that matched. */
export function listEvidence(hit: TagHit): ListEntryEvidence {
  return {
    kind: 'list-entry',
    source: hit.entry.source,
    listVersion: hit.version.id,
    entryId: hit.entry.entryId,
    name: hit.entry.name,
    programs: hit.entry.programs,
    category: hit.entry.category,
    address: hit.address,
    ...(hit.currency ? { currency: hit.currency } : {}),
  };
}

const SCREENED = new Set(['payout.requested', 'payout.executed', 'transfer.observed']);

function sanctionsHits(party: WalletParty, lookup: (key: string) => readonly TagHit[]): TagHit[] {
  return lookup(party.key).filter((h) => h.entry.category === 'sanctions');
}

/**
 * `sanctioned-counterparty`: a payout or transfer touches a wallet on a sanctions list,
 * in either direction. Executed payouts are critical: the money has already left.
 */
export const sanctionedCounterparty: Rule = {
  id: 'sanctioned-counterparty',
  evaluate(event, ctx) {
    const e = event.envelope;
    if (!SCREENED.has(e.type)) return [];
    const alerts = [];
    for (const party of event.wallets) {
      const hits = sanctionsHits(party, (k) => ctx.tags.lookup(k));
      if (hits.length === 0) continue;
      const isPayout = e.type === 'payout.executed' || e.type === 'payout.requested';
      const workerId = isPayout ? e.data.workerId : undefined;
      const names = [...new Set(hits.map((h) => h.entry.name))].join(', ');
      const what = isPayout ? 'Payout' : 'Transfer';
      const direction = party.role === 'to' ? 'to' : 'from';
      alerts.push(
        alertFrom(
          {
            rule: 'sanctioned-counterparty',
            severity: e.type === 'payout.requested' ? 'high' : 'critical',
            score: e.type === 'payout.requested' ? 90 : 100,
            title: `${what} ${direction} sanctioned wallet ${party.address} (${names})`,
            subject: {
              kind: 'wallet',
              chain: party.chain,
              address: party.address,
              ...(workerId ? { workerId } : {}),
            },
            subjectKey: party.key,
            evidence: [describeEvent(event), ...hits.map(listEvidence)],
            related: {
              workers: workerId ? [workerId] : [],
              wallets: event.wallets.map((w) => w.address),
              payouts: isPayout ? [e.data.payoutId] : [],
            },
          },
          event,
        ),
      );
    }
    return alerts;
  },
};
