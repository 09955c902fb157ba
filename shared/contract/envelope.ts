import { type Static, Type } from '@sinclair/typebox';
import { EVENT_DATA, type EventData, type EventType } from './events.ts';
import { Id, Timestamp } from './primitives.ts';

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = 1 as const;

/** The envelope around every message value and every JSONL line, without its data. */
export const EnvelopeHeader = Type.Object({
  type: Type.Union(Object.keys(EVENT_DATA).map((t) => Type.Literal(t))),
  schemaVersion: Type.Literal(SCHEMA_VERSION),
  id: Id,
  occurredAt: Timestamp,
  source: Type.String({ minLength: 1, maxLength: 200 }),
  data: Type.Unknown(),
});

/** A validated event: the envelope with the `data` its type requires. */
export type Envelope<T extends EventType = EventType> = {
  [K in T]: Omit<Static<typeof EnvelopeHeader>, 'type' | 'data'> & { type: K; data: EventData<K> };
}[T];

/** The complete envelope schema for one event type, as published in docs and OpenAPI. */
export function envelopeSchemaFor<T extends EventType>(type: T) {
  return Type.Object({
    ...EnvelopeHeader.properties,
    type: Type.Literal(type),
    data: EVENT_DATA[type],
  });
}
