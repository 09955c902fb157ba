import { observedRecord, transferIdentity } from '../../shared/chain/events.ts';
import type { Logger } from '../../shared/log/logger.ts';
import { type Destination, publishInOrder } from './commit.ts';
import type { CursorStore } from './cursor.ts';
import { AdaptiveRange, type RangeOptions } from './range.ts';
import { type BlockScanner, type ScanResult, scanAdaptive } from './scanner.ts';

/** A block range to read again (a lookback after a list change), inclusive. */
export interface BackfillRequest {
  readonly from: number;
  readonly to: number;
  /** Names a resumable job: its progress is stored, and a restart continues where it stopped. */
  readonly id?: string;
}

/** What a backfill did. */
export interface BackfillResult {
  readonly from: number;
  readonly to: number;
  readonly blocks: number;
  readonly transfers: number;
  readonly ms: number;
}

/** The parts of a chain a backfill shares with its live loop. */
export interface BackfillContext {
  readonly chain: string;
  readonly scanner: BlockScanner;
  readonly destination: Destination;
  readonly cursors: CursorStore;
  readonly retracted: ReadonlyMap<string, number>;
  readonly range: RangeOptions;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
}

/**
 * Reads a settled block range and publishes its transfers as `transfer.observed`, with the
 * same ids the live loop gives them, so overlaps and repeats dedupe downstream. It has its
 * own range (a refusal here does not slow the live loop) and shares the rate limit.
 */
export async function runBackfill(
  ctx: BackfillContext,
  request: BackfillRequest,
): Promise<BackfillResult> {
  const started = Date.now();
  const range = new AdaptiveRange(ctx.range);
  const stored = request.id ? await ctx.cursors.backfillProgress(request.id) : null;
  const first = stored ?? request.from;
  let next = first;
  let transfers = 0;
  while (next <= request.to && !ctx.signal?.aborted) {
    const scan = await scanAdaptive(ctx.scanner, range, next, request.to);
    transfers += await publishObserved(ctx, scan);
    next = scan.to + 1;
    if (request.id) await ctx.cursors.saveBackfillProgress(request.id, next);
  }
  const result = {
    from: first,
    to: next - 1,
    blocks: next - first,
    transfers,
    ms: Date.now() - started,
  };
  ctx.logger.info({ chain: ctx.chain, ...result }, 'backfill finished');
  return result;
}

/** Publishes a scan's transfers with the ids the live loop gives them; returns how many. */
async function publishObserved(ctx: BackfillContext, scan: ScanResult): Promise<number> {
  const records = scan.transfers.map((t) =>
    observedRecord(t.data, ctx.retracted.has(transferIdentity(t.data))),
  );
  await publishInOrder(ctx.destination, records);
  return records.length;
}
