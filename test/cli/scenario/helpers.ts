import type { PlantedCase, Scenario } from '../../../services/cli/scenario/index.ts';
import type { Alert } from '../../../shared/engine/index.ts';
import { Engine, type EngineOptions } from '../../../shared/engine/index.ts';
import { TagIndex } from '../../../shared/lists/tag-index.ts';
import { normalizeEvent } from '../../../shared/normalize/index.ts';
import { MemoryAlertSink } from '../../../shared/ports/alert-sink/index.ts';

/** Runs a scenario through an engine and an in-memory sink, in batches like a streaming fetch. */
export async function screenScenario(
  s: Scenario,
  options: EngineOptions = {},
  batch = 500,
): Promise<Alert[]> {
  const engine = new Engine({ tags: new TagIndex(s.lists), ...options });
  const sink = new MemoryAlertSink();
  const events = s.events.map(normalizeEvent);
  for (let i = 0; i < events.length; i += batch)
    await sink.deliver(engine.process(events.slice(i, i + batch)));
  return sink.list();
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** True when an alert is about a planted (or decoy) case: same rule and same subject. */
export function about(alert: Alert, c: PlantedCase): boolean {
  if (alert.rule !== c.rule) return false;
  if (c.workers)
    return (
      c.workers.filter((w) => alert.related.workers.includes(w) || alert.subject.workerId === w)
        .length >= 2
    );
  if (c.employerId) return alert.subject.employerId === c.employerId;
  if (c.wallet && same(alert.subject.address, c.wallet)) return true;
  if (c.rule === 'consolidation' && c.wallet) return false;
  return (
    c.workerId !== undefined &&
    alert.subject.workerId === c.workerId &&
    (!c.wallet || c.rule === 'payout-wallet-change')
  );
}

/** Every alert that matches no planted case, as "rule subject" lines (empty when precise). */
export function unexpected(alerts: readonly Alert[], planted: readonly PlantedCase[]): string[] {
  return alerts
    .filter((a) => !planted.some((c) => about(a, c)))
    .map(
      (a) =>
        `${a.rule} ${a.subject.address ?? a.subject.workerId ?? a.subject.employerId}: ${a.title}`,
    );
}
