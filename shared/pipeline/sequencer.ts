import { compareEvents, type NormalizedEvent } from '../normalize/index.ts';

/**
 * Puts events from many input partitions back into the engine's canonical order (event
 * time, then id), so the engine sees the same sequence as `flowsentry scan` whatever order
 * Kafka delivered the partitions in. This is Kafka Streams' timestamp synchronization
 * across a task's partitions, made strict:
 *
 * - every input partition ("origin") is assumed to be in event-time order, as a producer
 *   writes it (one key's events in order, which is what the contract asks);
 * - an event is released only when no origin can still deliver one that sorts before it:
 *   either the origin already delivered a later event, or it is caught up — everything it
 *   held when its end offset was read has arrived, and that read began after the event
 *   itself was written (so anything written before it is already here).
 *
 * The second condition is what makes a live stream exact: a payout produced before its
 * forward transfer cannot be overtaken by it, even when their partitions are fetched by
 * different screeners. Duplicates (a partition re-sent after a rebalance) are dropped by
 * origin offset. The progress per origin is state: it goes to the changelog with the engine
 * state, so a restored engine skips exactly what it already applied.
 */

/** One record offered to the sequencer, from the sequenced topic. */
export interface Offer {
  /** `topic/partition` of the input record. */
  readonly origin: string;
  /** Its offset in that partition. */
  readonly offset: number;
  /** When it was written to the input topic (ms). */
  readonly writtenAt: number;
  /** The event; absent for a progress mark (a dead letter, or the end of a routed batch). */
  readonly event?: NormalizedEvent;
  /** Offset of this record in the sequenced topic (what the consumer commits). */
  readonly seq: number;
}

/** What the sequencer remembers of one origin between rounds (changelog-safe). */
export interface OriginProgress {
  /** Every offset up to here is applied, or was a dead letter. */
  through: number;
  /** Offsets above `through` already applied (released before an earlier one on a time tie). */
  done: number[];
  /** Event time of the latest event seen from the origin. */
  lastAt: string;
}

interface OriginState {
  /** Highest offset received (applied or held). */
  received: number;
  /** Applied offsets above the lowest one still held. */
  done: number[];
  lastAt: string;
  /** End offset at the latest read (for lag). */
  end: number;
  /** When the latest read began whose end has all arrived (0: none yet). */
  caughtUpAt: number;
  /** Reads whose end has not all arrived yet, oldest first (their ends never decrease). */
  pending: EndRead[];
  /**
   * Offsets of the origin's events taken and not yet released, ascending from `heldFrom`
   * (an origin's offsets arrive in order): the lowest is at hand without a scan of all
   * held events, which a release needs for every origin.
   */
  heldOffsets: number[];
  heldFrom: number;
  /**
   * The origin's held events in canonical order from `queueFrom`. A partition arrives in
   * time order, so an event nearly always goes at the end; releasing merges the origins'
   * queues by their heads. One sorted list of everything held was merged and copied whole
   * on every batch: a tenth of the engine thread while catching up.
   */
  queue: Held[];
  queueFrom: number;
}

/** One end-offset read of an origin: its end, and when the read began. */
interface EndRead {
  readonly end: number;
  readonly at: number;
}

/**
 * Reads remembered per origin while records are in flight. Each is a chance to release
 * sooner: under steady traffic the latest read always names records still on their way,
 * while an earlier one, begun after the event, is already whole. Past this many the newest
 * is replaced (only a later release, never a wrong one).
 */
const PENDING_READS = 64;

interface Held {
  readonly event: NormalizedEvent;
  readonly origin: string;
  readonly offset: number;
  readonly writtenAt: number;
  readonly seq: number;
}

/** A released event with where it came from. */
export interface Released {
  readonly event: NormalizedEvent;
  readonly origin: string;
  readonly offset: number;
}

export interface SequencerOptions {
  /**
   * How long after a record's write time an end-offset read must begin to prove that
   * everything written before it has landed: covers the producer's stamp preceding the
   * broker's append, and clock skew between producers, broker and screener.
   */
  readonly skewMs?: number;
}

