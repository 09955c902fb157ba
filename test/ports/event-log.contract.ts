import { afterAll, describe, expect, it } from 'vitest';
import type { EventLog, IncomingRecord } from '../../shared/ports/event-log/index.ts';
import { unique } from '../helpers/fixtures.ts';

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function eventually(
  check: () => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The behaviour every EventLog adapter must show; run against Kafka and the in-memory one. */
export function eventLogContract(name: string, make: () => EventLog): void {
  describe(`EventLog contract: ${name}`, () => {
    const log = make();
    afterAll(() => log.close());

    it('delivers every record once to a group, in order per key, with headers', async () => {
      const topic = unique('t');
      await log.ensureTopics([topic], 3);
      const pub = log.publisher();
      const records = Array.from({ length: 60 }, (_, i) => ({
        key: `k${i % 4}`,
        value: JSON.stringify({ i }),
        headers: { n: String(i) },
      }));
      await pub.publish(topic, records);
      const got: IncomingRecord[] = [];
      const sub = log.subscribe({ groupId: unique('g'), topics: [topic] });
      await sub.start(async (batch) => {
        got.push(...batch);
      });
      await eventually(() => got.length >= 60, '60 records');
      await sub.stop();
      await pub.close();
      expect(got).toHaveLength(60);
      for (const k of ['k0', 'k1', 'k2', 'k3']) {
        const seq = got
          .filter((r) => r.key?.toString() === k)
          .map((r) => JSON.parse(r.value!.toString()).i);
        expect(seq).toEqual([...seq].sort((a, b) => a - b));
        expect(seq).toHaveLength(15);
      }
      expect(got.find((r) => JSON.parse(r.value!.toString()).i === 7)?.headers.n).toBe('7');
    });

    it('reads back what a transactional publisher wrote, compressed or not, from its own thread or not', async () => {
      const topic = unique('t');
      await log.ensureTopics([topic], { partitions: 1, compacted: true });
      const value = (i: number) => Buffer.from(`page ${i} `.repeat(2_000));
      const ways = [false, true].flatMap((compress) =>
        [false, true].map((thread) => ({ compress, thread })),
      );
      for (const way of ways) {
        const pub = log.transactionalPublisher(unique('tx'), way);
        // A Buffer, a string and a tombstone: each arrives as it was given.
        await pub.publish(topic, [
          ...[0, 1, 2].map((i) => ({ key: `k${i}`, value: value(i) })),
          { key: 's', value: 'text' },
          { key: 'gone', value: null },
        ]);
        await pub.close();
      }
      const read: string[] = [];
      await log.readToEnd(topic, (r) => {
        const key = r.key!.toString();
        if (key === 's') read.push(`s:${r.value?.toString()}`);
        else if (key === 'gone') read.push(`gone:${r.value === null || r.value.length === 0}`);
        else read.push(`${key}:${r.value?.equals(value(Number(key[1])))}`);
      });
      const once = ['k0:true', 'k1:true', 'k2:true', 's:text', 'gone:true'];
      expect(read).toEqual([...once, ...once, ...once, ...once]);
    });

    it('redelivers a batch whose handler failed, and resumes after the last commit', async () => {
      const topic = unique('t');
      const groupId = unique('g');
      await log.ensureTopics([topic], 1);
      const pub = log.publisher();
      await pub.publish(topic, [{ key: 'a', value: 'one' }]);
      let failures = 0;
      const seen: string[] = [];
      const sub = log.subscribe({ groupId, topics: [topic] });
      await sub.start(async (batch) => {
        if (failures === 0) {
          failures++;
          throw new Error('transient failure');
        }
        seen.push(...batch.map((r) => r.value!.toString()));
      });
      await eventually(() => seen.includes('one'), 'redelivery of "one"', 40_000);
      await sub.stop();
      // A new member of the same group starts after the committed offset: only new records.
      await pub.publish(topic, [{ key: 'a', value: 'two' }]);
      const later: string[] = [];
      const next = log.subscribe({ groupId, topics: [topic] });
      await next.start(async (batch) => {
        later.push(...batch.map((r) => r.value!.toString()));
      });
      await eventually(() => later.includes('two'), '"two" after restart', 40_000);
      await next.stop();
      await pub.close();
      expect(failures).toBe(1);
      expect(later).toEqual(['two']);
    });
  });
}
