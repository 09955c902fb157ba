import type { ContractLimits } from '../../shared/contract/index.ts';
import type { TopicRole } from '../../shared/contract/topics.ts';
import { Engine, type EngineOptions } from '../../shared/engine/engine.ts';
import { ChangelogEngineState, FileRestingStore } from '../../shared/engine/state/index.ts';
import type { TagIndex } from '../../shared/lists/tag-index.ts';
import type { Logger } from '../../shared/log/logger.ts';
import type { AlertSink } from '../../shared/ports/alert-sink/index.ts';
import type { EventLog, EventPublisher } from '../../shared/ports/event-log/index.ts';
import { EngineTask } from './engine-task.ts';
import { Router, type RouterOptions } from './router.ts';
import { RouterThread } from './router-thread.ts';

/** Where the active tag set comes from; `refresh` returns a new index only when the lists changed. */
export interface TagProvider {
  refresh(): Promise<TagIndex | null>;
}

export interface ScreenerOptions {
  readonly log: EventLog;
  readonly sink: AlertSink;
  /** Tags, thresholds and rules of the engine (its state is the screener's own). */
  readonly engine: Omit<EngineOptions, 'state'>;
  /** The screeners' consumer group; the internal topics and the engine group are named after it. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Which input topic carries what: an event on the wrong topic is dead-lettered. */
  readonly roles?: Readonly<Record<string, TopicRole>>;
  readonly dlqTopic: string;
  readonly logger: Logger;
  readonly tags?: TagProvider;
  /** How often to look for a new list version, at most once per round. */
  readonly tagRefreshMs?: number;
  /** How often the engine reads input end offsets (the floor of live latency). */
  readonly pollMs?: number;
  /**
   * A service screens against the lists in Redis: with none active it would find nothing
   * and say nothing, so it says so loudly and reports itself not ready until one is.
   */
  readonly requireLists?: boolean;
  /** Caps on decoded events, parsed at start (default: read from the environment once). */
  readonly limits?: ContractLimits;
  /**
   * Route on this thread even when the log could be opened on another (default: a log that
   * can, Kafka, is routed on a worker thread so routing and the engine use two cores).
   */
  readonly routeInProcess?: boolean;
  /** Directory of the scratch files of the state at rest (the system's temporary directory by default). */
  readonly stateDir?: string;
  /** Gzip the state changelog's pages (fewer bytes on the broker, more CPU here). */
  readonly compressChangelog?: boolean;
}

/** Running totals, for logs and /metrics. */
export interface ScreenerStats {
  batches: number;
  events: number;
  deadLettered: number;
  alertsCreated: number;
  alertsMerged: number;
}

/** Names of the internal topics of a screener group (as Kafka Streams names its own). */
export function internalTopics(groupId: string): { sequenced: string; changelog: string } {
  return { sequenced: `${groupId}-sequenced`, changelog: `${groupId}-state-changelog` };
}

/**
 * The screener service. Every instance routes its share of the input partitions (decode,
 * validate, normalize, dead-letter) into the sequenced topic, on a worker thread when the
 * log is Kafka; the one instance the engine group gives that topic to runs the engine over
 * it in canonical order on its main thread, its state kept in process and written to a
 * compacted changelog; the others are standbys that restore the state from the changelog
 * when they take over.
 */
/**
 * Records the engine keeps as objects between rounds; the rest wait compact in scratch
 * files and are read and decoded when an event touches them again (a few microseconds).
 * Enough for the wallets and workers a busy hour pays, small next to a platform's history.
 */
export const HOT_RECORDS = 50_000;

/**
 * The screener's engine state: records in use as objects, records at rest in scratch files
 * (`FileRestingStore`: only a hashed index in the heap), every change to the changelog.
 */
export function screenerState(stateDir?: string): ChangelogEngineState {
  return new ChangelogEngineState({
    hotRecords: HOT_RECORDS,
    restingStore: () => new FileRestingStore(stateDir ? { dir: stateDir } : {}),
  });
}

export class Screener {
  private router?: Router | RouterThread;
  private dlq?: EventPublisher;
  private task?: EngineTask;
  private lastTagCheck = 0;
  private tagTimer?: NodeJS.Timeout;
  /** The engine: state in process, every change written to the changelog. */
  readonly engine: Engine;
  private readonly state: ChangelogEngineState;

