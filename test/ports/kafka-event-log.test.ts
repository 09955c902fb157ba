import { afterAll, describe, expect, it } from 'vitest';
import { KafkaEventLog } from '../../shared/ports/event-log/index.ts';
import { isTransient } from '../../shared/retry.ts';
import { unique } from '../helpers/fixtures.ts';
import { eventLogContract } from './event-log.contract.ts';

// A real broker: infra/up.sh (run by `npm test`) starts one on 127.0.0.1:9092.
eventLogContract(
  'kafka',
  () => new KafkaEventLog({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',') }),
);

describe('KafkaEventLog: a transactional publisher on its own thread', () => {
  const log = new KafkaEventLog({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  });
  afterAll(() => log.close());

  it('is fenced by a newer publisher of the same id, and says so with an error that is not retried', async () => {
    const topic = unique('t');
    await log.ensureTopics([topic], 1);
    const id = unique('tx');
    const old = log.transactionalPublisher(id, { thread: true });
    await old.publish(topic, [{ key: 'a', value: 'from the old owner' }]);
    const owner = log.transactionalPublisher(id, { thread: true });
    await owner.publish(topic, [{ key: 'a', value: 'from the new owner' }]);
    const error = await old.publish(topic, [{ key: 'a', value: 'zombie' }]).then(
      () => undefined,
      (e: unknown) => e,
    );
    await Promise.all([old.close(), owner.close()]);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/^KafkaJS/);
    expect(isTransient(error)).toBe(false);
    const read: string[] = [];
    await log.readToEnd(topic, (r) => read.push(r.value!.toString()));
    expect(read).toEqual(['from the old owner', 'from the new owner']);
  });

  it('refuses to publish once closed', async () => {
    const pub = log.transactionalPublisher(unique('tx'), { thread: true });
    await pub.close();
    await expect(pub.publish(unique('t'), [{ key: 'a', value: 'late' }])).rejects.toThrow(
      /publishing thread/,
    );
  });
});
