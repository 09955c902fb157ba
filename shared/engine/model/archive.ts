import type { Envelope } from '../../contract/index.ts';
import type { NormalizedEvent } from '../../normalize/index.ts';

/**
 * Where the engine can read a retained event again instead of keeping a copy in its state:
 * embedded mode over files notes where each event's line is (`NormalizedEvent.ref`), so a
 * year of history costs the engine a number per event rather than the event packed; the
 * wallet's lookback log holds that number (see `activity.ts`). Streaming mode has none: its
 * events are kept packed in the state (`e:` records).
 */
export interface EventArchive {
  /** Where `event` can be read again (a whole number below 2^53), or undefined when it cannot (its envelope is kept in the state). */
  placeOf(event: NormalizedEvent): number | undefined;
  /** The envelope of the event at a place `placeOf` gave, read again. */
  read(place: number): Envelope;
}
