import type { AlertStatus } from '../../shared/engine/alert.ts';
import { walletKey } from '../../shared/ports/review-store/index.ts';
import {
  type AlertSummary,
  type AlertView,
  COMPARE,
  summarize,
  walletKeysOf,
  workersOf,
} from './alert-view.ts';
import { type AlertQuery, count } from './schemas.ts';

/** One page of the queue. */
export interface AlertPage {
  readonly items: AlertSummary[];
  readonly total: number;
  /** Alerts by status under every filter but the status one: the queue's tabs. */
  readonly counts: Record<AlertStatus, number>;
  readonly limit: number;
  readonly offset: number;
}

type Predicate = (v: AlertView) => boolean;

const oneOf = (csv: string | undefined, pick: (v: AlertView) => string): Predicate | null => {
  if (!csv) return null;
  const allowed = new Set(csv.split(','));
  return (v) => allowed.has(pick(v));
};

/** The predicates a query asks for; absent filters add none. */
function predicates(q: AlertQuery): Predicate[] {
  const out: (Predicate | null)[] = [
    oneOf(q.rule, (v) => v.rule),
    oneOf(q.severity, (v) => v.severity),
    q.worker ? (v) => workersOf(v).includes(q.worker!) : null,
    q.wallet ? walletFilter(q.wallet) : null,
    q.assignee ? (v) => v.assignee === q.assignee : null,
    q.from ? (v) => Date.parse(v.lastSeenAt) >= Date.parse(q.from!) : null,
    q.to ? (v) => Date.parse(v.createdAt) <= Date.parse(q.to!) : null,
    suppressedFilter(q.suppressed ?? 'exclude'),
    q.q ? textFilter(q.q) : null,
  ];
  return out.filter((p): p is Predicate => p !== null);
}

function walletFilter(address: string): Predicate {
  const key = walletKey(address);
  return (v) => walletKeysOf(v).includes(key);
}

function suppressedFilter(mode: 'exclude' | 'include' | 'only'): Predicate | null {
  if (mode === 'include') return null;
  return mode === 'only' ? (v) => v.suppressed !== null : (v) => v.suppressed === null;
}

function textFilter(text: string): Predicate {
  const needle = text.toLowerCase();
  return (v) => v.title.toLowerCase().includes(needle) || v.id.toLowerCase().includes(needle);
}

/** Filters, sorts (priority, newest first by default) and pages the queue. */
export function queryAlerts(views: readonly AlertView[], q: AlertQuery): AlertPage {
  const tests = predicates(q);
  const counts: Record<AlertStatus, number> = { open: 0, in_review: 0, escalated: 0, closed: 0 };
  const byStatus = oneOf(q.status, (v) => v.status) ?? (() => true);
  const matching: AlertView[] = [];
  for (const v of views) {
    if (!tests.every((t) => t(v))) continue;
    counts[v.status]++;
    if (byStatus(v)) matching.push(v);
  }
  const compare = COMPARE[q.sort ?? 'priority'];
  const sign = (q.order ?? 'desc') === 'desc' ? -1 : 1;
  matching.sort((a, b) => sign * compare(a, b) || a.id.localeCompare(b.id));
  const limit = count(q.limit, 'limit', 50, 1, 500);
  const offset = count(q.offset, 'offset', 0, 0, 1_000_000);
  return {
    items: matching.slice(offset, offset + limit).map(summarize),
    total: matching.length,
    counts,
    limit,
    offset,
  };
}
