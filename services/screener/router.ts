import type { ContractLimits } from '../../shared/contract/index.ts';
import type { TopicRole } from '../../shared/contract/topics.ts';
import { routeRecords } from '../../shared/pipeline/route.ts';
import type {
  EventLog,
  EventPublisher,
  EventSubscription,
  IncomingRecord,
} from '../../shared/ports/event-log/index.ts';
import { retrying } from '../../shared/retry.ts';

/** The two log calls routing makes (a pino logger, or one that forwards from a worker thread). */
export interface RouterLogger {
  warn(fields: object, message: string): void;
}

/** What a router needs; plain data apart from the log and the logger, so a thread can rebuild it. */
export interface RouterOptions {
  /** The screeners' consumer group; the sequenced topic is named after it. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly sequencedTopic: string;
  /** Which input topic carries what: an event on the wrong topic is dead-lettered. */
  readonly roles?: Readonly<Record<string, TopicRole>>;
  readonly dlqTopic: string;
  readonly limits?: ContractLimits;
}

/** Running totals of routing, and whether an outage is being retried. */
export interface RouterStats {
  batches: number;
  events: number;
  deadLettered: number;
  retrying: boolean;
}

/**
 * The routing half of a screener: reads its share of the input partitions (consumer group
 * `groupId`), decodes, checks and normalizes each record, and writes events and marks to
 * the sequenced topic and refusals to the dead-letter topic. Stateless: any number of
 * instances share the input partitions, and it may run on its own thread.
 */
export class Router {
  readonly stats: RouterStats = { batches: 0, events: 0, deadLettered: 0, retrying: false };
  private subscription?: EventSubscription;
  private dlq?: EventPublisher;
  private sequenced?: EventPublisher;
  private readonly abort = new AbortController();

  constructor(
    private readonly log: EventLog,
    private readonly options: RouterOptions,
    private readonly logger: RouterLogger,
    /** Told after every routed batch (a thread reports its totals here). */
    private readonly onBatch: (stats: RouterStats) => void = () => {},
  ) {}

  async start(onFatal: (error: Error) => void): Promise<void> {
    this.dlq = this.log.publisher();
    this.sequenced = this.log.publisher();
    this.subscription = this.log.subscribe({
      groupId: this.options.groupId,
      topics: this.options.topics,
      fromBeginning: true,
      // Partitions are routed independently: their produce round trips overlap.
      concurrency: 4,
      onFatal,
    });
    await this.subscription.start((batch) => this.route(batch));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.subscription?.stop();
    await this.dlq?.close();
    await this.sequenced?.close();
  }

  /** Routes one input batch; an outage is retried here, with backoff, before Kafka redelivers. */
  private async route(batch: readonly IncomingRecord[]): Promise<void> {
    const { roles, limits, dlqTopic, sequencedTopic } = this.options;
    const routed = routeRecords(
      batch,
      (topic) => (roles && Object.hasOwn(roles, topic) ? roles[topic] : undefined),
      limits,
    );
    await this.io(async () => {
      if (routed.dead.length > 0) await this.dlq!.publish(dlqTopic, routed.dead);
      await this.sequenced!.publish(sequencedTopic, routed.sequenced);
    });
    this.stats.batches++;
    this.stats.events += routed.events;
    this.stats.deadLettered += routed.dead.length;
    if (routed.dead.length > 0)
      this.logger.warn({ deadLettered: routed.dead.length }, 'records dead-lettered');
    this.onBatch(this.stats);
  }

  private io<T>(step: () => Promise<T>): Promise<T> {
    return retrying(step, {
      signal: this.abort.signal,
      onRetry: (error, attempt) => {
        this.stats.retrying = true;
        this.onBatch(this.stats);
        this.logger.warn({ err: error, attempt }, 'broker unavailable; retrying');
      },
    }).finally(() => {
      this.stats.retrying = false;
    });
  }
}