export class Sequencer {
  private readonly skewMs: number;

  constructor(options: SequencerOptions = {}) {
    this.skewMs = options.skewMs ?? 25;
  }

  private readonly origins = new Map<string, OriginState>();
  /** Events held in all origins' queues. */
  private count = 0;
  private nextSeq = 0;
  /** Nothing is released before the first end-offset read names every origin. */
  private knowsOrigins = false;

  /** Events held back, waiting for an origin to catch up. */
  get holding(): number {
    return this.count;
  }

  /** Takes one record; returns false when it is a duplicate of one already taken. */
  offer(o: Offer): boolean {
    this.nextSeq = Math.max(this.nextSeq, o.seq + 1);
    const s = this.origin(o.origin);
    if (o.offset <= s.received) return false;
    s.received = o.offset;
    settleReads(s);
    // Applied before a restore: a duplicate, but it counts as arrived (else a quiet
    // partition would hold the events before it until its next record).
    if (s.done.includes(o.offset)) return false;
    if (!o.event) return true;
    if (o.event.at > s.lastAt) s.lastAt = o.event.at;
    s.heldOffsets.push(o.offset);
    enqueue(s, { ...o, event: o.event });
    this.count++;
    return true;
  }

  /** Records the end offsets of origins, read in a call that began at `readAt` (ms). */
  ends(ends: ReadonlyMap<string, number>, readAt: number): void {
    for (const [origin, end] of ends) {
      const s = this.origin(origin);
      s.end = end;
      if (s.pending.length >= PENDING_READS) s.pending.pop();
      s.pending.push({ end, at: readAt });
      settleReads(s);
    }
    this.knowsOrigins = true;
  }

  /** Releases, in canonical order, up to `limit` held events that nothing can still precede. */
  release(limit = Number.POSITIVE_INFINITY): Released[] {
    if (this.count === 0 || !this.knowsOrigins) return [];
    const out: Held[] = [];
    while (out.length < limit) {
      // The first held event in canonical order heads one of the queues; when it is not
      // free, nothing after it is released either (the order is the engine's).
      const s = this.firstQueue();
      if (!s || !this.free(s.queue[s.queueFrom]!)) break;
      out.push(dequeue(s));
    }
    if (out.length === 0) return [];
    this.count -= out.length;
    for (const h of out) unhold(this.origin(h.origin), h.offset);
    // An event released before an earlier offset of its origin (a tie on time broken by id)
    // is remembered as done until that earlier one is released too.
    for (const h of out) {
      const s = this.origin(h.origin);
      const low = lowestHeld(s);
      if (low !== undefined && h.offset > low) s.done.push(h.offset);
    }
    this.pruneDone();
    return out.map(({ event, origin, offset }) => ({ event, origin, offset }));
  }

