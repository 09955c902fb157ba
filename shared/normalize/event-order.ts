import type { NormalizedEvent } from './normalize-event.ts';

/**
 * The one total order of events that every mode screens in: event time, then event id.
 * `flowsentry scan` sorts its inputs by it and the streaming sequencer releases events by
 * it, so both feed the engine the same sequence whatever order files or partitions gave.
 * Ties on time are broken by id, never by arrival, because arrival is what differs.
 */
export function compareEvents(a: NormalizedEvent, b: NormalizedEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  const x = a.envelope.id;
  const y = b.envelope.id;
  return x < y ? -1 : x > y ? 1 : 0;
}
