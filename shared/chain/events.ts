import { envelope, eventId, type TransferData } from '../contract/index.ts';
import type { OutgoingRecord } from '../ports/event-log/index.ts';

/** The `source` of every envelope the watcher writes. */
export const WATCHER_SOURCE = 'flowsentry-chain-watcher';

/** The identity of a transfer on its chain: (chain, tx hash, log index); native value has no log. */
export function transferIdentity(t: Pick<TransferData, 'chain' | 'txHash' | 'logIndex'>): string {
  return `${t.chain}:${t.txHash.toLowerCase()}:${t.logIndex ?? 'native'}`;
}

/**
 * The id of a `transfer.observed`: derived from its identity, so a replay (restart, backfill,
 * a re-scan after a reorg that left the transfer in place) carries the same id. A transfer
 * that was retracted and later came back in another block is a new fact: its id adds the
 * block hash, so a consumer that dedupes by id does not drop it.
 */
export function observedId(t: TransferData, wasRetracted: boolean): string {
  const identity = transferIdentity(t);
  return eventId('transfer.observed', wasRetracted ? `${identity}:${t.blockHash}` : identity);
}

/** The id of a `transfer.retracted`: the identity plus the orphaned block's hash. */
export function retractedId(t: TransferData): string {
  return eventId('transfer.retracted', `${transferIdentity(t)}:${t.blockHash}`);
}

/** The partition key of `chain.transfers`: chain + tx hash, so one transaction stays in order. */
export function transferKey(t: Pick<TransferData, 'chain' | 'txHash'>): string {
  return `${t.chain}:${t.txHash.toLowerCase()}`;
}

/** A Kafka record of a `transfer.observed`; it occurred when its block was made. */
export function observedRecord(t: TransferData, wasRetracted: boolean): OutgoingRecord {
  const id = observedId(t, wasRetracted);
  const value = envelope('transfer.observed', t, {
    id,
    occurredAt: t.timestamp,
    source: WATCHER_SOURCE,
  });
  return { key: transferKey(t), value: JSON.stringify(value) };
}

/** A Kafka record of a `transfer.retracted`; it occurred when the reorg was seen. */
export function retractedRecord(t: TransferData, seenAt: string): OutgoingRecord {
  const value = envelope('transfer.retracted', t, {
    id: retractedId(t),
    occurredAt: seenAt,
    source: WATCHER_SOURCE,
  });
  return { key: transferKey(t), value: JSON.stringify(value) };
}
