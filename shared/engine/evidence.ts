import type { TagHit } from '../lists/tag-index.ts';
import type { NormalizedEvent } from '../normalize/index.ts';
import type { EventEvidence, FactEvidence, ListEntryEvidence } from './alert.ts';

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
    case 'worker.upserted':
      return { ...base, summary: `profile of worker ${e.data.workerId} (${e.data.legalName})` };
    case 'extortion.reported':
      return {
        ...base,
        summary: `extortion report ${e.data.reportId} naming ${e.data.addresses.length} wallet(s)`,
      };
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

/** A labelled fact for the evidence list. */
export function fact(label: string, value: string | number): FactEvidence {
  return { kind: 'fact', label, value: String(value) };
}

/** The payout id and worker id of a payout event, if it is one. */
export function payoutOf(
  event: NormalizedEvent,
): { payoutId: string; workerId: string } | undefined {
  const e = event.envelope;
  if (e.type !== 'payout.requested' && e.type !== 'payout.executed') return undefined;
  return { payoutId: e.data.payoutId, workerId: e.data.workerId };
}
