import {
  applyCommand,
  type CasBackend,
  type ReviewResult,
  type ReviewStore,
  type SuppressionWrite,
  suppressVia,
  unsuppressVia,
} from './review-store.ts';
import {
  type Actor,
  type AuditEntry,
  INITIAL_REVIEW,
  type ReviewCommand,
  type ReviewState,
  type ScreeningRecord,
  type Suppression,
} from './types.ts';

/** Review state in process: embedded mode, the demo and the contract tests. */
export class MemoryReviewStore implements ReviewStore, CasBackend {
  private readonly states = new Map<string, ReviewState>();
  private readonly trails = new Map<string, AuditEntry[]>();
  private readonly suppressionsById = new Map<string, Suppression>();
  private readonly screeningLog: ScreeningRecord[] = [];

  constructor(private readonly maxScreenings = 100_000) {}

  async read(alertId: string): Promise<ReviewState> {
    return this.states.get(alertId) ?? INITIAL_REVIEW;
  }

  async compareAndSet(
    alertId: string,
    expected: number,
    next: ReviewState,
    entry: AuditEntry,
    extra?: SuppressionWrite,
  ): Promise<boolean> {
    if ((this.states.get(alertId)?.version ?? 0) !== expected) return false;
    this.states.set(alertId, next);
    const trail = this.trails.get(alertId);
    if (trail) trail.push(entry);
    else this.trails.set(alertId, [entry]);
    if (extra && 'put' in extra) this.suppressionsById.set(extra.put.id, extra.put);
    if (extra && 'remove' in extra) this.suppressionsById.delete(extra.remove);
    return true;
  }

  get(alertId: string): Promise<ReviewState> {
    return this.read(alertId);
  }

  async getMany(alertIds: readonly string[]): Promise<Map<string, ReviewState>> {
    return new Map(alertIds.map((id) => [id, this.states.get(id) ?? INITIAL_REVIEW]));
  }

  apply(
    alertId: string,
    command: ReviewCommand,
    actor: Actor,
    at = new Date(),
  ): Promise<ReviewResult> {
    return applyCommand(this, alertId, command, actor, at);
  }

  async audit(alertId: string): Promise<AuditEntry[]> {
    return [...(this.trails.get(alertId) ?? [])];
  }

  addSuppression(suppression: Suppression, actor: Actor): Promise<ReviewResult> {
    return suppressVia(this, suppression, actor);
  }

  async removeSuppression(id: string, actor: Actor, at = new Date()): Promise<boolean> {
    const s = this.suppressionsById.get(id);
    return s ? unsuppressVia(this, s, actor, at) : false;
  }

  async suppressions(): Promise<Suppression[]> {
    return [...this.suppressionsById.values()].sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
  }

  async recordScreening(record: ScreeningRecord): Promise<void> {
    this.screeningLog.push(record);
    // Same bound as the Redis stream's MAXLEN, so a long run cannot grow without end.
    if (this.screeningLog.length > this.maxScreenings) this.screeningLog.shift();
  }

  async screenings(limit: number): Promise<ScreeningRecord[]> {
    return this.screeningLog.slice(-limit).reverse();
  }

  async close(): Promise<void> {}
}
