import type { Alert } from '../../engine/alert.ts';
import { adds, mergeAlert } from '../../engine/merge-alert.ts';
import {
  type AlertSink,
  applyRetraction,
  byLastSeen,
  type DeliveryResult,
  isRetractable,
  type Retraction,
} from './alert-sink.ts';

/** Alerts held in process, for embedded mode (`scan`, `demo`) and the contract tests. */
export class MemoryAlertSink implements AlertSink {
  private readonly alerts = new Map<string, Alert>();
  /** Observed-transfer event id -> alerts resting on it, for reorg retractions. */
  private readonly byEvent = new Map<string, Set<string>>();

  async deliver(alerts: readonly Alert[]): Promise<DeliveryResult> {
    let created = 0;
    let merged = 0;
    let unchanged = 0;
    for (const alert of alerts) {
      this.index(alert);
      const existing = this.alerts.get(alert.id);
      if (!existing) {
        this.alerts.set(alert.id, alert);
        created++;
      } else if (adds(existing, alert)) {
        this.alerts.set(alert.id, mergeAlert(existing, alert));
        merged++;
      } else unchanged++;
    }
    return { created, merged, unchanged };
  }

  private index(alert: Alert): void {
    for (const id of alert.eventIds.filter(isRetractable)) {
      const ids = this.byEvent.get(id) ?? new Set<string>();
      ids.add(alert.id);
      this.byEvent.set(id, ids);
    }
  }

  async markRetracted(retractions: readonly Retraction[]): Promise<number> {
    let changed = 0;
    for (const r of retractions) {
      const ids = new Set(r.observedIds.flatMap((id) => [...(this.byEvent.get(id) ?? [])]));
      for (const id of ids) {
        const next = applyRetraction(this.alerts.get(id)!, r);
        if (next) {
          this.alerts.set(id, next);
          changed++;
        }
      }
    }
    return changed;
  }

  async get(id: string): Promise<Alert | null> {
    return this.alerts.get(id) ?? null;
  }

  async list(): Promise<Alert[]> {
    return [...this.alerts.values()].sort(byLastSeen);
  }

  async close(): Promise<void> {}
}
