import type { Envelope } from '../../contract/index.ts';
import type { NormalizedEvent } from '../../normalize/index.ts';

/**
 * Where the engine can read a retained event again instead of keeping a copy in its state:
 * embedded mode over files notes where each event's line is (`NormalizedEvent.ref`), so a
 * year of history costs the engine a number per event rather than the event packed.
 * Streaming mode has none: its events are kept packed in the state (`e:` records).
 */
export interface EventArchive {
  /** Notes where `event` can be read again; false when it cannot (its envelope is kept in the state). */
  keep(event: NormalizedEvent): boolean;
  /** The envelope of an event noted here, read again; undefined when it was not noted. */
  read(eventId: string): Envelope | undefined;
  /** Forgets an event (past retention); false when it was not noted here. */
  drop(eventId: string): boolean;
}
