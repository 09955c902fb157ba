import { type Alert, type Evidence, SEVERITY_RANK } from './alert.ts';

function evidenceKey(e: Evidence): string {
  switch (e.kind) {
    case 'event':
      return `event:${e.eventId}`;
    case 'list-entry':
      return `list:${e.listVersion}:${e.entryId}:${e.address ?? ''}`;
    case 'hop-path':
      return `path:${e.hops.map((h) => `${h.from}>${h.to}:${h.txHash ?? ''}`).join('|')}`;
    default:
      return `fact:${e.label}:${e.value}`;
  }
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** True when every event of `incoming` is already part of `existing` (a redelivery). */
export function adds(existing: Alert, incoming: Alert): boolean {
  const known = new Set(existing.eventIds);
  return incoming.eventIds.some((id) => !known.has(id));
}

/**
 * The subject of a merged alert: the open alert's, with the worker a repeat names when it
 * named none (money from a listed wallet into a wallet that became a worker's later).
 */
function subjectOf(existing: Alert, incoming: Alert): Alert['subject'] {
  const workerId = incoming.subject.workerId;
  if (existing.subject.workerId !== undefined || workerId === undefined) return existing.subject;
  return { ...existing.subject, workerId };
}

/**
 * Merges a repeat of a finding into the alert already open: evidence and related ids are
 * unioned, times widened, severity and score kept at their highest. The review state of
 * `existing` (status, assignee, disposition) is never touched.
 */
export function mergeAlert(existing: Alert, incoming: Alert): Alert {
  const seen = new Set(existing.evidence.map(evidenceKey));
  const evidence = [
    ...existing.evidence,
    ...incoming.evidence.filter((e) => !seen.has(evidenceKey(e))),
  ];
  const eventIds = union(existing.eventIds, incoming.eventIds);
  const higher = SEVERITY_RANK[incoming.severity] > SEVERITY_RANK[existing.severity];
  return {
    ...existing,
    subject: subjectOf(existing, incoming),
    severity: higher ? incoming.severity : existing.severity,
    score: Math.max(existing.score, incoming.score),
    title: higher ? incoming.title : existing.title,
    evidence,
    eventIds,
    count: eventIds.length,
    related: {
      workers: union(existing.related.workers, incoming.related.workers),
      wallets: union(existing.related.wallets, incoming.related.wallets),
      payouts: union(existing.related.payouts, incoming.related.payouts),
    },
    createdAt: existing.createdAt < incoming.createdAt ? existing.createdAt : incoming.createdAt,
    lastSeenAt:
      existing.lastSeenAt > incoming.lastSeenAt ? existing.lastSeenAt : incoming.lastSeenAt,
  };
}
