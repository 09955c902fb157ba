import type { Alert, RuleId, Severity } from '../../../shared/engine/alert.ts';
import { combineScores, severityOf } from '../../../shared/engine/index.ts';
import { byRisk } from './summary.ts';

/** Alerts that hang together through the workers they name: one person, or one network. */
export interface Case {
  readonly workers: readonly string[];
  readonly alerts: readonly Alert[];
  /** Independent findings combined (best score per rule), as the engine rolls workers up. */
  readonly score: number;
  readonly severity: Severity;
  readonly rules: readonly RuleId[];
}

/** Cases, worst first, and the alerts that name no worker and touch no case's wallet. */
export interface CaseView {
  readonly cases: readonly Case[];
  readonly unattached: readonly Alert[];
}

function workersOf(a: Alert): string[] {
  return [...new Set([...(a.subject.workerId ? [a.subject.workerId] : []), ...a.related.workers])];
}

/** Union-find over worker ids: an alert naming several workers joins them into one case. */
function joinWorkers(alerts: readonly Alert[]): Map<string, string> {
  const parent = new Map<string, string>();
  const root = (w: string): string => {
    let r = w;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(w, r);
    return r;
  };
  for (const a of alerts) {
    const ws = workersOf(a);
    for (const w of ws) if (!parent.has(w)) parent.set(w, w);
    for (const w of ws.slice(1)) parent.set(root(w), root(ws[0]!));
  }
  for (const w of parent.keys()) root(w);
  return parent;
}

function makeCase(alerts: Alert[]): Case {
  const best = new Map<RuleId, number>();
  for (const a of alerts) best.set(a.rule, Math.max(best.get(a.rule) ?? 0, a.score));
  const score = combineScores(best.values());
  const workers = [...new Set(alerts.flatMap(workersOf))].sort();
  return {
    workers,
    alerts: alerts.sort(byRisk),
    score,
    severity: severityOf(score),
    rules: [...best.keys()],
  };
}

const walletsOf = (a: Alert) =>
  [a.subject.address, ...a.related.wallets]
    .filter((w): w is string => Boolean(w))
    .map((w) => w.toLowerCase());

/**
 * Groups alerts into cases by the workers they name. An alert about a wallet alone (the
 * collector paying a listed wallet) joins the worst case whose alerts touch that wallet;
 * it never joins two cases together, so a shared hot wallet cannot merge everyone.
 */
export function groupCases(alerts: readonly Alert[]): CaseView {
  const parent = joinWorkers(alerts);
  const groups = new Map<string, Alert[]>();
  const walletOnly: Alert[] = [];
  for (const a of alerts) {
    const ws = workersOf(a);
    if (ws.length === 0) walletOnly.push(a);
    else groups.set(parent.get(ws[0]!)!, [...(groups.get(parent.get(ws[0]!)!) ?? []), a]);
  }
  const cases = [...groups.values()]
    .map(makeCase)
    .sort((a, b) => b.score - a.score || b.workers.length - a.workers.length);
  const unattached: Alert[] = [];
  const touched = cases.map((c) => new Set(c.alerts.flatMap(walletsOf)));
  const extra = cases.map(() => [] as Alert[]);
  for (const a of walletOnly) {
    const i = touched.findIndex(
      (t) => a.subject.address !== undefined && t.has(a.subject.address.toLowerCase()),
    );
    if (i >= 0) extra[i]!.push(a);
    else unattached.push(a);
  }
  const merged = cases.map((c, i) =>
    extra[i]!.length ? makeCase([...c.alerts, ...extra[i]!]) : c,
  );
  merged.sort((a, b) => b.score - a.score || b.workers.length - a.workers.length);
  return { cases: merged, unattached: unattached.sort(byRisk) };
}
