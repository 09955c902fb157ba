import type { Worker } from 'node:worker_threads';
import type { Logger } from '../../shared/log/logger.ts';
import type { EventLogAddress } from '../../shared/ports/event-log/index.ts';
import { startThread } from '../../shared/thread-entry.ts';
import { errorFrom } from '../../shared/thread-errors.ts';
import type { RouterOptions, RouterStats } from './router.ts';

/** Messages from the routing thread. */
export type FromRouter =
  | { type: 'started' }
  | { type: 'stopped' }
  | { type: 'stats'; stats: RouterStats }
  | { type: 'warn'; fields: object; message: string }
  | { type: 'fatal'; error: unknown };

/** Messages to the routing thread. */
export type ToRouter = { type: 'stop' };

/**
 * Runs a screener's routing (a Router) on a worker thread, so decoding and normalizing the
 * input uses a second core while the screener's own thread runs the engine. Same totals,
 * readiness and fatal errors as a Router in process; the thread has its own Kafka clients.
 */
export class RouterThread {
  stats: RouterStats = { batches: 0, events: 0, deadLettered: 0, retrying: false };
  private worker?: Worker;
  private stopping = false;
  private stopped?: () => void;

  constructor(
    private readonly log: EventLogAddress,
    private readonly options: RouterOptions,
    private readonly logger: Logger,
  ) {}

  start(onFatal: (error: Error) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      let started = false;
      const fail = (error: Error) => {
        if (started) onFatal(error);
        else reject(error);
      };
      const worker = startThread(new URL('./router-worker.ts', import.meta.url), {
        log: this.log,
        options: this.options,
      });
      this.worker = worker;
      worker.on('message', (message: FromRouter) => {
        switch (message.type) {
          case 'started':
            started = true;
            return resolve();
          case 'stopped':
            return this.stopped?.();
          case 'stats':
            this.stats = message.stats;
            return;
          case 'warn':
            return this.logger.warn(message.fields, message.message);
          case 'fatal':
            return fail(errorFrom(message.error));
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        this.stopped?.();
        if (!this.stopping) fail(new Error(`the routing thread exited (code ${code})`));
      });
    });
  }

  /** Stops routing (the thread leaves its consumer group and closes its clients), then the thread. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker || this.stopping) return;
    this.stopping = true;
    const stopped = new Promise<void>((resolve) => {
      this.stopped = resolve;
    });
    worker.postMessage({ type: 'stop' } satisfies ToRouter);
    const timeout = setTimeout(() => this.stopped?.(), 15_000);
    await stopped;
    clearTimeout(timeout);
    await worker.terminate();
  }
}
