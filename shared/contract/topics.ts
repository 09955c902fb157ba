import type { EventType } from './events.ts';

/** The role of an input topic (its name is configured: FLOWSENTRY_TOPIC_*). */
export type TopicRole = 'payroll' | 'transfers' | 'intel';

/**
 * The event types each input topic may carry. Only the payroll platform speaks for workers and
 * payouts, only the chain watcher for transfers, only intel feeds for reports: a transfer
 * retraction arriving on the intel topic must not withdraw an alert.
 */
export const TOPIC_EVENT_TYPES: Readonly<Record<TopicRole, readonly EventType[]>> = Object.freeze({
  payroll: Object.freeze(['worker.upserted', 'payout.requested', 'payout.executed'] as const),
  transfers: Object.freeze(['transfer.observed', 'transfer.retracted'] as const),
  intel: Object.freeze(['extortion.reported'] as const),
});

/** True when an event of `type` may arrive on a topic of `role`. */
export function topicMayCarry(role: TopicRole, type: EventType): boolean {
  // hasOwn: a role read from outside must not reach Object.prototype.
  return Object.hasOwn(TOPIC_EVENT_TYPES, role) && TOPIC_EVENT_TYPES[role].includes(type);
}
