import type { Engine } from '../../shared/engine/engine.ts';
import type { ChangelogEngineState } from '../../shared/engine/state/index.ts';
import { FlowsentryError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/log/logger.ts';
import type { NormalizedEvent } from '../../shared/normalize/index.ts';
import { deadLetter } from '../../shared/pipeline/dead-letter.ts';
import { readSequenced } from '../../shared/pipeline/route.ts';
import { retractionsIn } from '../../shared/pipeline/screen-batch.ts';
import { type OriginProgress, type Released, Sequencer } from '../../shared/pipeline/sequencer.ts';
import type { AlertSink } from '../../shared/ports/alert-sink/index.ts';
import type {
  EventLog,
  EventPublisher,
  EventSubscription,
  IncomingRecord,
  OutgoingRecord,
  PartitionOffset,
} from '../../shared/ports/event-log/index.ts';
import { retrying } from '../../shared/retry.ts';
import {
  ChangelogPages,
  isPageKey,
  type RoundPages,
  UnreadablePageError,
} from './changelog-pages.ts';

/** Changelog key of the sequencer's progress; state keys never start with `~`. */
const PROGRESS_KEY = '~sequencer';

/** Events screened per engine call while catching up, so alerts reach the queue steadily. */
const CHUNK = 5_000;

/**
 * Default commit interval, as Kafka Streams' (30 s under at-least-once). A wallet in use
 * changes many times a second, and each durable round encodes and writes its whole record
 * once: at 5 s a busy wallet is written a fifth as often as at 1 s. The capture is spread
 * over the rounds that follow (no stall grows with it); a crash replays at most this much
 * plus one write.
 */
const COMMIT_EVERY_MS = 5_000;

/**
 * Capturing a durable round's records goes on at the end of each round for at most this
 * long, and after every chunk screened for four keys per event: an event changes about two
 * keys, so under load the capture keeps ahead. Short slices keep the capture from crowding
 * out the routing thread and the broker on a small machine: at 1,000 events/s the p99 of
 * the latency bench was 58-94 ms with 2 ms slices against 95-193 ms with 5 ms.
 */
const CAPTURE_SLICE_MS = 2;
const CAPTURED_PER_EVENT = 4;

export interface EngineTaskOptions {
  readonly log: EventLog;
  readonly engine: Engine;
  readonly state: ChangelogEngineState;
  readonly sink: AlertSink;
  /** Consumer group of the engine side (one active member owns the sequenced topic). */
  readonly groupId: string;
  readonly sequencedTopic: string;
  readonly changelogTopic: string;
  /** The input topics whose partitions the sequencer waits for. */
  readonly inputTopics: readonly string[];
  readonly dlq: EventPublisher;
  readonly dlqTopic: string;
  readonly logger: Logger;
  /** How often end offsets are read (the latency floor of a live stream). */
  readonly pollMs?: number;
  /**
   * How often screened rounds are made durable (changelog transaction, then commit), as
   * Kafka Streams' commit interval: alerts go out every round, state at most this often.
   */
  readonly commitEveryMs?: number;
  /**
   * Gzip the changelog's pages. Off by default, as Kafka Streams leaves its changelogs: on
   * two cores the compression took a tenth of the screener's CPU (28 µs an event of the
   * standard workload) to save the broker some 55% of the bytes.
   */
  readonly compressChangelog?: boolean;
  /** Called before each round (a new list version is swapped in here). */
  readonly beforeRound?: () => Promise<void>;
  readonly onFatal?: (error: Error) => void;
}

/** Running totals of the engine side. */
export interface EngineTaskStats {
  events: number;
  duplicates: number;
  failed: number;
  alertsCreated: number;
  alertsMerged: number;
  restores: number;
  lastRestore?: { records: number; ms: number; at: string };
  /** Set while a restore reads the changelog: records read so far, and the end it reads to. */
  restoring?: { read: number; end: number };
}

/**
 * The engine side of a screener: owns the single-partition sequenced topic when the group
 * gives it to this member (the others wait as standbys), rebuilds the engine state from the
 * changelog on every assignment, and screens events in the sequencer's canonical order.
 * Each round delivers its alerts, then writes its state changes and progress to the
 * changelog, then commits: a crash anywhere repeats work but neither loses nor doubles an
 * effect (progress says what was applied; alert ids and event ids make delivery idempotent).
 */
export class EngineTask {
  readonly stats: EngineTaskStats = {
    events: 0,
    duplicates: 0,
    failed: 0,
    alertsCreated: 0,
    alertsMerged: 0,
    restores: 0,
  };
  readonly sequencer = new Sequencer();
  /** How state changes are packed into changelog records, and which record holds each key. */
  private readonly pages: ChangelogPages;
  private subscription?: EventSubscription;
  private changelog?: EventPublisher;
  private owner = false;
  private needsRestore = true;
  private queue: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  /** The sequenced-topic offset last committed (where a restart reads from). */
  private committed = 0;
  /** The changelog write in flight, if any. */
  private writing?: Promise<void>;
  private writeFailed?: unknown;
  /** Rounds screened since the last persist, and when that was. */
  private unsaved = false;
  private savedAt = 0;
  private endsReadAt = 0;
  private retrying = false;
  private readonly abort = new AbortController();
  /** The durable round being captured (`beginPersist`), if one is. */
  private snapshot?: { pages: RoundPages; progress: string; next: number };
  /** Set when the changelog cannot be read: the engine will not start on this member. */
  private refused?: Error;

  constructor(private readonly o: EngineTaskOptions) {
    // The state keeps the page index as tags of its records at rest.
    this.pages = new ChangelogPages(undefined, o.state);
  }

  /** True while this member owns the engine and its state is restored. */
  get active(): boolean {
    return this.owner && !this.needsRestore;
  }

  /** False while an outage is retried or the state is being restored. */
  get ready(): boolean {
    return !this.retrying && !(this.owner && this.needsRestore);
  }

  async start(): Promise<void> {
    const { log, sequencedTopic, changelogTopic, groupId } = this.o;
    // A routed input batch and a changelog round are each written as one record batch.
    const maxMessageBytes = 64 << 20;
    await log.ensureTopics([sequencedTopic], { partitions: 1, maxMessageBytes });
    await log.ensureTopics([changelogTopic], { partitions: 1, compacted: true, maxMessageBytes });
    this.subscription = log.subscribe({
      groupId,
      topics: [sequencedTopic],
      fromBeginning: true,
      manualCommit: true,
      ...(this.o.onFatal ? { onFatal: this.o.onFatal } : {}),
      onAssigned: (assigned) => {
        this.owner = assigned.some((a) => a.topic === sequencedTopic);
        this.needsRestore = true;
      },
    });
    await this.subscription.start((batch) => this.serial(() => this.take(batch)));
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.subscription?.stop();
    await this.queue;
    // What was screened since the last commit is made durable before leaving.
    try {
      if (this.owner && !this.needsRestore) await this.persistNow();
    } catch (err) {
      this.o.logger.warn({ err }, 'final commit failed');
    }
    this.abort.abort();
    await this.changelog?.close();
  }

  /**
   * Makes everything screened so far durable now, without waiting for the commit interval
   * (a benchmark's end, a planned handover): resolves once the changelog holds it.
   */
  flush(): Promise<void> {
    return this.serial(async () => {
      if (this.owner && !this.needsRestore) await this.persistNow();
    });
  }

  /** Rounds never overlap: the engine state is one. */
  private serial(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => {});
    return run;
  }

  /** A live stream may leave events held with no batch to come: poll ends on a timer too. */
  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.serial(() => this.tick())
        .catch((error) => this.o.logger.warn({ err: error }, 'engine round failed; retrying'))
        .finally(() => this.schedule());
    }, this.o.pollMs ?? 20);
  }

  private async tick(): Promise<void> {
    if (!this.owner || this.refused) return;
    // A new owner restores at once, not at its first event: it is not ready until then.
    if (this.needsRestore) return this.restoreIfNeeded();
    if (this.sequencer.holding === 0 && !this.unsaved && !this.snapshot) return;
    try {
      await this.readEnds();
      await this.round();
    } catch (error) {
      // Nothing will redeliver what this member already fetched: go back to the last commit.
      await this.startOver();
      await this.subscription!.seek([this.committedAt()]);
      throw error;
    }
  }

  private async take(batch: readonly IncomingRecord[]): Promise<void> {
    await this.restoreIfNeeded();
    try {
      for (const record of batch) {
        const seq = Number(record.offset);
        for (const routed of readSequenced(record))
          if (!this.sequencer.offer({ ...routed, seq })) this.stats.duplicates++;
      }
      await this.readEnds();
      await this.round();
    } catch (error) {
      // The batch comes again from the last commit (kafkajs restarts the fetch there).
      await this.startOver();
      throw error;
    }
  }

  /**
   * After a failure mid-round the state in process may hold half a round: rebuild it from
   * the changelog, which holds exactly the rounds that were committed.
   */
  private async startOver(): Promise<void> {
    this.needsRestore = true;
    this.snapshot = undefined;
    await this.settled().catch(() => {});
  }

  /**
   * Where a restart reads from. Unknown right after a restore (nothing committed by this
   * member yet): then from the start, and the restored progress drops what was applied.
   */
  private committedAt(): PartitionOffset {
    const offset = String(Math.max(0, this.committed));
    return { topic: this.o.sequencedTopic, partition: 0, offset };
  }

  /** I/O of a round: an outage is retried with backoff; anything else fails the round. */
  private io<T>(step: () => Promise<T>): Promise<T> {
    return retrying(step, {
      signal: this.abort.signal,
      onRetry: (error, attempt) => {
        this.retrying = true;
        this.o.logger.warn({ err: error, attempt }, 'engine output unavailable; retrying');
      },
    }).finally(() => {
      this.retrying = false;
    });
  }

  private async readEnds(): Promise<void> {
    const readAt = Date.now();
    // Batches arrive faster than ends move while catching up: a read per poll interval is enough.
    if (readAt - this.endsReadAt < (this.o.pollMs ?? 20) / 2) return;
    this.endsReadAt = readAt;
    const ends = new Map<string, number>();
    // One read per topic, all at once: one after another they were a live event's longest wait.
    const topics = this.o.inputTopics;
    const all = await Promise.all(topics.map((topic) => this.o.log.endOffsets(topic)));
    all.forEach((offsets, i) => {
      offsets.forEach((end, partition) => {
        ends.set(`${topics[i]}/${partition}`, end);
      });
    });
    this.sequencer.ends(ends, readAt);
  }

  /** Screens what the sequencer releases, then makes it durable and commits. */
  private async round(): Promise<void> {
    await this.o.beforeRound?.();
    for (;;) {
      const released = this.sequencer.release(CHUNK);
      if (released.length > 0) {
        await this.screen(released);
        this.unsaved = true;
        this.advancePersist(CAPTURED_PER_EVENT * released.length, 0);
      }
      if (released.length < CHUNK) break;
    }
    // One write at a time, never waited for here: screening goes on while it lands, and the
    // next write takes everything changed meanwhile (each key once).
    this.throwIfWriteFailed();
    const every = this.o.commitEveryMs ?? COMMIT_EVERY_MS;
    if (this.unsaved && !this.snapshot && !this.writing && Date.now() - this.savedAt >= every)
      this.beginPersist();
    this.advancePersist(0, CAPTURE_SLICE_MS);
  }

  private async screen(released: readonly Released[]): Promise<void> {
    const events = released.map((r) => r.event);
    const failed: OutgoingRecord[] = [];
    const alerts = this.o.engine.process(events, (event, error) => {
      failed.push(failure(released, event, error));
    });
    if (failed.length > 0) {
      await this.io(() => this.o.dlq.publish(this.o.dlqTopic, failed));
      this.stats.failed += failed.length;
      this.o.logger.warn({ failed: failed.length }, 'events failed screening; dead-lettered');
    }
    const delivered = await this.io(() => this.o.sink.deliver(alerts));
    const retractions = retractionsIn(events);
    if (retractions.length > 0) await this.io(() => this.o.sink.markRetracted(retractions));
    this.stats.events += events.length;
    this.stats.alertsCreated += delivered.created;
    this.stats.alertsMerged += delivered.merged;
  }

  /**
   * Makes the rounds screened so far durable: their state changes and the sequencer's
   * progress, taken together between rounds so they always agree, go to the changelog in
   * one transaction, then the sequenced offset is committed. Encoding the changed records
   * spreads over the next rounds (the state captures each before the engine changes it
   * again, `beginSnapshot`), so a commit does not stall the alerts of the events behind it.
   * The write runs while the next rounds are screened (one write at a time); a crash before
   * it lands repeats those rounds from the last durable state, and their alerts merge into
   * themselves.
   */
  private beginPersist(): void {
    this.unsaved = false;
    this.savedAt = Date.now();
    const cleaning = this.pages.plan(this.o.state.changes);
    this.o.state.beginSnapshot(cleaning.moved);
    this.snapshot = {
      pages: this.pages.begin(cleaning),
      progress: JSON.stringify(this.sequencer.progress()),
      next: this.sequencer.committable(),
    };
  }

  /**
   * Captures part of the open snapshot (at least `minKeys`, then more while `ms` last),
   * and writes it once it is whole.
   */
  private advancePersist(minKeys: number, ms: number): void {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    const done = this.o.state.captureSome(minKeys, ms);
    snapshot.pages.add(this.o.state.takeCaptured());
    if (!done) return;
    this.snapshot = undefined;
    snapshot.pages.add(this.o.state.endSnapshot());
    const records = snapshot.pages.finish();
    records.push({ key: PROGRESS_KEY, value: snapshot.progress });
    this.writing = this.write(records, snapshot.next).then(
      () => {
        this.writing = undefined;
      },
      (error: unknown) => {
        this.writing = undefined;
        this.writeFailed = error;
      },
    );
  }

  /** Makes everything screened so far durable at once (stop, flush). */
  private async persistNow(): Promise<void> {
    await this.settled();
    const all = Number.POSITIVE_INFINITY;
    if (this.snapshot) this.advancePersist(all, 0);
    await this.settled();
    if (this.unsaved) {
      this.beginPersist();
      this.advancePersist(all, 0);
    }
    await this.settled();
  }

  /** Waits for the write in flight; its failure fails the caller's round. */
  private async settled(): Promise<void> {
    await this.writing;
    this.throwIfWriteFailed();
  }

  private throwIfWriteFailed(): void {
    if (this.writeFailed === undefined) return;
    const error = this.writeFailed;
    this.writeFailed = undefined;
    throw error;
  }

  private async write(records: OutgoingRecord[], next: number): Promise<void> {
    await this.io(() => this.changelog!.publish(this.o.changelogTopic, records));
    if (next === this.committed) return;
    this.committed = next;
    await this.io(() => this.subscription!.commit([this.committedAt()]));
  }

  private restorePage(
    key: string,
    value: Buffer | undefined,
    apply: (key: string, packed: string | undefined) => void,
  ): void {
    try {
      this.pages.restore(key, value, apply);
    } catch (error) {
      if (error instanceof UnreadablePageError)
        throw new UnreadableChangelogError(this.o.changelogTopic, key);
      throw error;
    }
  }

  private async restoreIfNeeded(): Promise<void> {
    if (!this.needsRestore) return;
    if (this.refused) throw this.refused;
    await this.settled().catch(() => {});
    const started = Date.now();
    const { state, engine } = this.o;
    // Each round's changes and progress land whole or not at all; opening the transactional
    // writer as the new owner fences the one this member replaces (a zombie cannot write).
    await this.changelog?.close().catch(() => {});
    // Encoding and sending the pages runs on a thread of its own: this one is the engine's.
    this.changelog = this.o.log.transactionalPublisher(`${this.o.groupId}-changelog-0`, {
      compress: this.o.compressChangelog === true,
      thread: true,
    });
    state.clear();
    this.snapshot = undefined;
    this.pages.clear();
    engine.reset();
    let progress: Record<string, OriginProgress> = {};
    let records = 0;
    const apply = (key: string, packed: string | undefined) => state.restoreValue(key, packed);
    const [end = 0] = await this.o.log.endOffsets(this.o.changelogTopic);
    this.stats.restoring = { read: 0, end };
    await this.o.log
      .readToEnd(this.o.changelogTopic, (r) => {
        records++;
        this.stats.restoring!.read = Number(r.offset) + 1;
        const key = r.key?.toString() ?? '';
        const value = r.value && r.value.length > 0 ? r.value : undefined;
        if (key === PROGRESS_KEY) progress = value ? JSON.parse(value.toString()) : {};
        else if (isPageKey(key)) this.restorePage(key, value, apply);
        else throw new UnreadableChangelogError(this.o.changelogTopic, key);
      })
      .catch((error: unknown) => {
        // A changelog this version cannot read stops the engine for good: no restore is retried.
        if (error instanceof UnreadableChangelogError) {
          this.refused = error;
          this.o.onFatal?.(error);
        }
        throw error;
      });
    state.takeChanges();
    this.sequencer.restore(progress);
    this.committed = -1;
    this.needsRestore = false;
    const ms = Date.now() - started;
    this.stats.restores++;
    this.stats.restoring = undefined;
    this.stats.lastRestore = { records, ms, at: new Date().toISOString() };
    this.o.logger.info({ records, ms }, 'engine state restored from the changelog');
  }
}

/**
 * The changelog holds a record this version does not write (one record per state key, as
 * versions before pages wrote): restoring around it would screen with a partial state.
 */
class UnreadableChangelogError extends FlowsentryError {
  constructor(topic: string, key: string) {
    super(
      'UNREADABLE_CHANGELOG',
      `${topic} holds a record keyed ${JSON.stringify(key)} that this version does not read (written by an earlier version?): start the screeners with a new FLOWSENTRY_GROUP_ID (it reads the input topics again from their start)`,
    );
  }
}

/** A dead letter for an event the engine failed on, naming its input record. */
function failure(
  released: readonly Released[],
  event: NormalizedEvent,
  error: unknown,
): OutgoingRecord {
  const from = released.find((r) => r.event === event)!;
  const slash = from.origin.lastIndexOf('/');
  const record: IncomingRecord = {
    topic: from.origin.slice(0, slash),
    partition: Number(from.origin.slice(slash + 1)),
    offset: String(from.offset),
    key: null,
    value: Buffer.from(JSON.stringify(event.envelope)),
    headers: {},
  };
  const code = error instanceof FlowsentryError ? error.code : 'SCREENING_FAILED';
  const reason = error instanceof Error ? error.message : String(error);
  return deadLetter(record, code, reason);
}
