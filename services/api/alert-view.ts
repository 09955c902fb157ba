import type { Alert } from '../../shared/engine/alert.ts';
import { SEVERITY_RANK } from '../../shared/engine/alert.ts';
import type { ReviewState, Suppression } from '../../shared/ports/review-store/index.ts';
import { walletKey } from '../../shared/ports/review-store/index.ts';

/** An alert as the API shows it: the queue's finding with its review state laid over it. */
export interface AlertView extends Omit<Alert, 'disposition'> {
  readonly disposition: ReviewState['disposition'];
  readonly escalation: ReviewState['escalation'];
  readonly reviewVersion: number;
  readonly reviewedAt: string | null;
  readonly suppressed: Suppression | null;
}

/** The queue row: an alert view without its evidence, which only the detail route returns. */
export type AlertSummary = Omit<AlertView, 'evidence' | 'eventIds'> & {
  readonly evidenceCount: number;
};

/** Lays review state and suppression over the finding; the sink's own status fields are ignored. */
export function overlay(
  alert: Alert,
  review: ReviewState,
  suppressed: Suppression | null,
): AlertView {
  return {
    ...alert,
    status: review.status,
    assignee: review.assignee,
    disposition: review.disposition,
    escalation: review.escalation,
    reviewVersion: review.version,
    reviewedAt: review.updatedAt,
    suppressed,
  };
}

/** The list form of a view. */
export function summarize(view: AlertView): AlertSummary {
  const { evidence, eventIds: _ids, ...rest } = view;
  return { ...rest, evidenceCount: evidence.length };
}

/** Address keys an alert involves: its subject wallet and every related wallet. */
export function walletKeysOf(alert: Pick<Alert, 'subject' | 'related'>): string[] {
  const keys = alert.related.wallets.map((w) => walletKey(w));
  if (alert.subject.address) keys.push(walletKey(alert.subject.address, alert.subject.chain));
  return [...new Set(keys)];
}

/** Worker ids an alert involves. */
export function workersOf(alert: Pick<Alert, 'subject' | 'related'>): string[] {
  const ids = [...alert.related.workers];
  if (alert.subject.workerId) ids.push(alert.subject.workerId);
  return [...new Set(ids)];
}

/** Still needs someone: not closed and not suppressed. */
export function isPending(view: AlertView): boolean {
  return view.status !== 'closed' && view.suppressed === null;
}

/** Sort orders of the queue. */
export const SORTS = ['priority', 'lastSeen', 'createdAt', 'score', 'count'] as const;
export type SortKey = (typeof SORTS)[number];

const byTime = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ascending comparators; `priority` is severity, then score, then the latest activity. */
export const COMPARE: Readonly<Record<SortKey, (a: AlertView, b: AlertView) => number>> = {
  priority: (a, b) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.score - b.score ||
    byTime(a.lastSeenAt, b.lastSeenAt),
  lastSeen: (a, b) => byTime(a.lastSeenAt, b.lastSeenAt),
  createdAt: (a, b) => byTime(a.createdAt, b.createdAt),
  score: (a, b) => a.score - b.score,
  count: (a, b) => a.count - b.count,
};
