import { Redis } from 'ioredis';
import type { StateStore } from './state-store.ts';

/** State in Redis for streaming mode; every key lives under one prefix. */
export class RedisStateStore implements StateStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'flowsentry:state:',
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(this.k(key));
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs === undefined) await this.redis.set(this.k(key), value);
    else await this.redis.set(this.k(key), value, 'PX', ttlMs);
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    const res =
      ttlMs === undefined
        ? await this.redis.set(this.k(key), value, 'NX')
        : await this.redis.set(this.k(key), value, 'PX', ttlMs, 'NX');
    return res === 'OK';
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.k(key));
  }

  async setMany(
    entries: readonly (readonly [string, string | null])[],
    ttlMs?: number,
  ): Promise<void> {
    if (entries.length === 0) return;
    const sets = entries.filter((e): e is readonly [string, string] => e[1] !== null);
    const deletes = entries.filter(([, v]) => v === null).map(([k]) => this.k(k));
    const pipeline = this.redis.pipeline();
    // MSET writes every key in one command; keys with an expiry need SET PX each, still in one round trip.
    if (ttlMs === undefined && sets.length > 0)
      pipeline.mset(...sets.flatMap(([k, v]) => [this.k(k), v]));
    else for (const [k, v] of sets) pipeline.set(this.k(k), v, 'PX', ttlMs!);
    if (deletes.length > 0) pipeline.del(...deletes);
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async getMany(keys: readonly string[]): Promise<(string | null)[]> {
    if (keys.length === 0) return [];
    return this.redis.mget(keys.map((key) => this.k(key)));
  }

  async addToSet(key: string, members: readonly string[]): Promise<number> {
    if (members.length === 0) return 0;
    return this.redis.sadd(this.k(key), ...members);
  }

  async members(key: string): Promise<string[]> {
    return this.redis.smembers(this.k(key));
  }

  async increment(key: string, by = 1): Promise<number> {
    return this.redis.incrby(this.k(key), by);
  }

  /** Deletes every key under this store's prefix (tests and `reset` only). */
  async clear(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await this.redis.del(...keys);
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
