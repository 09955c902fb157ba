import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Alert } from '../../engine/alert.ts';
import { adds, mergeAlert } from '../../engine/merge-alert.ts';
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
const MAX_MERGE_TRIES = 10;

/**
 * Alerts as jobs of the BullMQ queue `alerts`: job name = rule id, job id = alert id.
 * Adding an existing id is a no-op in BullMQ, so a repeat is then merged into the job's
 * data under WATCH/MULTI: two screeners merging into one alert never lose each other's evidence.
 */
export class BullmqAlertSink implements AlertSink {
  readonly queue: Queue;
  private readonly merger: Redis;
  /** The queue's connection: ours, so BullMQ leaves closing it to us. */
  private readonly connection: Redis;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(options: BullmqAlertSinkOptions) {
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(options.queueName ?? 'alerts', {
      connection: this.connection,
      prefix: options.prefix ?? 'bull',
    });
    // WATCH needs a connection of its own that nothing else uses in between.
    this.merger = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
  }

  async deliver(alerts: readonly Alert[]): Promise<DeliveryResult> {
    const counts = { created: 0, merged: 0, unchanged: 0 };
    for (const alert of alerts) counts[await this.deliverOne(alert)]++;
    return counts;
  }

  /** Set of alert ids resting on an observed transfer; kept beside the queue's own keys. */
  private eventKey(eventId: string): string {
    return this.queue.toKey(`flowsentry-by-event:${eventId}`);
  }

  private async deliverOne(alert: Alert): Promise<keyof DeliveryResult> {
    const key = this.queue.toKey(alert.id);
    const retractable = alert.eventIds.filter(isRetractable);
    if (retractable.length > 0) {
      const pipeline = this.merger.pipeline();
      for (const id of retractable) pipeline.sadd(this.eventKey(id), alert.id);
      await pipeline.exec();
    }
    const fresh = (await this.merger.exists(key)) === 0;
    if (fresh) {
      await this.queue.add(alert.rule, alert, {
        jobId: alert.id,
        priority: SEVERITY_PRIORITY[alert.severity],
        removeOnComplete: false,
        removeOnFail: false,
      });
    }
    const outcome = await this.serialized(() => this.mergeInto(key, alert));
    return fresh && outcome === 'unchanged' ? 'created' : outcome;
  }

  async markRetracted(retractions: readonly Retraction[]): Promise<number> {
    let changed = 0;
    for (const r of retractions) {
      const ids = new Set<string>();
      for (const id of r.observedIds)
        for (const a of await this.merger.smembers(this.eventKey(id))) ids.add(a);
      for (const id of ids) {
        if (
          await this.serialized(() =>
            this.update(this.queue.toKey(id), (a) => applyRetraction(a, r)),
          )
        )
          changed++;
      }
    }
    return changed;
  }

  /** Rewrites a job's alert under WATCH; `change` returns null when nothing changes. */
  private async update(key: string, change: (alert: Alert) => Alert | null): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_MERGE_TRIES; attempt++) {
      await this.merger.watch(key);
      const raw = await this.merger.hget(key, 'data');
      const next = raw === null ? null : change(JSON.parse(raw) as Alert);
      if (next === null) {
        await this.merger.unwatch();
        return false;
      }
      const ok = await this.merger.multi().hset(key, 'data', JSON.stringify(next)).exec();
      if (ok !== null) return true;
    }
    throw new Error(`alert at ${key}: too much contention updating`);
  }

  /** Merges under WATCH; 'unchanged' when the job already holds every event of the alert. */
  private async mergeInto(key: string, alert: Alert): Promise<'merged' | 'unchanged'> {
    for (let attempt = 0; attempt < MAX_MERGE_TRIES; attempt++) {
      await this.merger.watch(key);
      const raw = await this.merger.hget(key, 'data');
      if (raw === null) {
        await this.merger.unwatch();
        throw new Error(`alert job ${alert.id} vanished while merging`);
      }
      const existing = JSON.parse(raw) as Alert;
      if (!adds(existing, alert)) {
        await this.merger.unwatch();
        return 'unchanged';
      }
      const merged = mergeAlert(existing, alert);
      const ok = await this.merger.multi().hset(key, 'data', JSON.stringify(merged)).exec();
      if (ok !== null) return 'merged';
    }
    throw new Error(`alert ${alert.id}: too much contention merging`);
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => {});
    return run;
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
    await this.merger.quit();
    await this.connection.quit();
  }
}
