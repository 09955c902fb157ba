import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { RedisDeliveryLog } from './delivery-log.ts';
import { ReviewKeys } from './keys.ts';
import {
  applyCommand,
  type CasBackend,
  type ReviewResult,
  type ReviewStore,
  type SuppressionWrite,
  suppressVia,
  unsuppressVia,
} from './review-store.ts';
import {
  type Actor,
  type AuditEntry,
  INITIAL_REVIEW,
  type ReviewCommand,
  type ReviewState,
  type ScreeningRecord,
  type Suppression,
} from './types.ts';

const APPLY_CHANGE = readFileSync(new URL('./scripts/applyChange-3.lua', import.meta.url), 'utf8');

/** Options of the Redis review store. */
export interface RedisReviewStoreOptions {
  readonly redisUrl: string;
  /** The alert queue the review state belongs to (`alerts`). */
  readonly queueName: string;
  /** First part of every key (default `flowsentry`). */
  readonly prefix?: string;
  /** Screening answers kept (approximate trim of the stream). */
  readonly maxScreenings?: number;
}

/** The client with the command that defineCommand adds. */
type ScriptedRedis = Redis & { applyChange(...keysAndArgs: (string | number)[]): Promise<number> };
type StreamEntries = [id: string, fields: string[]][];

/** Review state in Redis next to the BullMQ queue: a hash and an audit stream per alert. */
export class RedisReviewStore implements ReviewStore, CasBackend {
  readonly keys: ReviewKeys;
  readonly redis: Redis;
  private readonly maxScreenings: number;

  constructor(options: RedisReviewStoreOptions) {
    this.keys = new ReviewKeys(options.queueName, options.prefix);
    // Auto-pipelining batches the screening XADDs of concurrent requests into one write.
    this.redis = new Redis(options.redisUrl, {
      maxRetriesPerRequest: 3,
      enableAutoPipelining: true,
    });
    this.redis.defineCommand('applyChange', { numberOfKeys: 3, lua: APPLY_CHANGE });
    this.maxScreenings = options.maxScreenings ?? 1_000_000;
  }

  async read(alertId: string): Promise<ReviewState> {
    return parseState(await this.redis.hget(this.keys.review(alertId), 'state'));
  }

  async compareAndSet(
    alertId: string,
    expected: number,
    next: ReviewState,
    entry: AuditEntry,
    extra?: SuppressionWrite,
  ): Promise<boolean> {
    const op = suppressionArgs(extra);
    const keys = [this.keys.review(alertId), this.keys.audit(alertId), this.keys.suppressions()];
    const args = [expected, next.version, JSON.stringify(next), JSON.stringify(entry), ...op];
    // defineCommand runs EVALSHA and falls back to EVAL after a script flush.
    return (await (this.redis as ScriptedRedis).applyChange(...keys, ...args)) === 1;
  }

  get(alertId: string): Promise<ReviewState> {
    return this.read(alertId);
  }

  async getMany(alertIds: readonly string[]): Promise<Map<string, ReviewState>> {
    const pipeline = this.redis.pipeline();
    for (const id of alertIds) pipeline.hget(this.keys.review(id), 'state');
    const replies = (await pipeline.exec()) ?? [];
    return new Map(alertIds.map((id, i) => [id, parseState(replyValue(replies[i]))]));
  }

  apply(
    alertId: string,
    command: ReviewCommand,
    actor: Actor,
    at = new Date(),
  ): Promise<ReviewResult> {
    return applyCommand(this, alertId, command, actor, at);
  }

  async audit(alertId: string): Promise<AuditEntry[]> {
    const entries = (await this.redis.xrange(this.keys.audit(alertId), '-', '+')) as StreamEntries;
    return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as AuditEntry);
  }

  addSuppression(suppression: Suppression, actor: Actor): Promise<ReviewResult> {
    return suppressVia(this, suppression, actor);
  }

  async removeSuppression(id: string, actor: Actor, at = new Date()): Promise<boolean> {
    const raw = await this.redis.hget(this.keys.suppressions(), id);
    return raw === null ? false : unsuppressVia(this, JSON.parse(raw) as Suppression, actor, at);
  }

  async suppressions(): Promise<Suppression[]> {
    const all = await this.redis.hvals(this.keys.suppressions());
    return all
      .map((raw) => JSON.parse(raw) as Suppression)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async recordScreening(record: ScreeningRecord): Promise<void> {
    const key = this.keys.screenings();
    await this.redis.xadd(
      key,
      'MAXLEN',
      '~',
      this.maxScreenings,
      '*',
      'record',
      JSON.stringify(record),
    );
  }

  async screenings(limit: number): Promise<ScreeningRecord[]> {
    const entries = (await this.redis.xrevrange(
      this.keys.screenings(),
      '+',
      '-',
      'COUNT',
      limit,
    )) as StreamEntries;
    return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as ScreeningRecord);
  }

  /** Deletes every key of this queue's review state (tests only). */
  async clear(): Promise<void> {
    const stream = this.redis.scanStream({ match: this.keys.pattern(), count: 500 });
    for await (const batch of stream)
      if ((batch as string[]).length > 0) await this.redis.del(...(batch as string[]));
  }

  /** The webhook delivery log beside the review keys, on this store's connection. */
  deliveryLog(): RedisDeliveryLog {
    return new RedisDeliveryLog(this.redis, this.keys.webhookLog());
  }

  /** Answers when Redis does; for /health. */
  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

function suppressionArgs(extra: SuppressionWrite | undefined): string[] {
  if (extra === undefined) return ['', '', ''];
  return 'put' in extra
    ? ['put', extra.put.id, JSON.stringify(extra.put)]
    : ['remove', extra.remove, ''];
}

function parseState(raw: string | null): ReviewState {
  return raw === null ? INITIAL_REVIEW : (JSON.parse(raw) as ReviewState);
}

function replyValue(reply: [Error | null, unknown] | undefined): string | null {
  if (!reply) return null;
  if (reply[0]) throw reply[0];
  return typeof reply[1] === 'string' ? reply[1] : null;
}
