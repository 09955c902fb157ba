import type { Logger } from '../../shared/log/logger.ts';
import type { EventPublisher } from '../../shared/ports/event-log/index.ts';
import type { StateStore } from '../../shared/ports/state-store/index.ts';
import { type BackfillRequest, type BackfillResult, runBackfill } from './backfill.ts';
import type { ChainSource } from './chain-source.ts';
import type { CommitContext } from './commit.ts';
import { type Cursor, CursorStore } from './cursor.ts';
import { ChainNotFollowedError } from './errors.ts';
import { ChainFollower } from './follower.ts';
import type { ChainMetrics } from './metrics.ts';
import { AdaptiveRange, type RangeOptions } from './range.ts';
import { BlockScanner } from './scanner.ts';
import { TokenRegistry } from './token-registry.ts';

/** One chain to follow. */
export interface ChainPlan {
  readonly source: ChainSource;
  /** Token contracts (lowercase); undefined follows every Transfer log. */
  readonly contracts?: readonly string[];
  readonly native: boolean;
  readonly confirmations: number;
  readonly startBlock: number | 'head';
}

/** Settings shared by every chain of one watcher process. */
export interface WatcherOptions {
  readonly chains: readonly ChainPlan[];
  readonly publisher: EventPublisher;
  readonly store: StateStore;
  readonly topic: string;
  readonly pollMs: number;
  readonly reorgWindow: number;
  readonly range: RangeOptions;
  /** Cap on blocks per batch when native transfers are read (each block is a full fetch). */
  readonly nativeMaxRange?: number;
  readonly metrics: ChainMetrics;
  readonly logger: Logger;
  /** Prefix of every state key (tests isolate runs with it). */
  readonly namespace?: string;
  readonly onFatal?: (chain: string, error: Error) => void;
}

interface Lane {
  readonly follower: ChainFollower;
  readonly context: CommitContext & {
    readonly scanner: BlockScanner;
    readonly range: RangeOptions;
  };
}

/** Follows several chains in one process, each with its own loop, cursor and limits. */
export class ChainWatcher {
  private readonly lanes = new Map<string, Lane>();
  private readonly backfills = new AbortController();

  constructor(private readonly options: WatcherOptions) {}

  async start(): Promise<void> {
    for (const plan of this.options.chains) {
      const lane = await this.lane(plan);
      this.lanes.set(plan.source.chain, lane);
      lane.follower.start();
      this.options.logger.info(
        {
          chain: plan.source.chain,
          confirmations: plan.confirmations,
          native: plan.native,
          tokens: plan.contracts?.length ?? 'all',
        },
        'following chain',
      );
    }
  }

  /** What the live loop and the backfills of one chain share. */
  private async context(plan: ChainPlan): Promise<Lane['context']> {
    const o = this.options;
    const chain = plan.source.chain;
    const cursors = new CursorStore(o.store, chain, o.namespace);
    const tokens = new TokenRegistry(plan.source, o.store, cursors.prefix, o.logger);
    const contracts = plan.contracts ? { contracts: plan.contracts } : {};
    const scanner = new BlockScanner({
      source: plan.source,
      tokens,
      native: plan.native,
      ...contracts,
    });
    const max = plan.native ? Math.min(o.range.max, o.nativeMaxRange ?? 100) : o.range.max;
    return {
      chain,
      destination: { publisher: o.publisher, topic: o.topic },
      cursors,
      retracted: await cursors.loadRetracted(),
      reorgWindow: o.reorgWindow,
      metrics: o.metrics,
      logger: o.logger,
      scanner,
      range: { ...o.range, max, initial: Math.min(o.range.initial, max) },
    };
  }

  private async lane(plan: ChainPlan): Promise<Lane> {
    const context = await this.context(plan);
    const follower = new ChainFollower({
      ...context,
      source: plan.source,
      range: new AdaptiveRange(context.range),
      confirmations: plan.confirmations,
      pollMs: this.options.pollMs,
      startBlock: plan.startBlock,
      onFatal: (error) => this.options.onFatal?.(context.chain, error),
    });
    return { follower, context };
  }

  /** The committed position of a chain. */
  position(chain: string): Cursor | undefined {
    return this.lanes.get(chain)?.follower.position;
  }

  /**
   * Re-reads a block range of one chain while the live loop goes on. The range ends at the
   * live cursor at most: blocks above it are the live loop's, with its reorg handling.
   */
  async backfill(chain: string, request: BackfillRequest): Promise<BackfillResult> {
    const lane = this.lanes.get(chain);
    if (!lane) throw new ChainNotFollowedError(chain);
    const live = lane.follower.position?.number ?? -1;
    const to = Math.min(request.to, live);
    return runBackfill({ ...lane.context, signal: this.backfills.signal }, { ...request, to });
  }

  /** Stops every chain after its batch in progress; running backfills end after theirs. */
  async stop(): Promise<void> {
    this.backfills.abort();
    await Promise.all([...this.lanes.values()].map((l) => l.follower.stop()));
  }
}