  /**
   * Records each input partition still has to deliver, as of its latest end-offset read
   * (what /metrics reports as lag per partition).
   */
  lag(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [origin, s] of this.origins)
      if (Number.isFinite(s.end)) out.set(origin, Math.max(0, s.end - 1 - s.received));
    return out;
  }

  /** The sequenced-topic offset to commit: the first record still held, else past the last. */
  committable(): number {
    let min = this.nextSeq;
    for (const s of this.origins.values())
      for (let i = s.queueFrom; i < s.queue.length; i++) min = Math.min(min, s.queue[i]!.seq);
    return min;
  }

  /** Progress per origin, for the changelog: what a restored sequencer must not apply again. */
  progress(): Record<string, OriginProgress> {
    const out: Record<string, OriginProgress> = Object.create(null);
    for (const [origin, s] of this.origins) {
      const low = lowestHeld(s);
      const through = low === undefined ? s.received : low - 1;
      out[origin] = { through, done: s.done.filter((d) => d > through), lastAt: s.lastAt };
    }
    return out;
  }

  /** Starts again from progress read back from the changelog (nothing held). */
  restore(progress: Readonly<Record<string, OriginProgress>>): void {
    this.origins.clear();
    this.count = 0;
    this.nextSeq = 0;
    this.knowsOrigins = false;
    for (const [origin, p] of Object.entries(progress)) {
      const s = this.origin(origin);
      s.received = p.through;
      s.done = [...p.done];
      s.lastAt = p.lastAt;
    }
  }

  /** The origin whose first held event sorts first of all held, if any is held. */
  private firstQueue(): OriginState | undefined {
    let first: OriginState | undefined;
    for (const s of this.origins.values()) {
      if (s.queueFrom === s.queue.length) continue;
      if (
        !first ||
        compareEvents(s.queue[s.queueFrom]!.event, first.queue[first.queueFrom]!.event) < 0
      )
        first = s;
    }
    return first;
  }

  /** True when no origin can still deliver an event that sorts before `h`. */
  private free(h: Held): boolean {
    for (const s of this.origins.values()) {
      if (h.event.at < s.lastAt) continue;
      // Caught up on a read that began after the event was written: nothing before it is missing.
      if (s.caughtUpAt < h.writtenAt + this.skewMs) return false;
    }
    return true;
  }

  /** Applied offsets below an origin's lowest held one are covered by `through`. */
  private pruneDone(): void {
    for (const s of this.origins.values()) {
      if (s.done.length === 0) continue;
      const low = lowestHeld(s);
      s.done = low === undefined ? [] : s.done.filter((d) => d > low);
    }
  }

  private origin(name: string): OriginState {
    let s = this.origins.get(name);
    if (!s) {
      s = {
        received: -1,
        done: [],
        lastAt: '',
        end: Number.POSITIVE_INFINITY,
        caughtUpAt: 0,
        pending: [],
        heldOffsets: [],
        heldFrom: 0,
        queue: [],
        queueFrom: 0,
      };
      this.origins.set(name, s);
    }
    return s;
  }
}

/** Moves the reads whose end has all arrived out of `pending`, the latest into `caughtUpAt`. */
function settleReads(s: OriginState): void {
  let n = 0;
  while (n < s.pending.length && s.pending[n]!.end - 1 <= s.received) n++;
  if (n === 0) return;
  s.caughtUpAt = Math.max(s.caughtUpAt, s.pending[n - 1]!.at);
  s.pending.splice(0, n);
}

/** The lowest offset of the origin still held, if any. */
function lowestHeld(s: OriginState): number | undefined {
  return s.heldFrom < s.heldOffsets.length ? s.heldOffsets[s.heldFrom] : undefined;
}

/** Forgets a released offset: nearly always the lowest held, else found by bisection. */
function unhold(s: OriginState, offset: number): void {
  const held = s.heldOffsets;
  if (held[s.heldFrom] === offset) s.heldFrom++;
  else {
    let lo = s.heldFrom;
    let hi = held.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (held[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    if (held[lo] === offset) held.splice(lo, 1);
  }
  // The released head is dropped in one copy once it is most of the array.
  if (s.heldFrom > 1_024 && s.heldFrom * 2 > held.length) {
    s.heldOffsets = held.slice(s.heldFrom);
    s.heldFrom = 0;
  }
}

/** Puts an event in its origin's queue in canonical order (at the end, unless out of time order). */
function enqueue(s: OriginState, h: Held): void {
  const queue = s.queue;
  let i = queue.length;
  queue.push(h);
  while (i > s.queueFrom && compareEvents(queue[i - 1]!.event, h.event) > 0) {
    queue[i] = queue[i - 1]!;
    i--;
  }
  queue[i] = h;
}

/** Takes the first event of an origin's queue. */
function dequeue(s: OriginState): Held {
  const h = s.queue[s.queueFrom++]!;
  if (s.queueFrom === s.queue.length) {
    s.queue = [];
    s.queueFrom = 0;
  } else if (s.queueFrom > 1_024 && s.queueFrom * 2 > s.queue.length) {
    s.queue = s.queue.slice(s.queueFrom);
    s.queueFrom = 0;
  }
  return h;
}
