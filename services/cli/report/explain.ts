import type { Alert, Evidence } from '../../../shared/engine/alert.ts';
import { ruleLabel } from './rules.ts';

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

/** What a reader needs first: the list entry, then the path, then facts, then the events. */
const KIND_ORDER: Readonly<Record<Evidence['kind'], number>> = {
  'list-entry': 0,
  'hop-path': 1,
  fact: 2,
  event: 3,
};

/** How much of an explanation to print. */
export interface ExplainOptions {
  /** At most this many evidence lines, the most telling kinds first, then "... N more". */
  readonly maxEvidence?: number;
  /** Worker names to show next to worker ids. */
  readonly names?: ReadonlyMap<string, string>;
}

function subjectLine(alert: Alert, names?: ReadonlyMap<string, string>): string {
  const s = alert.subject;
  const worker =
    s.workerId &&
    `worker ${s.workerId}${names?.get(s.workerId) ? ` (${names.get(s.workerId)})` : ''}`;
  const wallet = s.address && `wallet ${s.chain ? `${s.chain} ` : ''}${s.address}`;
  const employer = s.employerId && `employer ${s.employerId}`;
  const parts =
    s.kind === 'worker'
      ? [worker, wallet]
      : s.kind === 'employer'
        ? [employer, worker]
        : [wallet, worker];
  return parts.filter(Boolean).join(', ');
}

function evidenceLines(alert: Alert, max: number | undefined): string[] {
  if (max === undefined) return alert.evidence.map((e) => `  - ${evidenceLine(e)}`);
  const ordered = [...alert.evidence].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const lines = ordered.slice(0, max).map((e) => `  - ${evidenceLine(e)}`);
  if (ordered.length > max)
    lines.push(`  - ... ${ordered.length - max} more (all of them in the report)`);
  return lines;
}

/** A few lines a person can read: what was found, about whom, and the evidence for it. */
export function explainAlert(alert: Alert, options: ExplainOptions = {}): string {
  return [
    `[${alert.severity.toUpperCase()} ${alert.score}] ${alert.title}`,
    `  rule ${alert.rule} (${ruleLabel(alert.rule).looksFor}), alert ${alert.id}${alert.lookback ? ' (lookback)' : ''}${alert.withdrawn ? ' (withdrawn: its events left the chain)' : ''}`,
    `  subject: ${subjectLine(alert, options.names)}`,
    `  seen ${alert.count}x from ${alert.createdAt} to ${alert.lastSeenAt}`,
    ...evidenceLines(alert, options.maxEvidence),
  ].join('\n');
}
