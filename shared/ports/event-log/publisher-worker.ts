import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../thread-errors.ts';
import type { OutgoingRecord } from './event-log.ts';
import { KafkaEventLog } from './kafka-event-log.ts';
import type { FromPublisher, PublisherWorkerData, ToPublisher } from './publisher-thread.ts';

// The publishing thread: one transactional publisher over its own Kafka client, taking
// `publish` requests in the order they came and answering each once its transaction ended.
const port = parentPort!;
const post = (message: FromPublisher) => port.postMessage(message);
const { log: address, spec } = workerData as PublisherWorkerData;
const log = new KafkaEventLog(address.options);
const publisher = log.transactionalPublisher(spec.transactionalId, { compress: spec.compress });

/** A value as kafkajs takes it: a Buffer arrives here as a plain Uint8Array view. */
function asBuffer(value: OutgoingRecord['value']): Buffer | string | null {
  if (value === null || typeof value === 'string') return value;
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

async function handle(message: ToPublisher): Promise<void> {
  if (message.type === 'close') {
    await publisher.close().catch(() => {});
    await log.close().catch(() => {});
    post({ type: 'closed' });
    return;
  }
  const records = message.records.map((r) => ({ ...r, value: asBuffer(r.value) }));
  try {
    await publisher.publish(message.topic, records);
    post({ type: 'done', id: message.id });
  } catch (error) {
    post({ type: 'failed', id: message.id, error: errorMessage(error) });
  }
}

let queue = Promise.resolve();
port.on('message', (message: ToPublisher) => {
  queue = queue.then(() => handle(message));
});
