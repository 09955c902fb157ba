import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { BullmqAlertSink, MemoryAlertSink } from '../../shared/ports/alert-sink/index.ts';
import {
  type IncomingRecord,
  KafkaEventLog,
  MemoryEventLog,
} from '../../shared/ports/event-log/index.ts';
import { unique } from '../helpers/fixtures.ts';
import { type ScenarioResult, screenerScenario } from './screener.scenario.ts';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const results: Record<string, ScenarioResult[]> = { streaming: [], embedded: [] };

/** Reads a whole topic back with a throwaway group (kafkajs, like any downstream tool). */
async function readTopic(kafka: Kafka, topic: string): Promise<IncomingRecord[]> {
  const consumer = kafka.consumer({ groupId: unique('dlq-reader') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const out: IncomingRecord[] = [];
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const total = offsets.reduce((n, o) => n + Number(o.high), 0);
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
      );
      out.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key,
        value: message.value,
        headers,
      });
    },
  });
  const until = Date.now() + 20_000;
  while (out.length < total && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  await consumer.disconnect();
  return out;
}

screenerScenario(
  'streaming (Kafka, BullMQ)',
  async () => {
    const kafka = new Kafka({
      brokers: BROKERS,
      logLevel: logLevel.NOTHING,
      clientId: 'test-payroll-platform',
    });
    const producer = kafka.producer();
    await producer.connect();
    const sink = new BullmqAlertSink({ redisUrl: REDIS_URL, queueName: unique('alerts') });
    return {
      log: new KafkaEventLog({ brokers: BROKERS }),
      sink,
      produce: async (topic, key, value) => {
        await producer.send({ topic, messages: [{ key, value }] });
      },
      readDeadLetters: (topic) => readTopic(kafka, topic),
      close: async () => {
        await producer.disconnect();
        await sink.queue.obliterate({ force: true });
        await sink.close();
      },
    };
  },
  results.streaming!,
);

screenerScenario(
  'embedded (in-memory)',
  async () => {
    const log = new MemoryEventLog();
    const pub = log.publisher();
    return {
      log,
      sink: new MemoryAlertSink(),
      produce: (topic, key, value) => pub.publish(topic, [{ key, value }]),
      readDeadLetters: async (topic) => log.read(topic),
      close: () => log.close(),
    };
  },
  results.embedded!,
);

describe('both modes', () => {
  it('produce the same alert for the same events', () => {
    expect(results.streaming).toHaveLength(1);
    expect(results.embedded).toEqual(results.streaming);
  });
});
