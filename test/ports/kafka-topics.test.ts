import { type Admin, Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createTopicsWithLeaders } from '../../shared/ports/event-log/index.ts';
import { unique } from '../helpers/fixtures.ts';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** The broker's error as kafkajs throws it: a protocol error carrying the code's type. */
function brokerError(type: string): Error {
  return Object.assign(new Error('This server does not host this topic-partition'), { type });
}

/** An admin whose metadata answers come from a script, one per call. */
function scriptedAdmin(answers: (Error | number)[]): { admin: Admin; calls: () => number } {
  let calls = 0;
  const admin = {
    createTopics: async () => true,
    fetchTopicMetadata: async () => {
      const next = answers[Math.min(calls++, answers.length - 1)];
      if (next instanceof Error) throw next;
      return { topics: [{ name: 't', partitions: [{ partitionId: 0, leader: next }] }] };
    },
  } as unknown as Admin;
  return { admin, calls: () => calls };
}

describe('createTopicsWithLeaders', () => {
  it('waits through a broker that does not know the new topic yet, then through no leader', async () => {
    const { admin, calls } = scriptedAdmin([
      brokerError('UNKNOWN_TOPIC_OR_PARTITION'),
      Object.assign(new Error('retries ran out'), {
        cause: brokerError('LEADER_NOT_AVAILABLE'),
      }),
      -1,
      1,
    ]);
    await createTopicsWithLeaders(admin, [{ topic: 't', numPartitions: 1 }]);
    expect(calls()).toBe(4);
  });

  it('passes on any other error at once, and gives up after its deadline', async () => {
    const denied = scriptedAdmin([brokerError('TOPIC_AUTHORIZATION_FAILED')]);
    await expect(
      createTopicsWithLeaders(denied.admin, [{ topic: 't', numPartitions: 1 }]),
    ).rejects.toThrow(/does not host/);
    expect(denied.calls()).toBe(1);
    const leaderless = scriptedAdmin([-1]);
    await expect(
      createTopicsWithLeaders(leaderless.admin, [{ topic: 't', numPartitions: 1 }], 200),
    ).rejects.toThrow(/have no leader after 200 ms/);
  });

  it('leaves every partition of a new topic with a leader on the real broker, and accepts it again', async () => {
    const admin = new Kafka({ brokers: BROKERS, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const topic = unique('leaders');
      await createTopicsWithLeaders(admin, [{ topic, numPartitions: 6 }]);
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(topics[0]?.partitions.map((p) => p.leader >= 0)).toEqual(Array(6).fill(true));
      await createTopicsWithLeaders(admin, [{ topic, numPartitions: 6 }]);
    } finally {
      await admin.disconnect();
    }
  }, 30_000);
});
