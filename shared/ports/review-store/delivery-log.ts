import type { Redis } from 'ioredis';

/** One delivery attempt of a webhook, as kept in the delivery log. */
export interface DeliveryAttempt {
  readonly deliveryId: string;
  readonly alertId: string;
  readonly attempt: number;
  readonly at: string;
  /** HTTP status, or null when no answer came (refused, timeout). */
  readonly status: number | null;
  readonly outcome: 'delivered' | 'retrying' | 'failed';
  readonly error?: string;
  readonly durationMs: number;
}

/** Where delivery attempts are written and read back. */
export interface DeliveryLog {
  append(attempt: DeliveryAttempt): Promise<void>;
  /** The latest attempts, newest first. */
  latest(limit: number): Promise<DeliveryAttempt[]>;
}

/** The delivery log as a capped Redis stream. */
export class RedisDeliveryLog implements DeliveryLog {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly maxLen = 100_000,
  ) {}

  async append(attempt: DeliveryAttempt): Promise<void> {
    await this.redis.xadd(
      this.key,
      'MAXLEN',
      '~',
      this.maxLen,
      '*',
      'attempt',
      JSON.stringify(attempt),
    );
  }

  async latest(limit: number): Promise<DeliveryAttempt[]> {
    const entries = (await this.redis.xrevrange(this.key, '+', '-', 'COUNT', limit)) as [
      string,
      string[],
    ][];
    return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as DeliveryAttempt);
  }
}

/** The delivery log in process, for tests and embedded mode. */
export class MemoryDeliveryLog implements DeliveryLog {
  private readonly attempts: DeliveryAttempt[] = [];

  async append(attempt: DeliveryAttempt): Promise<void> {
    this.attempts.push(attempt);
  }

  async latest(limit: number): Promise<DeliveryAttempt[]> {
    return this.attempts.slice(-limit).reverse();
  }
}
