import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStreaming, type StreamingResult } from '../../services/cli/demo/streaming.ts';
import { screenEvents } from '../../services/cli/embedded/index.ts';
import { generateScenario, type Scenario } from '../../services/cli/scenario/index.ts';
import type { Alert } from '../../shared/engine/index.ts';
import { normalizeEvent } from '../../shared/normalize/index.ts';
import { unique } from '../helpers/fixtures.ts';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const byId = (alerts: readonly Alert[]) => [...alerts].sort((a, b) => a.id.localeCompare(b.id));
const essence = (a: Alert) => ({
  id: a.id,
  rule: a.rule,
  subject: a.subject,
  evidence: a.evidence,
  eventIds: a.eventIds,
});

/**
 * The brief's promise: the same inputs give the same alerts in both modes. The generated
 * scenario goes through screenEvents (embedded) and through Kafka -> Screener -> BullMQ
 * (streaming, the real broker and Redis). The topic has one partition: the engine's
 * stateful rules depend on event order, and only one partition keeps the order of the
 * input (docs/embedded.md says why).
 */
describe('embedded and streaming mode give the same alerts', () => {
  const queue = unique('modes-alerts');
  const run = (s: Scenario) =>
    runStreaming(s.events, s.lists, {
      brokers: BROKERS,
      redisUrl: REDIS_URL,
      topic: unique('modes-events'),
      queue,
    });
  let s: Scenario;
  let embedded: Alert[];
  let streamed: StreamingResult;

  beforeAll(async () => {
    s = generateScenario();
    embedded = await screenEvents(s.events.map(normalizeEvent), s.lists);
    streamed = await run(s);
  }, 180_000);

  afterAll(async () => {
    const q = new Queue(queue, {
      connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
    });
    await q.obliterate({ force: true });
    await q.close();
    (await q.client).disconnect();
  });

  it('finds every planted rule in embedded mode', () => {
    expect(new Set(embedded.map((a) => a.rule))).toEqual(new Set(s.planted.map((c) => c.rule)));
  });

  it('gives the same alert ids, rules, subjects, evidence and event ids', () => {
    expect(streamed.alerts.length).toBe(embedded.length);
    expect(byId(streamed.alerts).map(essence)).toEqual(byId(embedded).map(essence));
  });

  it('gives alerts equal in every field', () => {
    expect(byId(streamed.alerts)).toEqual(byId(embedded));
    expect(streamed.delivered.created).toBe(embedded.length);
  });

  it('adds nothing when the same events are streamed again into the same queue', async () => {
    const again = await run(s);
    expect(again.delivered.created).toBe(0);
    expect(again.delivered.merged).toBe(0);
    expect(byId(again.alerts)).toEqual(byId(embedded));
  }, 180_000);
});
