import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../shared/engine/index.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';
import { BullmqAlertSink, MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { LAZARUS_WALLET, lazarusList, payoutExecuted, unique } from '../helpers/fixtures.ts';
import { alertSinkContract } from './alert-sink.contract.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

alertSinkContract('in-memory', () => new MemoryAlertSink());
// Real Redis through BullMQ; each run gets its own queue name.
alertSinkContract(
  'bullmq',
  () => new BullmqAlertSink({ redisUrl: REDIS_URL, queueName: unique('alerts') }),
);

describe('BullmqAlertSink across processes', () => {
  const queueName = unique('alerts-shared');
  const keyPrefix = unique('fs');
  // Two screeners: separate sinks, separate connections, one queue.
  const sinks = [0, 1].map(
    () => new BullmqAlertSink({ redisUrl: REDIS_URL, queueName, keyPrefix }),
  );
  const redis = new Redis(REDIS_URL);
  const engine = new Engine({ tags: new TagIndex([lazarusList()]) });
  afterAll(async () => {
    await sinks[0]!.queue.obliterate({ force: true });
    for (const key of await redis.keys(`${keyPrefix}:*`)) await redis.del(key);
    await Promise.all(sinks.map((s) => s.close()));
    await redis.quit();
  });

  it('loses no evidence when two sinks merge into one alert at once', async () => {
    const events = Array.from({ length: 12 }, (_, i) =>
      payoutExecuted({
        toAddress: LAZARUS_WALLET,
        payoutId: `two-${i}`,
        occurredAt: '2026-06-05T08:00:00Z',
      }),
    );
    const alerts = events.map((e) => engine.process([normalizeEvent(e)])[0]!);
    const results = await Promise.all(alerts.map((a, i) => sinks[i % 2]!.deliver([a])));
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.merged, 0)).toBe(11);
    const stored = await sinks[1]!.get(alerts[0]!.id);
    expect(new Set(stored?.eventIds)).toEqual(new Set(events.map((e) => e.id)));
    expect(stored?.count).toBe(12);
    // Our own keys live under our prefix; the locks are gone once the merges are done.
    expect(await redis.keys(`${keyPrefix}:{${queueName}}:alert-lock:*`)).toEqual([]);
    expect(await sinks[0]!.counts()).toMatchObject({ prioritized: 1 });
  });
});
