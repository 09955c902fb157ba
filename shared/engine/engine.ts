import { type Envelope, EVENT_DATA, type EventType } from '../contract/index.ts';
import { TagIndex } from '../lists/tag-index.ts';
import type { NormalizedEvent } from '../normalize/index.ts';
import type { Alert } from './alert.ts';
import { AlertBatch } from './alert-batch.ts';
import { modelOptionsFrom, rulesFrom } from './build-rules.ts';
import { DEFAULT_ENGINE_CONFIG } from './config/load.ts';
import type { EngineConfig } from './config/schema.ts';
import { diffTags, mergeLookback, type PendingLookback, rescreens } from './lookback.ts';
import type { EventArchive } from './model/archive.ts';
import type { Clock, ModelContext } from './model/context.ts';
import { observe } from './model/observe.ts';
import { retainedEnvelope } from './model/wallets.ts';
import { planKeys } from './plan.ts';
import { type EmployerRisk, rollUp, type WorkerRisk } from './rollup.ts';
import type { Rule, RuleContext } from './rule.ts';
import type { EngineState } from './state/engine-state.ts';
import { keys } from './state/keys.ts';
import { MemoryEngineState } from './state/memory-engine-state.ts';
import type { ClockRecord, WorkerRecord } from './state/records.ts';
import { type SuppressionRecord, Suppressions } from './suppressions.ts';

/** The rules every engine runs unless told otherwise (default thresholds). */
export const DEFAULT_RULES: readonly Rule[] = rulesFrom(DEFAULT_ENGINE_CONFIG);

export interface EngineOptions {
  /** Rules to run instead of those the configuration builds. */
  readonly rules?: readonly Rule[];
  readonly tags?: TagIndex;
  /** Thresholds, retention and suppressions (config/rules.yaml); defaults when absent. */
  readonly config?: EngineConfig;
  /** Where graph, profiles and indexes live; in memory when absent. */
  readonly state?: EngineState;
  /** Called for each finding a suppression kept back (also kept for `takeSuppressed`). */
  readonly onSuppressed?: (record: SuppressionRecord) => void;
  /** Where retained events can be read again (embedded mode over files); else the state keeps them. */
  readonly archive?: EventArchive;
}

/** `T` with its fields writable: the one rule context the engine refills for each event. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Rounds of loading a batch may need: a profile before its old index entries, a bucket before its workers. */
const MAX_LOAD_ROUNDS = 5;

/**
 * The detection engine: the same code in embedded and streaming mode. It only finds;
 * delivering alerts is the sink's job. With a remote state, call `prepare(events)`
 * before `process` and `commit()` after delivery; `process` itself never awaits.
 */
export class Engine {
  readonly config: EngineConfig;
  private readonly rules: readonly Rule[];
  private readonly rulesByType: ReadonlyMap<EventType, readonly Rule[]>;
  private readonly listRules: readonly Rule[];
  private readonly state: EngineState;
  private readonly suppressions: Suppressions;
  private readonly clock: Clock = { watermark: '', cutoff: '' };
  private clockHour = '';
  private model: ModelContext;
  private pending?: PendingLookback;
  private inflight?: PendingLookback;
  private suppressed: SuppressionRecord[] = [];
  private readonly ruleContext: Mutable<RuleContext>;

  constructor(private readonly options: EngineOptions = {}) {
    this.config = options.config ?? DEFAULT_ENGINE_CONFIG;
    this.rules = options.rules ?? rulesFrom(this.config);
    this.listRules = this.rules.filter((r) => r.listDriven);
    this.rulesByType = new Map(
      Object.keys(EVENT_DATA).map((t) => [
        t as EventType,
        this.rules.filter((r) => !r.types || r.types.includes(t as EventType)),
      ]),
    );
    this.state = options.state ?? new MemoryEngineState();
    this.suppressions = new Suppressions(this.config.suppressions);
    const tags = options.tags ?? new TagIndex([]);
    this.model = {
      state: this.state,
      tags,
      options: modelOptionsFrom(this.config),
      clock: this.clock,
      archive: options.archive,
    };
    this.ruleContext = { tags, facts: undefined, cutoff: '', pastEvent: this.pastEvent };
  }

  /** Swaps the active tag set whole; past events that newly listed wallets or names touch are screened again on the next batch. */
  setTags(tags: TagIndex): void {
    this.pending = diffTags(this.model.tags, tags, this.pending);
    this.model = { ...this.model, tags };
  }

  get tags(): TagIndex {
    return this.model.tags;
  }

  /** Loads the state a batch (and a pending lookback) needs; nothing to do in memory. */
  async prepare(events: readonly NormalizedEvent[]): Promise<void> {
    if (this.state.complete) return;
    this.state.beginBatch();
    for (let round = 0; round < MAX_LOAD_ROUNDS; round++) {
      const plan = planKeys(this.state, events, this.pending, this.model.options);
      const missing = this.state.missing(plan);
      if (missing.length === 0) return;
      await this.state.load(missing);
    }
  }

