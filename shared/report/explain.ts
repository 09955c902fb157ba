import type { Alert, Evidence } from '../engine/alert.ts';

function evidenceLine(e: Evidence): string {
  switch (e.kind) {
    case 'event':
      return `event ${e.eventId} at ${e.occurredAt}: ${e.summary}`;
    case 'list-entry':
      return `listed: ${e.name} (${e.source} entry ${e.entryId}, programs ${e.programs.join(', ') || 'none'}, list version ${e.listVersion})${e.address ? ` names ${e.address}` : ''}`;
    case 'hop-path':
      return `path on ${e.chain}, exposure ${(e.exposure * 100).toFixed(1)}%: ${e.hops.map((h) => `${h.from} -> ${h.to} (${h.amount})`).join(', ')}`;
    default:
      return `${e.label}: ${e.value}`;
  }
}

/** A few lines a person can read: what was found, about whom, and the evidence for it. */
export function explainAlert(alert: Alert): string {
  const subject = [
    alert.subject.kind,
    alert.subject.chain,
    alert.subject.address,
    alert.subject.workerId && `worker ${alert.subject.workerId}`,
  ]
    .filter(Boolean)
    .join(' ');
  return [
    `[${alert.severity.toUpperCase()} ${alert.score}] ${alert.title}`,
    `  rule ${alert.rule}, alert ${alert.id}${alert.lookback ? ' (lookback)' : ''}`,
    `  subject: ${subject}`,
    `  seen ${alert.count}x from ${alert.createdAt} to ${alert.lastSeenAt}`,
    ...alert.evidence.map((e) => `  - ${evidenceLine(e)}`),
  ].join('\n');
}
