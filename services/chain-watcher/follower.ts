import type { ChainSource } from './chain-source.ts';
import { type CommitContext, commitBatch } from './commit.ts';
import { type Cursor, CursorCorruptError } from './cursor.ts';
import { ChainIdMismatchError, InconsistentReadError } from './errors.ts';
import { backoffMs, sleep } from './pace.ts';
import type { AdaptiveRange } from './range.ts';
import { cursorHolds, planRewind, type Rewind } from './reorg.ts';
import { type BlockScanner, type ScanResult, scanAdaptive } from './scanner.ts';

/** How one chain is followed. */
export interface FollowerOptions extends CommitContext {
  readonly source: ChainSource;
  readonly scanner: BlockScanner;
  readonly range: AdaptiveRange;
  readonly confirmations: number;
  readonly pollMs: number;
  /** Where to begin when no cursor is stored: a block number, or the current safe head. */
  readonly startBlock: number | 'head';
  readonly onFatal?: (error: Error) => void;
}

/** The chain got shorter than the cursor: no block to read, only retractions to publish. */
function nothingRead(base: Cursor): ScanResult {
  const last = { number: base.number, hash: base.hash, parentHash: '', timestamp: 0 };
  return { from: base.number + 1, to: base.number, last, transfers: [], hashes: new Map() };
}

/** Errors that no retry can fix: the loop stops and says so. */
function isFatal(error: unknown): boolean {
  return error instanceof ChainIdMismatchError || error instanceof CursorCorruptError;
}

/**
 * Follows one chain at head minus confirmations: checks the cursor's block hash for a
 * reorg, reads the next range, commits it. Owns its loop (no provider events): polls,
 * wakes early on a WebSocket head, backs off on errors, and finishes its batch on stop.
 */
export class ChainFollower {
  private cursor?: Cursor;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp = new AbortController();
  private unsubscribe?: () => void;
  private replayGuard = true;

  constructor(private readonly o: FollowerOptions) {}

  /** The committed position, once known. */
  get position(): Cursor | undefined {
    return this.cursor;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.o.source.onNewHead(() => this.wake());
    this.loop = this.run();
  }

  /** Ends the wait between polls (a new head was announced). */
  wake(): void {
    this.wakeUp.abort();
  }

  /**
   * Stops after the batch in progress is committed. A batch stuck on a dead node is left
   * after `graceMs`: its cursor is written last, so whatever it did not finish is read again.
   */
  async stop(graceMs = 15_000): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    const finished = new AbortController();
    await Promise.race([
      this.loop?.finally(() => finished.abort()),
      sleep(graceMs, finished.signal),
    ]);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const more = await this.step();
        failures = 0;
        if (!more) await this.pause(this.o.pollMs);
      } catch (error) {
        if (isFatal(error)) return this.fail(error as Error);
        // The batch may have reached Kafka before the failure: check again before republishing.
        this.replayGuard = true;
        failures++;
        const level = error instanceof InconsistentReadError || failures < 3 ? 'info' : 'warn';
        this.o.logger[level](
          { chain: this.o.chain, err: error, failures },
          'chain step failed; retrying',
        );
        await this.pause(backoffMs(failures, 250, 30_000));
      }
    }
  }

  private fail(error: Error): void {
    this.running = false;
    this.o.metrics.chain(this.o.chain).up = 0;
    this.o.logger.fatal({ chain: this.o.chain, err: error }, 'chain follower stopped');
    this.o.onFatal?.(error);
  }

  private async pause(ms: number): Promise<void> {
    if (!this.running) return;
    await sleep(ms, this.wakeUp.signal);
    if (this.wakeUp.signal.aborted) this.wakeUp = new AbortController();
  }

  /** One batch; true when more blocks are already waiting. */
  async step(): Promise<boolean> {
    const { source, confirmations, metrics, chain } = this.o;
    const head = await source.headNumber();
    const counters = metrics.chain(chain);
    counters.head = head;
    counters.up = 1;
    const target = head - confirmations;
    this.cursor ??= await this.initialCursor(target);
    const cursor = this.cursor;
    const rewind = (await cursorHolds(source, cursor)) ? null : await this.rewind(cursor);
    const base = rewind?.cursor ?? cursor;
    if (base.number >= target && !rewind) return false;
    const scan =
      base.number >= target ? nothingRead(base) : await this.scanNext(base, target, rewind);
    const skip = this.replayGuard ? await this.publishedBefore(scan) : new Set<string>();
    this.cursor = await commitBatch(this.o, base, scan, rewind, skip);
    this.replayGuard = false;
    counters.rangeSize = this.o.range.size;
    return this.cursor.number < target;
  }

  private scanNext(base: Cursor, target: number, rewind: Rewind | null): Promise<ScanResult> {
    // After a reorg, re-read at least the orphaned span in one go, so a transaction that
    // merely moved to another block is seen in place and not retracted.
    const orphanTop = Math.max(0, ...(rewind?.orphanedBlocks ?? []).map((e) => e.number));
    const from = base.number + 1;
    return scanAdaptive(this.o.scanner, this.o.range, from, target, orphanTop - from + 1);
  }

  private async rewind(cursor: Cursor): Promise<Rewind> {
    const plan = await planRewind(this.o.source, this.o.cursors, cursor);
    this.o.metrics.chain(this.o.chain).reorgs++;
    const log = {
      chain: this.o.chain,
      from: cursor.number,
      to: plan.cursor.number,
      orphaned: plan.orphanedTransfers.length,
    };
    if (plan.deeperThanWindow) this.o.logger.error(log, 'reorg deeper than the remembered window');
    else this.o.logger.warn(log, 'reorg: rewinding to the common ancestor');
    return plan;
  }

  /** Blocks of the first batch after a start whose transfers reached Kafka before a crash. */
  private async publishedBefore(scan: ScanResult): Promise<Set<string>> {
    const blocks = new Map<string, { number: number; hash: string }>();
    for (const { data } of scan.transfers) {
      blocks.set(`${data.blockNumber}:${data.blockHash}`, {
        number: data.blockNumber,
        hash: data.blockHash,
      });
    }
    const known = await this.o.cursors.knownBlocks([...blocks.values()]);
    return new Set([...blocks.keys()].filter((_, i) => known[i]));
  }

  private async initialCursor(target: number): Promise<Cursor> {
    const stored = await this.o.cursors.load();
    if (stored) return stored;
    const start = this.o.startBlock === 'head' ? target + 1 : this.o.startBlock;
    if (start <= 0) return { number: -1, hash: '', window: [] };
    const [header] = await this.o.source.headers([start - 1]);
    if (!header)
      throw new InconsistentReadError(`${this.o.chain}: start block ${start - 1} not available`);
    const cursor = {
      number: header.number,
      hash: header.hash,
      window: [{ number: header.number, hash: header.hash, transfers: 0 }],
    };
    // Stored at once: a restart before the first batch must not move the start forward.
    await this.o.cursors.save(cursor);
    return cursor;
  }
}
