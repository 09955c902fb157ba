import { type Alert, SEVERITY_RANK, type Severity } from '../../../shared/engine/alert.ts';
import { RULE_LABELS, SEVERITIES } from './rules.ts';

/** Counts of one rule by severity. */
export interface RuleCount {
  readonly rule: string;
  readonly total: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
}

/** What a set of alerts comes to: by severity, by rule, and who is named. */
export interface AlertSummary {
  readonly total: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Rules with at least one alert, worst first. */
  readonly byRule: readonly RuleCount[];
  readonly workers: number;
  readonly wallets: number;
}

const zero = (): Record<Severity, number> => ({ critical: 0, high: 0, medium: 0, low: 0 });

/** Worst first: standing before withdrawn, then severity, score, the earliest, id (a stable order for every output). */
export function byRisk(a: Alert, b: Alert): number {
  return (
    Number(a.withdrawn === true) - Number(b.withdrawn === true) ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    b.score - a.score ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

/** Counts alerts by severity and rule, and the distinct workers and wallets they name. */
export function summarize(alerts: readonly Alert[]): AlertSummary {
  const bySeverity = zero();
  const rules = new Map<string, Record<Severity, number>>();
  const workers = new Set<string>();
  const wallets = new Set<string>();
  for (const a of alerts) {
    bySeverity[a.severity]++;
    const counts = rules.get(a.rule) ?? zero();
    counts[a.severity]++;
    rules.set(a.rule, counts);
    if (a.subject.workerId) workers.add(a.subject.workerId);
    for (const w of a.related.workers) workers.add(w);
    if (a.subject.address) wallets.add(a.subject.address.toLowerCase());
  }
  const order = Object.keys(RULE_LABELS);
  const byRule = [...rules].map(([rule, counts]) => ({
    rule,
    total: SEVERITIES.reduce((n, s) => n + counts[s], 0),
    bySeverity: counts,
  }));
  byRule.sort(
    (a, b) =>
      worst(b) - worst(a) || b.total - a.total || order.indexOf(a.rule) - order.indexOf(b.rule),
  );
  return { total: alerts.length, bySeverity, byRule, workers: workers.size, wallets: wallets.size };
}

function worst(c: RuleCount): number {
  return Math.max(...SEVERITIES.map((s) => (c.bySeverity[s] > 0 ? SEVERITY_RANK[s] : 0)));
}

/** `17 critical, 26 high, 1 medium` (severities with none left out). */
export function severityText(counts: Readonly<Record<Severity, number>>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.join(', ') || 'none';
}

/** The alert lines of a summary for a terminal: totals, then each rule with its count. */
export function summaryLines(s: AlertSummary): string[] {
  if (s.total === 0) return ['no alerts'];
  const plural = s.total === 1 ? '' : 's';
  return [
    `${s.total} alert${plural} (${severityText(s.bySeverity)}) naming ${s.workers} worker(s) and ${s.wallets} wallet(s)`,
    ...s.byRule.map(
      (r) => `  ${r.rule.padEnd(24)} ${String(r.total).padStart(5)}  ${severityText(r.bySeverity)}`,
    ),
  ];
}
