import type { Alert, Evidence } from './alert.ts';
import { mergeAlert } from './merge-alert.ts';
import { type SuppressionRecord, Suppressions } from './suppressions.ts';

/**
 * The alerts of one `process` call: repeats merged by id, suppressed findings recorded
 * instead of kept, and findings dropped when the transfer they rest on is retracted
 * within the same batch.
 */
export class AlertBatch {
  private readonly byId = new Map<string, Alert>();

  constructor(
    private readonly suppressions: Suppressions,
    private readonly onSuppressed: (record: SuppressionRecord) => void,
  ) {}

  add(alert: Alert): void {
    const suppression = this.suppressions.match(alert);
    if (suppression) {
      this.onSuppressed(Suppressions.record(suppression, alert));
      return;
    }
    const open = this.byId.get(alert.id);
    this.byId.set(alert.id, open ? mergeAlert(open, alert) : alert);
  }

  /** Takes a retracted event out of this batch's alerts; an alert resting only on it goes. */
  retract(eventId: string): void {
    for (const [id, alert] of this.byId) {
      if (!alert.eventIds.includes(eventId)) continue;
      const eventIds = alert.eventIds.filter((e) => e !== eventId);
      if (eventIds.length === 0) {
        this.byId.delete(id);
        continue;
      }
      const evidence = alert.evidence.filter(
        (e: Evidence) => e.kind !== 'event' || e.eventId !== eventId,
      );
      this.byId.set(id, { ...alert, eventIds, evidence, count: eventIds.length });
    }
  }

  alerts(): Alert[] {
    return [...this.byId.values()];
  }
}
