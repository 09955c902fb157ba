import type { Alert } from '../../engine/alert.ts';
import { adds, mergeAlert } from '../../engine/merge-alert.ts';
import { type AlertSink, byLastSeen, type DeliveryResult } from './alert-sink.ts';

/** Alerts held in process, for embedded mode (`scan`, `demo`) and the contract tests. */
export class MemoryAlertSink implements AlertSink {
  private readonly alerts = new Map<string, Alert>();

  async deliver(alerts: readonly Alert[]): Promise<DeliveryResult> {
    let created = 0;
    let merged = 0;
    let unchanged = 0;
    for (const alert of alerts) {
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

  async get(id: string): Promise<Alert | null> {
    return this.alerts.get(id) ?? null;
  }

  async list(): Promise<Alert[]> {
    return [...this.alerts.values()].sort(byLastSeen);
  }

  async close(): Promise<void> {}
}
