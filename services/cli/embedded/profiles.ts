import type { NormalizedEvent } from '../../../shared/normalize/index.ts';

/** Legal names by worker id, from the latest profile of each worker among the events (for reports). */
export function workerNames(events: readonly NormalizedEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { envelope } of events) {
    if (envelope.type === 'worker.upserted')
      names.set(envelope.data.workerId, envelope.data.legalName);
  }
  return names;
}

/** Counts of events by type, for summaries (`300 profiles, 3,600 payouts, ...`). */
export function countByType(events: readonly NormalizedEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { envelope } of events)
    counts.set(envelope.type, (counts.get(envelope.type) ?? 0) + 1);
  return counts;
}
