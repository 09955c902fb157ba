import { Worker } from 'node:worker_threads';
import type { Logger } from '../../shared/log/logger.ts';
import type { EventLogAddress } from '../../shared/ports/event-log/index.ts';
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

/** Log fields that survive a message between threads: an error keeps its name, text and flags. */
export function cloneable(fields: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) {
      const { retriable, retryable, code } = value as Error & Record<string, unknown>;
      out[key] = {
        name: value.name,
        message: value.message,
        stack: value.stack,
        retriable,
        retryable,
        code,
      };
    } else out[key] = value;
  }
  return out;
}

function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  const e = value as { name?: string; message?: string; stack?: string } | undefined;
  const error = new Error(e?.message ?? String(value));
  if (e?.name) error.name = e.name;
  if (e?.stack) error.stack = e.stack;
  return error;
}

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
      const worker = new Worker(new URL('./router-worker.mjs', import.meta.url), {
        workerData: { log: this.log, options: this.options },
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
            return fail(asError(message.error));
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
