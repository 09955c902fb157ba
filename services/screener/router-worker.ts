import { parentPort, workerData } from 'node:worker_threads';
import { type EventLogAddress, KafkaEventLog } from '../../shared/ports/event-log/index.ts';
import { cloneable, errorMessage } from '../../shared/thread-errors.ts';
import { Router, type RouterOptions } from './router.ts';
import type { FromRouter, ToRouter } from './router-thread.ts';

/** What the screener hands its routing thread: where the log is, and the router's options. */
export interface RouterWorkerData {
  readonly log: EventLogAddress;
  readonly options: RouterOptions;
}

// The routing thread: a Router over its own Kafka clients, reporting to the screener's
// thread by message (totals after each batch, warnings, a fatal error) until told to stop.
const port = parentPort!;
const post = (message: FromRouter) => port.postMessage(message);
const { log: address, options } = workerData as RouterWorkerData;
const log = new KafkaEventLog(address.options);
const router = new Router(
  log,
  options,
  { warn: (fields, message) => post({ type: 'warn', fields: cloneable(fields), message }) },
  (stats) => post({ type: 'stats', stats: { ...stats } }),
);

port.on('message', (message: ToRouter) => {
  if (message.type !== 'stop') return;
  router
    .stop()
    .then(() => log.close())
    .finally(() => post({ type: 'stopped' }));
});

router
  .start((error) => post({ type: 'fatal', error: errorMessage(error) }))
  .then(
    () => post({ type: 'started' }),
    (error: unknown) => post({ type: 'fatal', error: errorMessage(error) }),
  );
