import type { Alert } from '../../engine/alert.ts';

/** What a delivery did, alert by alert. */
export interface DeliveryResult {
  /** New alerts. */
  readonly created: number;
  /** Repeats merged into an alert already there (new events or evidence). */
  readonly merged: number;
  /** Redeliveries that added nothing. */
  readonly unchanged: number;
}

/**
 * The alert sink port: where findings go. Delivery is idempotent: an alert whose id exists
 * is merged into it, and one whose events are all known already changes nothing.
 */
export interface AlertSink {
  deliver(alerts: readonly Alert[]): Promise<DeliveryResult>;
  get(id: string): Promise<Alert | null>;
  /** Every alert held, newest first by lastSeenAt. */
  list(): Promise<Alert[]>;
  close(): Promise<void>;
}

/** Priority of a severity in the queue: lower is served first. */
export const SEVERITY_PRIORITY: Readonly<Record<Alert['severity'], number>> = {
  critical: 1,
  high: 2,
  medium: 3,
  low: 4,
};

/** Newest first, then by id, so listings are stable. */
export function byLastSeen(a: Alert, b: Alert): number {
  return a.lastSeenAt === b.lastSeenAt
    ? a.id.localeCompare(b.id)
    : a.lastSeenAt < b.lastSeenAt
      ? 1
      : -1;
}
