import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

const RELEASE = readFileSync(new URL('./scripts/releaseLock-1.lua', import.meta.url), 'utf8');
/** Long enough for one read-merge-write; a crashed holder frees the alert after this. */
const LOCK_MS = 10_000;
const WAIT_MS = 15_000;

type ScriptedRedis = Redis & { releaseAlertLock(key: string, token: string): Promise<number> };

/**
 * One writer at a time per alert, across processes: a lock key of our own (SET NX PX), so
 * a merge reads, merges and writes an alert through BullMQ's public API without a second
 * screener's merge slipping in between.
 */
export class AlertLocks {
  private readonly redis: ScriptedRedis;

  constructor(redis: Redis) {
    redis.defineCommand('releaseAlertLock', { numberOfKeys: 1, lua: RELEASE });
    this.redis = redis as ScriptedRedis;
  }

  /** Runs `fn` while holding the lock at `key`; waits (with jitter) while another holds it. */
  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const token = randomUUID();
    const deadline = Date.now() + WAIT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
      if ((await this.redis.set(key, token, 'PX', LOCK_MS, 'NX')) === 'OK') break;
      if (Date.now() > deadline)
        throw new Error(`alert lock ${key}: still held after ${WAIT_MS} ms`);
      await sleep(pause / 2 + Math.random() * pause);
    }
    try {
      return await fn();
    } finally {
      await this.redis.releaseAlertLock(key, token);
    }
  }
}
