import { observedRecord, retractedRecord, transferIdentity } from '../../shared/chain/events.ts';
import type { TransferData } from '../../shared/contract/index.ts';
import type { Logger } from '../../shared/log/logger.ts';
import type { EventPublisher, OutgoingRecord } from '../../shared/ports/event-log/index.ts';
import type { Cursor, CursorStore, WindowEntry } from './cursor.ts';
import type { ChainMetrics } from './metrics.ts';
import type { Rewind } from './reorg.ts';
import type { ScanResult } from './scanner.ts';

/** Where a batch of records goes. */
export interface Destination {
  readonly publisher: EventPublisher;
  readonly topic: string;
}

// Kafka refuses requests above about 1 MB; a thousand transfers stay well below that.
const PUBLISH_CHUNK = 1000;
// Retracted identities kept to give a returning transfer a fresh id; old ones rarely return.
const RETRACTED_KEEP = 10_000;

/** Publishes records in order, a chunk at a time (parallel sends could reorder one key). */
export async function publishInOrder(
  to: Destination,
  records: readonly OutgoingRecord[],
): Promise<void> {
  for (let i = 0; i < records.length; i += PUBLISH_CHUNK) {
    await to.publisher.publish(to.topic, records.slice(i, i + PUBLISH_CHUNK));
  }
}

/** Groups transfers by block, keyed number:hash. */
function byBlock(transfers: readonly TransferData[]): Map<string, TransferData[]> {
  const out = new Map<string, TransferData[]>();
  for (const t of transfers) {
    const key = `${t.blockNumber}:${t.blockHash}`;
    const list = out.get(key);
    if (list) list.push(t);
    else out.set(key, [t]);
  }
  return out;
}

/** Everything a live batch commit needs besides the scan. */
export interface CommitContext {
  readonly chain: string;
  readonly destination: Destination;
  readonly cursors: CursorStore;
  readonly retracted: Map<string, number>;
  readonly reorgWindow: number;
  readonly metrics: ChainMetrics;
  readonly logger: Logger;
}

/**
 * Commits one scanned batch: retractions, then observations, into Kafka; then the block
 * memories; then the cursor, last, so a crash at any point replays the batch rather than
 * skipping it. `skip` holds transfers already published before a crash (same ids anyway).
 */
export async function commitBatch(
  ctx: CommitContext,
  base: Cursor,
  scan: ScanResult,
  rewind: Rewind | null,
  skip: ReadonlySet<string> = new Set(),
): Promise<Cursor> {
  const found = scan.transfers.map((t) => t.data);
  const present = new Set(found.map(transferIdentity));
  const retract = (rewind?.orphanedTransfers ?? []).filter(
    (t) => !present.has(transferIdentity(t)),
  );
  const fresh = found.filter((t) => !skip.has(`${t.blockNumber}:${t.blockHash}`));
  const seenAt = new Date().toISOString();
  const records = [
    ...retract.map((t) => retractedRecord(t, seenAt)),
    ...fresh.map((t) => observedRecord(t, ctx.retracted.has(transferIdentity(t)))),
  ];
  await publishInOrder(ctx.destination, records);
  await ctx.cursors.saveBlocks(byBlock(fresh));
  if (retract.length > 0) await rememberRetracted(ctx, retract);
  const { cursor, pruned } = advance(base, scan, found, ctx.reorgWindow);
  await ctx.cursors.save(cursor);
  // Best effort: an orphaned or pruned memory that survives a crash expires by its TTL.
  await ctx.cursors.deleteBlocks([...(rewind?.orphanedBlocks ?? []), ...pruned]).catch(() => {});
  count(ctx, scan, fresh.length, retract.length);
  return cursor;
}

async function rememberRetracted(
  ctx: CommitContext,
  retract: readonly TransferData[],
): Promise<void> {
  for (const t of retract) ctx.retracted.set(transferIdentity(t), t.blockNumber);
  for (const key of ctx.retracted.keys()) {
    if (ctx.retracted.size <= RETRACTED_KEEP) break;
    ctx.retracted.delete(key);
  }
  await ctx.cursors.saveRetracted(ctx.retracted);
  ctx.logger.warn(
    { chain: ctx.chain, retracted: retract.length },
    'transfers left the chain; retractions published',
  );
}

/** The cursor after the batch: its last block, and the window of recent hashes, pruned. */
function advance(
  base: Cursor,
  scan: ScanResult,
  found: readonly TransferData[],
  reorgWindow: number,
): { cursor: Cursor; pruned: WindowEntry[] } {
  const counts = new Map<number, number>();
  for (const t of found) counts.set(t.blockNumber, (counts.get(t.blockNumber) ?? 0) + 1);
  const added = [...scan.hashes].map(([number, hash]) => ({
    number,
    hash,
    transfers: counts.get(number) ?? 0,
  }));
  const all = [...base.window.filter((e) => e.number <= base.number), ...added].sort(
    (a, b) => a.number - b.number,
  );
  const floor = scan.last.number - reorgWindow;
  return {
    cursor: {
      number: scan.last.number,
      hash: scan.last.hash,
      window: all.filter((e) => e.number > floor),
    },
    pruned: all.filter((e) => e.number <= floor),
  };
}

function count(ctx: CommitContext, scan: ScanResult, observed: number, retracted: number): void {
  const c = ctx.metrics.chain(ctx.chain);
  c.cursor = scan.last.number;
  c.retractions += retracted;
  ctx.metrics.progressed(ctx.chain, scan.to - scan.from + 1, observed);
}
