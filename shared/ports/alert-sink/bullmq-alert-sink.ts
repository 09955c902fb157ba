import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Alert } from '../../engine/alert.ts';
import { adds, mergeAlert } from '../../engine/merge-alert.ts';
import { AlertLocks } from './alert-lock.ts';
import {
  type AlertSink,
  applyRetraction,
  byLastSeen,
  type DeliveryResult,
  isRetractable,
  type Retraction,
  SEVERITY_PRIORITY,
} from './alert-sink.ts';

export interface BullmqAlertSinkOptions {
  readonly redisUrl: string;
  /** Queue name; the contract says `alerts`. */
  readonly queueName?: string;
  /** BullMQ key prefix (default `bull`). */
  readonly prefix?: string;
  /** Prefix of our own keys beside the queue: locks, event index (default `flowsentry`). */
  readonly keyPrefix?: string;
}

const ALL_STATES = [
  'waiting',
  'prioritized',
  'active',
  'delayed',
  'completed',
  'failed',
  'paused',
] as const;

/** Alerts delivered at once by one `deliver` call. */
const DELIVERY_CONCURRENCY = 32;

/**
 * Alerts as jobs of the BullMQ queue `alerts`: job name = rule id, job id = alert id.
 * Only BullMQ's public API touches its keys (add, getJob, updateData): a repeat is merged
 * into the job's data under a lock of our own, so two screeners merging into one alert
 * never lose each other's evidence, and a BullMQ release that changes its key layout
 * changes nothing here.
 */
export class BullmqAlertSink implements AlertSink {
  readonly queue: Queue;
  private readonly redis: Redis;
  /** The queue's connection: ours, so BullMQ leaves closing it to us. */
  private readonly connection: Redis;
  private readonly locks: AlertLocks;
  /** Our keys: `<keyPrefix>:{<queue>}:...`, one hash slot per queue. */
  private readonly base: string;
  /** The change in flight per alert id: one at a time per alert, different alerts at once. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(options: BullmqAlertSinkOptions) {
    const queueName = options.queueName ?? 'alerts';
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(queueName, {
      connection: this.connection,
      prefix: options.prefix ?? 'bull',
    });
    this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
    this.locks = new AlertLocks(this.redis);
    this.base = `${options.keyPrefix ?? 'flowsentry'}:{${queueName}}`;
  }

  /**
   * Delivers a batch with its alerts' round trips overlapping: a merge takes five of them
   * (lock, read, write, unlock, event index), and one after another they were most of an
   * alert's latency. Repeats of one alert still apply in the batch's order; a catch-up
   * batch of thousands keeps at most `DELIVERY_CONCURRENCY` alerts under way, so no lock
   * is held while its commands queue behind the whole batch's.
   */
  async deliver(alerts: readonly Alert[]): Promise<DeliveryResult> {
    const counts = { created: 0, merged: 0, unchanged: 0 };
    let next = 0;
    const lane = async () => {
      while (next < alerts.length) counts[await this.deliverOne(alerts[next++]!)]++;
    };
    const lanes = Math.min(DELIVERY_CONCURRENCY, alerts.length);
    await Promise.all(Array.from({ length: lanes }, lane));
    return counts;
  }

  /** Set of alert ids resting on an observed transfer. */
  private eventKey(eventId: string): string {
    return `${this.base}:alerts-by-event:${eventId}`;
  }

  private lockKey(alertId: string): string {
    return `${this.base}:alert-lock:${alertId}`;
  }

  /** Joins the alert's queue at once (no await before it), so repeats keep their order. */
  private deliverOne(alert: Alert): Promise<keyof DeliveryResult> {
    return this.serialized(alert.id, async () => {
      const retractable = alert.eventIds.filter(isRetractable);
      if (retractable.length > 0) {
        const pipeline = this.redis.pipeline();
        for (const id of retractable) pipeline.sadd(this.eventKey(id), alert.id);
        await pipeline.exec();
      }
      return this.locked(alert.id, () => this.addOrMerge(alert));
    });
  }

  /** Under the alert's lock: a new job, or the repeat merged into the job's data. */
  private async addOrMerge(alert: Alert): Promise<keyof DeliveryResult> {
    const job = await this.queue.getJob(alert.id);
    if (!job) {
      await this.queue.add(alert.rule, alert, {
        jobId: alert.id,
        priority: SEVERITY_PRIORITY[alert.severity],
        removeOnComplete: false,
        removeOnFail: false,
      });
      return 'created';
    }
    const existing = job.data as Alert;
    if (!adds(existing, alert)) return 'unchanged';
    await job.updateData(mergeAlert(existing, alert));
    return 'merged';
  }

  async markRetracted(retractions: readonly Retraction[]): Promise<number> {
    let changed = 0;
    for (const r of retractions) {
      const ids = new Set<string>();
      for (const id of r.observedIds)
        for (const a of await this.redis.smembers(this.eventKey(id))) ids.add(a);
      for (const id of ids) {
        const change = (a: Alert) => applyRetraction(a, r);
        if (await this.serialized(id, () => this.locked(id, () => this.update(id, change))))
          changed++;
      }
    }
    return changed;
  }

  /** Rewrites a job's alert; `change` returns null when nothing changes. */
  private async update(id: string, change: (alert: Alert) => Alert | null): Promise<boolean> {
    const job = await this.queue.getJob(id);
    const next = job ? change(job.data as Alert) : null;
    if (!job || next === null) return false;
    await job.updateData(next);
    return true;
  }

  private locked<T>(alertId: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.withLock(this.lockKey(alertId), fn);
  }

  /**
   * One change at a time per alert from this process: its own changes to an alert never
   * wait on each other's lock (the lock is for other screeners).
   */
  private serialized<T>(alertId: string, fn: () => Promise<T>): Promise<T> {
    const before = this.inFlight.get(alertId) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const settled = run.catch(() => {});
    this.inFlight.set(alertId, settled);
    // The last change of an alert forgets it; an earlier one leaves the later one's entry.
    void settled.then(() => {
      if (this.inFlight.get(alertId) === settled) this.inFlight.delete(alertId);
    });
    return run;
  }

  /** Job counts of the queue by state, for /metrics. */
  counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts(...ALL_STATES);
  }

  async get(id: string): Promise<Alert | null> {
    const job = await Job.fromId<Alert>(this.queue, id);
    return job ? job.data : null;
  }

  async list(): Promise<Alert[]> {
    const jobs = await this.queue.getJobs([...ALL_STATES]);
    return jobs
      .filter((j): j is Job<Alert> => Boolean(j))
      .map((j) => j.data)
      .sort(byLastSeen);
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.redis.quit();
    await this.connection.quit();
  }
}
