import { randomUUID } from 'node:crypto';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Alert } from '../../../shared/engine/alert.ts';
import type { Logger } from '../../../shared/log/logger.ts';
import type {
  DeliveryAttempt,
  DeliveryLog,
} from '../../../shared/ports/review-store/delivery-log.ts';
import { SIGNATURE_HEADER, signBody } from './signature.ts';

/** Settings of the critical-alert webhook. */
export interface WebhookOptions {
  readonly url: string;
  /** HMAC key; never logged, never stored in Redis. */
  readonly secret: string;
  readonly redisUrl: string;
  /** BullMQ queue holding pending deliveries, e.g. `alerts-webhooks`. */
  readonly queueName: string;
  readonly log: DeliveryLog;
  readonly logger?: Logger;
  /** Tries per delivery, the first included (default 8). */
  readonly attempts?: number;
  /** First retry delay; each next one doubles (default 2,000 ms). */
  readonly backoffMs?: number;
  /** Time one attempt may take (default 5,000 ms). */
  readonly timeoutMs?: number;
}

interface DeliveryJob {
  readonly deliveryId: string;
  readonly alertId: string;
  /** The exact bytes signed: kept so every retry sends, and signs, the same body. */
  readonly body: string;
}

/**
 * Delivers critical alerts to one HTTP endpoint, signed. Pending deliveries are BullMQ jobs:
 * the job id is the alert id, so every API instance may notify and the receiver still gets
 * one delivery per alert; retries with exponential backoff survive a restart.
 */
export class WebhookDispatcher {
  private readonly queue: Queue<DeliveryJob>;
  private readonly worker: Worker<DeliveryJob>;
  private readonly connections: Redis[];

  constructor(private readonly options: WebhookOptions) {
    const producer = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    const consumer = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.connections = [producer, consumer];
    this.queue = new Queue<DeliveryJob>(options.queueName, { connection: producer });
    this.worker = new Worker<DeliveryJob>(options.queueName, (job) => this.deliver(job), {
      connection: consumer,
      concurrency: 4,
    });
    this.worker.on('error', (err) =>
      options.logger?.error({ err: err.message }, 'webhook worker error'),
    );
  }

  /** Queues the delivery of a critical alert once; other severities are ignored. */
  async notify(alert: Alert): Promise<boolean> {
    if (alert.severity !== 'critical') return false;
    const deliveryId = randomUUID();
    const body = JSON.stringify({
      event: 'alert.critical',
      deliveryId,
      createdAt: new Date().toISOString(),
      alert: summary(alert),
    });
    await this.queue.add(
      'deliver',
      { deliveryId, alertId: alert.id, body },
      {
        jobId: alert.id,
        attempts: this.options.attempts ?? 8,
        backoff: { type: 'exponential', delay: this.options.backoffMs ?? 2_000 },
        removeOnComplete: false,
        removeOnFail: false,
      },
    );
    return true;
  }

  private async deliver(job: Job<DeliveryJob>): Promise<void> {
    const { deliveryId, alertId, body } = job.data;
    const attempt = job.attemptsMade + 1;
    const last = attempt >= (job.opts.attempts ?? 1);
    const started = performance.now();
    const record = (status: number | null, outcome: DeliveryAttempt['outcome'], error?: string) =>
      this.options.log.append({
        deliveryId,
        alertId,
        attempt,
        status,
        outcome,
        at: new Date().toISOString(),
        durationMs: Math.round(performance.now() - started),
        ...(error ? { error } : {}),
      });
    let status: number;
    try {
      status = await this.post(body, deliveryId, attempt);
    } catch (err) {
      await record(null, last ? 'failed' : 'retrying', (err as Error).message);
      throw err;
    }
    if (status >= 200 && status < 300) return record(status, 'delivered');
    // Other 4xx answers will not change on a retry: the endpoint refuses this request.
    const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
    await record(status, last || permanent ? 'failed' : 'retrying', `HTTP ${status}`);
    throw permanent ? new UnrecoverableError(`HTTP ${status}`) : new Error(`HTTP ${status}`);
  }

  private async post(body: string, deliveryId: string, attempt: number): Promise<number> {
    const res = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'flowsentry-webhook/1',
        'x-flowsentry-event': 'alert.critical',
        'x-flowsentry-delivery': deliveryId,
        'x-flowsentry-attempt': String(attempt),
        [SIGNATURE_HEADER]: signBody(this.options.secret, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
    // Only the status matters: the reply body is never read, whatever its size.
    await res.body?.cancel().catch(() => undefined);
    return res.status;
  }

  /** Job counts of the delivery queue, for /metrics. */
  counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed');
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }
}

/**
 * What the receiver gets: ids, scores and times, no evidence and no personal data. Rule titles
 * can carry a worker's legal name or a listed person's, so the webhook gets a title of its own,
 * built from the rule and the subject's kind; the full alert stays behind the API.
 */
function summary(alert: Alert): Record<string, unknown> {
  const { id, rule, severity, score, subject, related, createdAt, lastSeenAt, count } = alert;
  const title = `${severity} ${rule} alert on a ${subject.kind}`;
  return { id, rule, severity, score, title, subject, related, createdAt, lastSeenAt, count };
}
