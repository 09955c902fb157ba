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
  /**
   * Marks the alerts resting on these (retracted) transfer events: the events are listed,
   * a fact is added to the evidence, and an alert left with no standing event is withdrawn.
   * Returns how many alerts changed; marking twice changes nothing.
   */
  markRetracted(retractions: readonly Retraction[]): Promise<number>;
  /** Every alert held, newest first by lastSeenAt. */
  list(): Promise<Alert[]>;
  close(): Promise<void>;
}

/** A transfer a reorg removed: the ids its observation may have had, and why. */
export interface Retraction {
  readonly observedIds: readonly string[];
  readonly note: string;
}

/** Only observed transfers can be retracted, so only their ids are indexed. */
export function isRetractable(eventId: string): boolean {
  return eventId.startsWith('transfer.observed:');
}

/** The alert with a retraction applied, or null when it was already applied. */
export function applyRetraction(alert: Alert, retraction: Retraction): Alert | null {
  const hit = retraction.observedIds.filter((id) => alert.eventIds.includes(id));
  const known = new Set(alert.retractedEventIds ?? []);
  const fresh = hit.filter((id) => !known.has(id));
  if (fresh.length === 0) return null;
  const retractedEventIds = [...known, ...fresh];
  return {
    ...alert,
    retractedEventIds,
    withdrawn: alert.eventIds.every((id) => retractedEventIds.includes(id)),
    evidence: [
      ...alert.evidence,
      { kind: 'fact', label: 'retracted by reorg', value: retraction.note },
    ],
  };
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