  /**
   * Screens a batch in order; alerts with the same id within the batch are merged. With
   * `onFailure`, an event whose screening throws is handed to it and the batch goes on (the
   * streaming screener dead-letters it); without, the error propagates.
   */
  process(
    events: readonly NormalizedEvent[],
    onFailure?: (event: NormalizedEvent, error: unknown) => void,
  ): Alert[] {
    const batch = new AlertBatch(this.suppressions, (r) => this.recordSuppressed(r));
    const stored = this.state.get<ClockRecord>(keys.clock());
    if (stored) this.tick(stored.watermark);
    if (this.pending) this.lookback(batch);
    for (const event of events) {
      if (!onFailure) this.screen(event, batch);
      else {
        try {
          this.screen(event, batch);
        } catch (error) {
          onFailure(event, error);
        }
      }
    }
    if (this.clock.watermark !== (stored?.watermark ?? ''))
      this.state.put(keys.clock(), { watermark: this.clock.watermark });
    return batch.alerts();
  }

  /** Makes the last batch's state changes durable (after its alerts were delivered). */
  async commit(): Promise<void> {
    await this.state.commit();
    this.inflight = undefined;
  }

  /** Forgets the last batch's uncommitted changes (its delivery failed and it will be retried). */
  rollback(): void {
    this.state.rollback();
    this.pending = mergeLookback(this.pending, this.inflight);
    this.inflight = undefined;
  }

  /**
   * Forgets what the engine holds outside its state (event-time clock, a pending lookback):
   * called after the state was rebuilt from a changelog, whose clock record then rules.
   */
  reset(): void {
    this.clock.watermark = '';
    this.clock.cutoff = '';
    this.clockHour = '';
    this.pending = undefined;
    this.inflight = undefined;
  }

  /** Suppression applications since the last call, oldest first. */
  takeSuppressed(): SuppressionRecord[] {
    const out = this.suppressed;
    this.suppressed = [];
    return out;
  }

  /** The employer of a worker as its latest profile names it (undefined when unknown or not loaded). */
  employerOf(workerId: string): string | undefined {
    const key = keys.worker(workerId);
    if (this.state.missing([key]).length > 0) return undefined;
    return this.state.get<WorkerRecord>(key)?.envelope?.data.employer?.id;
  }

  /** The worker-level view of a set of alerts: per worker and per employer, combined scores. */
  workerView(alerts: readonly Alert[]): { workers: WorkerRisk[]; employers: EmployerRisk[] } {
    return rollUp(alerts, (w) => this.employerOf(w));
  }

  private screen(event: NormalizedEvent, batch: AlertBatch): void {
    this.tick(event.at);
    const facts = observe(this.model, event);
    if (facts.kind === 'retract') {
      if (facts.record) batch.retract(facts.record.eventId);
      return;
    }
    // One context object for every event: rules read it during `evaluate` and keep nothing.
    const ctx = this.ruleContext;
    ctx.tags = this.model.tags;
    ctx.facts = facts;
    ctx.cutoff = this.clock.cutoff;
    const rules = this.rulesByType.get(event.envelope.type) ?? this.rules;
    for (let i = 0; i < rules.length; i++) {
      const alerts = rules[i]!.evaluate(event, ctx);
      for (let j = 0; j < alerts.length; j++) batch.add(alerts[j]!);
    }
  }

  private lookback(batch: AlertBatch): void {
    const plan = this.pending!;
    this.inflight = plan;
    this.pending = undefined;
    for (const { event, facts } of rescreens(this.model, plan)) {
      const ctx: RuleContext = {
        tags: this.model.tags,
        facts,
        cutoff: this.clock.cutoff,
        lookback: true,
        pastEvent: this.pastEvent,
      };
      for (const rule of this.listRules) {
        for (const alert of rule.evaluate(event, ctx))
          batch.add(alert.lookback ? alert : { ...alert, lookback: true });
      }
    }
  }

  /** Advances event time; the retention cutoff moves by whole hours so every mode computes the same one. */
  private tick(at: string): void {
    if (at <= this.clock.watermark) return;
    this.clock.watermark = at;
    if (this.clockHour !== '' && at.startsWith(this.clockHour)) return;
    const hour = at.slice(0, 13);
    this.clockHour = hour;
    this.clock.cutoff = new Date(
      Date.parse(`${hour}:00:00Z`) - this.model.options.retentionMs,
    ).toISOString();
  }

  private readonly pastEvent = (eventId: string): Envelope | undefined =>
    retainedEnvelope(this.model, eventId);

  private recordSuppressed(record: SuppressionRecord): void {
    this.suppressed.push(record);
    this.options.onSuppressed?.(record);
  }
}
