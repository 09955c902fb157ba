import type { Worker } from 'node:worker_threads';
import { startThread } from '../../thread-entry.ts';
import { type ErrorMessage, errorFrom } from '../../thread-errors.ts';
import type { EventLogAddress, EventPublisher, OutgoingRecord } from './event-log.ts';

/** The transactional publisher a thread opens (`EventLog.transactionalPublisher`'s arguments). */
export interface PublisherSpec {
  readonly transactionalId: string;
  readonly compress?: boolean;
}

/** Messages to the publishing thread. */
export type ToPublisher =
  | { type: 'publish'; id: number; topic: string; records: readonly OutgoingRecord[] }
  | { type: 'close' };

/** Messages from the publishing thread. */
export type FromPublisher =
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; error: ErrorMessage }
  | { type: 'closed' };

/** What the publishing thread is started with. */
export interface PublisherWorkerData {
  readonly log: EventLogAddress;
  readonly spec: PublisherSpec;
}

interface Pending {
  resolve(): void;
  reject(error: Error): void;
}

/**
 * A transactional publisher that runs on a worker thread of its own: encoding a round's
 * changelog pages into Kafka requests (kafkajs copies each value several times and
 * checksums the batch) took a tenth of the screener's engine thread, which is the one
 * every event waits for. The thread has its own Kafka client; `publish` resolves when the
 * transaction committed and rejects with the error the thread met, flags included, so the
 * caller retries or stops exactly as with a publisher in its own thread. One transaction
 * at a time, in the order asked, as one kafkajs transactional producer allows.
 */
export class PublisherThread implements EventPublisher {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Set once the thread is gone: every later publish fails with it. */
  private gone?: Error;
  private closed?: Promise<void>;
  private onClosed?: () => void;

  constructor(log: EventLogAddress, spec: PublisherSpec) {
    this.worker = startThread(new URL('./publisher-worker.ts', import.meta.url), {
      log,
      spec,
    } satisfies PublisherWorkerData);
    this.worker.on('message', (message: FromPublisher) => this.receive(message));
    this.worker.on('error', (error) => this.end(error));
    this.worker.on('exit', (code) =>
      this.end(new Error(`the changelog's publishing thread exited (code ${code})`)),
    );
  }

  publish(topic: string, records: readonly OutgoingRecord[]): Promise<void> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Values are copied, not transferred: a publish that fails transiently is asked again
      // with the same records.
      this.worker.postMessage({ type: 'publish', id, topic, records } satisfies ToPublisher);
    });
  }

  /** Lets the transactions asked for finish, disconnects the thread's producer, then stops the thread. */
  close(): Promise<void> {
    this.closed ??= this.gone
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          this.onClosed = resolve;
          this.worker.postMessage({ type: 'close' } satisfies ToPublisher);
        }).then(() => this.worker.terminate().then(() => {}));
    return this.closed;
  }

  private receive(message: FromPublisher): void {
    if (message.type === 'closed') {
      this.onClosed?.();
      return;
    }
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (message.type === 'done') pending?.resolve();
    else pending?.reject(errorFrom(message.error));
  }

  /** The thread stopped (closed, crashed or terminated): what waits fails, what comes fails. */
  private end(error: Error): void {
    this.gone ??= error;
    for (const pending of this.pending.values()) pending.reject(this.gone);
    this.pending.clear();
    this.onClosed?.();
  }
}
