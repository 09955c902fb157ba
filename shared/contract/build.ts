import { createHash } from 'node:crypto';
import type { Envelope } from './envelope.ts';
import type { EventData, EventType } from './events.ts';

/** Derives a stable event id from its natural key, so a re-emitted event keeps its id. */
export function eventId(type: EventType, naturalKey: string): string {
  return `${type}:${createHash('sha256').update(naturalKey).digest('hex').slice(0, 32)}`;
}

/** Builds an envelope of contract v1 (used by generators, the chain watcher and tests). */
export function envelope<T extends EventType>(
  type: T,
  data: EventData<T>,
  meta: { id: string; occurredAt: string; source: string },
): Envelope<T> {
  return {
    type,
    schemaVersion: 1,
    id: meta.id,
    occurredAt: meta.occurredAt,
    source: meta.source,
    data,
  } as Envelope<T>;
}
