import type { Alert, RuleId, Severity } from './alert.ts';
import { clampScore, severityOf } from './scoring.ts';

/** One worker's risk: every alert that names them, combined. */
export interface WorkerRisk {
  readonly workerId: string;
  readonly employerId?: string;
  /** Combined 0-100: independent findings add up (1 - product of 1 - score). */
  readonly score: number;
  readonly severity: Severity;
  readonly rules: readonly RuleId[];
  readonly alertIds: readonly string[];
}

/** One employer's risk: its riskiest workers and direct findings about it. */
export interface EmployerRisk {
  readonly employerId: string;
  readonly score: number;
  readonly severity: Severity;
  readonly workers: readonly string[];
  readonly rules: readonly RuleId[];
  readonly alertIds: readonly string[];
}

/** Combines scores as independent evidence: two 50s give 75, never more than 100. */
export function combineScores(scores: Iterable<number>): number {
  let clear = 1;
  for (const s of scores) clear *= 1 - Math.min(100, Math.max(0, s)) / 100;
  return clampScore(100 * (1 - clear));
}

function groupBy(
  alerts: readonly Alert[],
  keysOf: (a: Alert) => readonly string[],
): Map<string, Alert[]> {
  const out = new Map<string, Alert[]>();
  for (const a of alerts) {
    for (const k of new Set(keysOf(a))) {
      const list = out.get(k);
      if (list) list.push(a);
      else out.set(k, [a]);
    }
  }
  return out;
}

/** Per rule the highest score: repeats of one rule are one finding, not many. */
function bestPerRule(alerts: readonly Alert[]): Map<RuleId, number> {
  const best = new Map<RuleId, number>();
  for (const a of alerts) best.set(a.rule, Math.max(best.get(a.rule) ?? 0, a.score));
  return best;
}

/**
 * Rolls alerts up to workers (the subject worker and every related worker) and to
 * employers. An employer scores its three riskiest workers and findings about itself,
 * so one large client with many ordinary alerts does not outrank a front company.
 */
export function rollUp(
  alerts: readonly Alert[],
  employerOf: (workerId: string) => string | undefined = () => undefined,
): { workers: WorkerRisk[]; employers: EmployerRisk[] } {
  const byWorker = groupBy(alerts, (a) => [
    ...(a.subject.workerId ? [a.subject.workerId] : []),
    ...a.related.workers,
  ]);
  const workers: WorkerRisk[] = [...byWorker].map(([workerId, list]) => {
    const best = bestPerRule(list);
    const score = combineScores(best.values());
    const employerId = employerOf(workerId);
    return {
      workerId,
      ...(employerId ? { employerId } : {}),
      score,
      severity: severityOf(score),
      rules: [...best.keys()],
      alertIds: list.map((a) => a.id),
    };
  });
  workers.sort((a, b) => b.score - a.score || a.workerId.localeCompare(b.workerId));
  return { workers, employers: employers(alerts, workers) };
}

function employers(alerts: readonly Alert[], workers: readonly WorkerRisk[]): EmployerRisk[] {
  const direct = groupBy(alerts, (a) => (a.subject.employerId ? [a.subject.employerId] : []));
  const staff = new Map<string, WorkerRisk[]>();
  for (const w of workers)
    if (w.employerId) staff.set(w.employerId, [...(staff.get(w.employerId) ?? []), w]);
  const ids = new Set([...direct.keys(), ...staff.keys()]);
  const out = [...ids].map((employerId) => {
    const own = direct.get(employerId) ?? [];
    const top = (staff.get(employerId) ?? []).slice(0, 3);
    const score = combineScores([...bestPerRule(own).values(), ...top.map((w) => w.score)]);
    return {
      employerId,
      score,
      severity: severityOf(score),
      workers: (staff.get(employerId) ?? []).map((w) => w.workerId),
      rules: [...new Set([...own.map((a) => a.rule), ...top.flatMap((w) => w.rules)])],
      alertIds: [...new Set([...own.map((a) => a.id), ...top.flatMap((w) => w.alertIds)])],
    };
  });
  return out.sort((a, b) => b.score - a.score || a.employerId.localeCompare(b.employerId));
}
