import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApi } from '../../services/api/main.ts';
import { loadConfig } from '../../shared/config/env.ts';
import { BullmqAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { unique } from '../helpers/fixtures.ts';
import { seedAlerts } from './helpers.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ANALYST = 'prefix-analyst-0123456789ab';

describe('the API service keeps review state under FLOWSENTRY_REDIS_PREFIX', () => {
  const queueName = unique('alerts-prefix');
  const prefix = unique('tenant-a');
  const alert = seedAlerts()[1]!;
  const redis = new Redis(REDIS_URL);
  let sink: BullmqAlertSink;
  let api: Awaited<ReturnType<typeof runApi>>;

  beforeAll(async () => {
    sink = new BullmqAlertSink({ redisUrl: REDIS_URL, queueName });
    await sink.deliver([alert]);
    const config = loadConfig({
      REDIS_URL,
      FLOWSENTRY_ALERT_QUEUE: queueName,
      FLOWSENTRY_API_PORT: '0',
      FLOWSENTRY_API_HOST: '127.0.0.1',
      FLOWSENTRY_REDIS_PREFIX: prefix,
      FLOWSENTRY_API_TOKENS: `${ANALYST}:analyst`,
    });
    api = await runApi(config, pino({ level: 'silent' }));
  });

  afterAll(async () => {
    await api?.stop();
    for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
    await sink.queue.obliterate({ force: true });
    await sink.close();
    await redis.quit();
  });

  it('writes the claim and its audit line under the prefix, and nothing under the default', async () => {
    const res = await fetch(`http://127.0.0.1:${api.port}/v1/alerts/${alert.id}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ANALYST}` },
    });
    expect(res.status).toBe(200);
    const keys = (await redis.keys(`${prefix}:*`)).sort();
    expect(keys).toEqual([
      `${prefix}:{${queueName}}:audit:${alert.id}`,
      `${prefix}:{${queueName}}:review:${alert.id}`,
    ]);
    expect(await redis.keys(`flowsentry:{${queueName}}:*`)).toEqual([]);
  });
});
