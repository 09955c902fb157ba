import type { Worker } from 'node:worker_threads';
import { startThread } from '../../../shared/thread-entry.ts';
import type { DecodeReply, DecodeRequest } from './decode-protocol.ts';
import { type DecodedBatch, EventDecoder } from './event-codec.ts';

/**
 * The reading thread's heap bound. What the thread keeps is small (the shared-string table
 * and a chunk's events on their way, some 50 MB), but V8 sizes a thread's heap for the
 * machine (4 GB here), and with the garbage of parsing 4 MB of lines at a time it let this
 * one grow to 110-136 MB over a million-event scan. Bounded, V8 collects sooner and the
 * heap stays at 60-75 MB, for about a CPU second more over that scan on this thread, which
 * is not the one that bounds the scan's speed. The bound leaves room for a line of
 * `maxLineBytes` parsed at once (its objects take a few times its bytes).
 */
const READING_THREAD_HEAP = { maxOldGenerationSizeMb: 256 };

/** The lines one request completed: counts, refusals and the events, to build when screened. */
export interface DecodedLines {
  readonly lines: number;
  readonly refused: readonly { readonly line: number; readonly reason: string }[];
  readonly events: DecodedBatch;
}

interface Waiter {
  resolve(d: DecodedLines): void;
  reject(e: Error): void;
}

/**
 * The reading thread seen from the screening thread: byte chunks of numbered streams go in,
 * decoded events come back in the order they were sent. Replies are taken in the moment they
 * arrive, in order, since each may bring shapes and strings the next ones use; their events
 * are built later, as they are screened.
 */
export class DecodeThread {
  private readonly worker: Worker;
  private readonly decoder = new EventDecoder();
  private readonly waiting = new Map<number, Waiter[]>();
  private streams = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor() {
    this.worker = startThread(
      new URL('./decode-worker.ts', import.meta.url),
      {},
      { resourceLimits: READING_THREAD_HEAP },
    );
    this.worker.on('message', (r: DecodeReply) => this.receive(r));
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the reading thread stopped (exit code ${code})`));
    });
  }

  /** A new stream's number. */
  open(): number {
    return this.streams++;
  }

  /**
   * Decodes the lines `bytes` completes (the bytes are moved to the reading thread); a
   * stream's first request may say its first line's number and where its events can be read again.
   */
  send(
    stream: number,
    bytes: Uint8Array,
    maxLineBytes: number,
    start: { readonly firstLine?: number; readonly refBase?: number } = {},
  ): Promise<DecodedLines> {
    const m = { kind: 'bytes', stream, bytes, maxLineBytes } as const;
    const { firstLine, refBase } = start;
    return this.request(
      {
        ...m,
        ...(firstLine === undefined ? {} : { firstLine }),
        ...(refBase === undefined ? {} : { refBase }),
      },
      [bytes.buffer as ArrayBuffer],
    );
  }

  /** Decodes the stream's last line, if it did not end with a newline. */
  end(stream: number, maxLineBytes: number): Promise<DecodedLines> {
    return this.request({ kind: 'end', stream, maxLineBytes });
  }

  /** Forgets a stream given up midway. */
  drop(stream: number): void {
    if (!this.failure) this.worker.postMessage({ kind: 'drop', stream } satisfies DecodeRequest);
  }

  /** Stops the thread; a request still waiting fails. */
  async close(): Promise<void> {
    this.closing = true;
    this.fail(new Error('the reading thread was closed'));
    await this.worker.terminate();
  }

  private request(m: DecodeRequest, transfer: ArrayBuffer[] = []): Promise<DecodedLines> {
    if (this.failure) return Promise.reject(this.failure);
    const queue = this.waiting.get(m.stream) ?? [];
    this.waiting.set(m.stream, queue);
    const reply = new Promise<DecodedLines>((resolve, reject) => queue.push({ resolve, reject }));
    this.worker.postMessage(m, transfer);
    return reply;
  }

  private receive(r: DecodeReply): void {
    const waiter = this.waiting.get(r.stream)?.shift();
    if ('failure' in r) {
      this.fail(new Error(`the reading thread failed: ${r.failure}`));
      return;
    }
    // Taken in even when nobody waits any more (a dropped stream): later replies build on it.
    const events = this.decoder.prepare(r.events);
    waiter?.resolve({ lines: r.lines, refused: r.refused, events });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const queue of this.waiting.values()) for (const w of queue.splice(0)) w.reject(error);
  }
}
