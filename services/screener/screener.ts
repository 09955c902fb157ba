import type { Engine } from '../../shared/engine/engine.ts';
import type { TagIndex } from '../../shared/lists/tag-index.ts';
import type { Logger } from '../../shared/log/logger.ts';
import { type BatchOutcome, screenBatch } from '../../shared/pipeline/index.ts';
import type { AlertSink } from '../../shared/ports/alert-sink/index.ts';
import type {
  EventLog,
  EventPublisher,
  EventSubscription,
} from '../../shared/ports/event-log/index.ts';

/** Where the active tag set comes from; `refresh` returns a new index only when the lists changed. */
export interface TagProvider {
  refresh(): Promise<TagIndex | null>;
}

export interface ScreenerOptions {
  readonly log: EventLog;
  readonly sink: AlertSink;
  readonly engine: Engine;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly dlqTopic: string;
  readonly logger: Logger;
  readonly tags?: TagProvider;
  /** How often to look for a new list version, at most once per batch. */
  readonly tagRefreshMs?: number;
}

/** Running totals, for logs and /metrics. */
export interface ScreenerStats {
  batches: number;
  events: number;
  deadLettered: number;
  alertsCreated: number;
  alertsMerged: number;
}

/** The screener service: one consumer-group member screening payroll, chain and intel topics. */
export class Screener {
  readonly stats: ScreenerStats = {
    batches: 0,
    events: 0,
    deadLettered: 0,
    alertsCreated: 0,
    alertsMerged: 0,
  };
  private subscription?: EventSubscription;
  private dlq?: EventPublisher;
  private lastTagCheck = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: ScreenerOptions) {}

  async start(): Promise<void> {
    const { log, groupId, topics, dlqTopic } = this.options;
    await log.ensureTopics([...topics, dlqTopic]);
    await this.refreshTags(true);
    this.dlq = log.publisher();
    this.subscription = log.subscribe({ groupId, topics, fromBeginning: true });
    await this.subscription.start((batch) => this.handle(batch));
    this.options.logger.info({ groupId, topics }, 'screener started');
  }

  /**
   * Batches of different partitions arrive concurrently; the engine's state is one, so
   * they are screened one at a time while Kafka fetches and commits overlap with it.
   */
  private handle(batch: Parameters<typeof screenBatch>[0]): Promise<void> {
    const run = this.queue.then(() => this.screen(batch));
    this.queue = run.catch(() => {});
    return run;
  }

  private async screen(batch: Parameters<typeof screenBatch>[0]): Promise<void> {
    await this.refreshTags(false);
    const { engine, sink, dlqTopic } = this.options;
    const outcome = await screenBatch(batch, { engine, sink, dlq: this.dlq!, dlqTopic });
    this.count(outcome);
  }

  private count(o: BatchOutcome): void {
    this.stats.batches++;
    this.stats.events += o.events;
    this.stats.deadLettered += o.deadLettered;
    this.stats.alertsCreated += o.alerts.created;
    this.stats.alertsMerged += o.alerts.merged;
    if (o.deadLettered > 0)
      this.options.logger.warn({ deadLettered: o.deadLettered }, 'records dead-lettered');
  }

  private async refreshTags(force: boolean): Promise<void> {
    const { tags, tagRefreshMs = 2_000, engine, logger } = this.options;
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

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.dlq?.close();
  }
}