  constructor(private readonly options: ScreenerOptions) {
    this.state = screenerState(options.stateDir);
    this.engine = new Engine({ ...options.engine, state: this.state });
  }

  get stats(): ScreenerStats {
    const t = this.task?.stats;
    const routed = this.router?.stats;
    return {
      batches: routed?.batches ?? 0,
      events: t?.events ?? 0,
      deadLettered: (routed?.deadLettered ?? 0) + (t?.failed ?? 0),
      alertsCreated: t?.alertsCreated ?? 0,
      alertsMerged: t?.alertsMerged ?? 0,
    };
  }

  /** What the engine's state holds (records in use, at rest, file bytes), for metrics. */
  get stateHolding(): { inUse: number; atRest: number; fileBytes: number } {
    return this.state.holding;
  }

  /** The engine side, for health and metrics (restore progress, events held). */
  get engineTask(): EngineTask | undefined {
    return this.task;
  }

  /** False while an outage (broker, Redis) is retried, a takeover restores, or after a fatal error. */
  get ready(): boolean {
    return (
      !this.router?.stats.retrying && !this.fatal && !this.noLists() && (this.task?.ready ?? false)
    );
  }

  /** True when lists are required and none is active. */
  private noLists(): boolean {
    return this.options.requireLists === true && this.engine.tags.versions.length === 0;
  }

  /** The error that stopped a consumer for good, if one did. */
  fatal?: Error;

  private stopForGood(error: Error): void {
    this.fatal = error;
    this.options.logger.error(
      { err: error },
      'screener consumer stopped on an error it will not retry',
    );
  }

  async start(): Promise<void> {
    const { log, groupId, topics, dlqTopic, logger } = this.options;
    await log.ensureTopics([...topics, dlqTopic]);
    await this.refreshTags(true);
    if (this.noLists())
      logger.error(
        'no active list version: nothing to screen against. Load one with `flowsentry lists import --redis FILE`; not ready until then',
      );
    this.dlq = log.publisher();
    const internal = internalTopics(groupId);
    this.task = new EngineTask({
      log,
      engine: this.engine,
      state: this.state,
      sink: this.options.sink,
      groupId: `${groupId}-engine`,
      sequencedTopic: internal.sequenced,
      changelogTopic: internal.changelog,
      inputTopics: topics,
      dlq: this.dlq,
      dlqTopic,
      logger,
      pollMs: this.options.pollMs,
      compressChangelog: this.options.compressChangelog === true,
      beforeRound: () => this.refreshTags(false),
      onFatal: (e) => this.stopForGood(e),
    });
    await this.task.start();
    const routing: RouterOptions = {
      groupId,
      topics,
      sequencedTopic: internal.sequenced,
      dlqTopic,
      ...(this.options.roles ? { roles: this.options.roles } : {}),
      ...(this.options.limits ? { limits: this.options.limits } : {}),
    };
    const address = this.options.routeInProcess ? undefined : log.address?.();
    this.router = address
      ? new RouterThread(address, routing, logger)
      : new Router(log, routing, logger);
    await this.router.start((e) => this.stopForGood(e));
    // Lists also change while no event flows (a standby, a quiet night): look on a timer too.
    this.tagTimer = setInterval(() => {
      this.refreshTags(false).catch((err) => logger.warn({ err }, 'list refresh failed'));
    }, this.options.tagRefreshMs ?? 2_000);
    logger.info({ groupId, topics, ...internal }, 'screener started');
  }

  private async refreshTags(force: boolean): Promise<void> {
    const { tags, tagRefreshMs = 2_000, logger } = this.options;
    const engine = this.engine;
    if (!tags || (!force && Date.now() - this.lastTagCheck < tagRefreshMs)) return;
    this.lastTagCheck = Date.now();
    const next = await tags.refresh();
    if (!next) return;
    engine.setTags(next);
    logger.info(
      { versions: next.versions.map((v) => v.id), addresses: next.size },
      'tag set activated',
    );
  }

  /** Makes the engine state of everything screened so far durable now (see `EngineTask.flush`). */
  async flush(): Promise<void> {
    await this.task?.flush();
  }

  async stop(): Promise<void> {
    clearInterval(this.tagTimer);
    await this.router?.stop();
    await this.task?.stop();
    await this.dlq?.close();
    this.state.close();
  }
}
