import type { Alert } from '../../shared/engine/alert.ts';
import type { ReviewState } from '../../shared/ports/review-store/index.ts';
import { SuppressionMatcher } from '../../shared/ports/review-store/index.ts';
import { type AlertView, isPending, overlay, walletKeysOf, workersOf } from './alert-view.ts';
import type { ApiDeps } from './deps.ts';

type CacheDeps = Pick<ApiDeps, 'alerts' | 'review' | 'notifier' | 'logger'>;

/**
 * Every alert with its review state, held in process and reloaded on a timer: screening
 * answers from here without a round trip, and the queue view filters it in memory. Alerts are
 * rare next to events, so a full reload every couple of seconds stays cheap.
 */
export class AlertCache {
  private views = new Map<string, AlertView>();
  private byWallet = new Map<string, Set<string>>();
  private byWorker = new Map<string, Set<string>>();
  private loadedAt = 0;
  private inflight: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly notified = new Set<string>();

  constructor(
    private readonly deps: CacheDeps,
    private readonly now: () => Date,
  ) {}

  /** Reloads everything; concurrent callers share one reload. */
  refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Reloads when the data is older than `maxAgeMs`. */
  async fresh(maxAgeMs: number): Promise<void> {
    if (Date.now() - this.loadedAt >= maxAgeMs) await this.refresh();
  }

  private async load(): Promise<void> {
    const started = Date.now();
    const [alerts, suppressions] = await Promise.all([
      this.deps.alerts.list(),
      this.deps.review.suppressions(),
    ]);
    const states = await this.deps.review.getMany(alerts.map((a) => a.id));
    const matcher = new SuppressionMatcher(suppressions, this.now());
    const views = new Map<string, AlertView>();
    for (const a of alerts) views.set(a.id, overlay(a, states.get(a.id)!, matcher.match(a)));
    this.views = views;
    this.reindex();
    this.loadedAt = started;
    await this.notifyCritical(alerts);
  }

  private reindex(): void {
    this.byWallet = new Map();
    this.byWorker = new Map();
    for (const v of this.views.values()) {
      for (const k of walletKeysOf(v)) add(this.byWallet, k, v.id);
      for (const w of workersOf(v)) add(this.byWorker, w, v.id);
    }
  }

  /** Hands each critical alert to the notifier once per process (the notifier dedupes across processes). */
  private async notifyCritical(alerts: readonly Alert[]): Promise<void> {
    const notifier = this.deps.notifier;
    if (!notifier) return;
    for (const a of alerts) {
      if (a.severity !== 'critical' || this.notified.has(a.id)) continue;
      try {
        await notifier.notify(a);
        this.notified.add(a.id);
      } catch (err) {
        this.deps.logger?.warn(
          { alertId: a.id, err: (err as Error).message },
          'could not queue webhook',
        );
      }
    }
  }

  /** Replaces one alert's review state after a change, without waiting for the next reload. */
  setReview(id: string, state: ReviewState): AlertView | null {
    const v = this.views.get(id);
    if (!v) return null;
    const next = {
      ...v,
      status: state.status,
      assignee: state.assignee,
      disposition: state.disposition,
      escalation: state.escalation,
      reviewVersion: state.version,
      reviewedAt: state.updatedAt,
    };
    this.views.set(id, next);
    return next;
  }

  all(): AlertView[] {
    return [...this.views.values()];
  }

  get(id: string): AlertView | undefined {
    return this.views.get(id);
  }

  /** Alerts involving a wallet (by address key); `pendingOnly` drops closed and suppressed ones. */
  forWallet(key: string, pendingOnly = false): AlertView[] {
    return this.pick(this.byWallet.get(key), pendingOnly);
  }

  /** Alerts involving a worker. */
  forWorker(workerId: string, pendingOnly = false): AlertView[] {
    return this.pick(this.byWorker.get(workerId), pendingOnly);
  }

  private pick(ids: Set<string> | undefined, pendingOnly: boolean): AlertView[] {
    const out: AlertView[] = [];
    for (const id of ids ?? []) {
      const v = this.views.get(id);
      if (v && (!pendingOnly || isPending(v))) out.push(v);
    }
    return out;
  }

  /** Seconds since the last completed reload, for /metrics. */
  ageSeconds(): number {
    return this.loadedAt === 0 ? -1 : (Date.now() - this.loadedAt) / 1000;
  }

  /** Reloads every `ms` until stopped; a failed reload is logged and the old data kept. */
  start(ms: number): void {
    if (ms <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.refresh().catch((err: Error) =>
        this.deps.logger?.warn({ err: err.message }, 'alert cache reload failed'),
      );
    }, ms);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function add(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key);
  if (set) set.add(id);
  else index.set(key, new Set([id]));
}
