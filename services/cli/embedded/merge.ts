import { compareEvents, type NormalizedEvent } from '../../../shared/normalize/index.ts';

/** Events a merged stream hands on at once: the engine's batch size. */
export const MERGED_BATCH = 1_000;

/** Thrown when a stream said to be in canonical order is not: the caller sorts instead. */
export class OutOfOrder extends Error {
  constructor(
    readonly source: string,
    readonly eventId: string,
  ) {
    super(`${source}: event ${eventId} comes before one already read`);
  }
}

/** A stream of events in canonical order, read batch by batch. */
export interface OrderedStream {
  readonly name: string;
  readonly batches: AsyncIterator<NormalizedEvent[]>;
}

/** One stream's place in the merge: its current batch and position. */
class Cursor {
  private batch: NormalizedEvent[] = [];
  // Before the first batch: the first advance() loads it.
  private at = -1;
  private last: NormalizedEvent | undefined;

  constructor(
    private readonly stream: OrderedStream,
    /** Index of the stream: ties between streams go to the earlier one, so merges are stable. */
    readonly rank: number,
    private readonly check: boolean,
  ) {}

  get head(): NormalizedEvent {
    return this.batch[this.at]!;
  }

  /** Moves to the next event; false when the stream is done. */
  async advance(): Promise<boolean> {
    this.at++;
    while (this.at >= this.batch.length) {
      const next = await this.stream.batches.next();
      if (next.done) return false;
      this.batch = next.value;
      this.at = 0;
    }
    const head = this.batch[this.at]!;
    if (this.check && this.last && compareEvents(this.last, head) > 0)
      throw new OutOfOrder(this.stream.name, head.envelope.id);
    this.last = head;
    return true;
  }

  /** True when this stream's whole current batch may go out before `other`'s head (the fast path). */
  batchBefore(other: Cursor | undefined): boolean {
    if (!other) return true;
    return precedes(this.batch[this.batch.length - 1]!, this, other.head, other);
  }

  /** The rest of the current batch, checked in order, and moves past it. */
  takeBatch(): NormalizedEvent[] {
    const rest = this.at === 0 ? this.batch : this.batch.slice(this.at);
    if (this.check)
      for (let i = 1; i < rest.length; i++)
        if (compareEvents(rest[i - 1]!, rest[i]!) > 0)
          throw new OutOfOrder(this.stream.name, rest[i]!.envelope.id);
    this.last = rest[rest.length - 1];
    this.at = this.batch.length - 1;
    return rest;
  }
}

function precedes(a: NormalizedEvent, ca: Cursor, b: NormalizedEvent, cb: Cursor): boolean {
  const c = compareEvents(a, b);
  return c < 0 || (c === 0 && ca.rank < cb.rank);
}

/** A binary min-heap of cursors by their head event. */
class CursorHeap {
  readonly items: Cursor[] = [];

  push(c: Cursor): void {
    const h = this.items;
    h.push(c);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!precedes(h[i]!.head, h[i]!, h[p]!.head, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  pop(): Cursor | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      this.down(0);
    }
    return top;
  }

  private down(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && precedes(h[l]!.head, h[l]!, h[m]!.head, h[m]!)) m = l;
      if (r < h.length && precedes(h[r]!.head, h[r]!, h[m]!.head, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

/**
 * Merges streams that are each in canonical order (event time, then id) into one stream
 * in that order, batch by batch. With `check`, a stream found out of order throws
 * `OutOfOrder` (inputs presumed sorted); a sorted input passes whole batches through
 * without per-event heap work.
 */
export async function* mergeOrdered(
  streams: readonly OrderedStream[],
  check: boolean,
): AsyncGenerator<NormalizedEvent[]> {
  try {
    yield* merge(streams, check);
  } finally {
    // Stopped early (out of order, or the reader gave up): close every input still open.
    await Promise.all(streams.map((s) => s.batches.return?.()));
  }
}

async function* merge(
  streams: readonly OrderedStream[],
  check: boolean,
): AsyncGenerator<NormalizedEvent[]> {
  const heap = new CursorHeap();
  for (const [rank, stream] of streams.entries()) {
    const cursor = new Cursor(stream, rank, check);
    if (await cursor.advance()) heap.push(cursor);
  }
  let out: NormalizedEvent[] = [];
  for (;;) {
    const top = heap.pop();
    if (!top) break;
    const other = heap.items.length === 0 ? undefined : heap.items[0];
    if (out.length === 0 && top.batchBefore(other)) {
      yield top.takeBatch();
    } else {
      out.push(top.head);
      if (out.length >= MERGED_BATCH) {
        yield out;
        out = [];
      }
    }
    if (await top.advance()) heap.push(top);
  }
  if (out.length > 0) yield out;
}
