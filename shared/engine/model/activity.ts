import { eventTimeMs } from '../../normalize/index.ts';

// A wallet's lookback log (`WalletRecord.activity`) comes in one of two forms, fixed by the
// engine that writes it:
// - without an archive (streaming), pairs of strings: event time, event id; the state keeps
//   the envelope under the id, and the record codec writes the pairs as they are;
// - with an archive (`flowsentry scan` over files), one short string an event, its entry:
//   a mark, the event time as epoch ms in 7 bytes, then where the archive reads the event
//   again (7 bytes) or, for an event it cannot read again, the event id. A pair cost some
//   128 bytes of heap an event (two strings and two slots), an entry 40, and the archive
//   needs no table from ids to places of its own.
// Entries are what `eventsOf` hands out and `retainedEnvelope` takes back: in a scan, the
// "id" of a retained event is its entry. An entry's first character is a control character,
// which no event time starts with, so a log tells its form itself.

/** Entry mark: the archive reads the event again at the place that follows the time. */
const PLACED = 1;
/** Entry mark: the state holds the envelope under the id that follows the time. */
const HELD = 2;
const TIME_AT = 1;
const TAIL_AT = 8;
/** Times are stored offset by this, so any date of the contract (years 0000-9999) is positive and exact. */
const TIME_BIAS = 2 ** 52;

/** Byte `i` (0 = most significant) of the 7-byte form of a whole number below 2^53. */
function byteOf(n: number, i: number): number {
  return Math.floor(n / 2 ** (8 * (6 - i))) & 255;
}

function read7(s: string, at: number): number {
  const hi = (s.charCodeAt(at) << 16) | (s.charCodeAt(at + 1) << 8) | s.charCodeAt(at + 2);
  const lo =
    ((s.charCodeAt(at + 3) << 24) |
      (s.charCodeAt(at + 4) << 16) |
      (s.charCodeAt(at + 5) << 8) |
      s.charCodeAt(at + 6)) >>>
    0;
  return hi * 2 ** 32 + lo;
}

function biasedTime(at: string): number {
  const t = eventTimeMs(at) + TIME_BIAS;
  if (!(t >= 0 && t < 2 ** 53)) throw new RangeError(`event time out of range: ${at}`);
  return t;
}

/** The entry of an event the archive reads again at `place` (a whole number below 2^53). */
export function placedEntry(at: string, place: number): string {
  if (!(Number.isSafeInteger(place) && place >= 0)) throw new RangeError(`bad place ${place}`);
  const t = biasedTime(at);
  // One call with every character: a single flat one-byte string (joining parts of 13
  // characters or more would leave a rope of three strings).
  return String.fromCharCode(
    PLACED,
    byteOf(t, 0),
    byteOf(t, 1),
    byteOf(t, 2),
    byteOf(t, 3),
    byteOf(t, 4),
    byteOf(t, 5),
    byteOf(t, 6),
    byteOf(place, 0),
    byteOf(place, 1),
    byteOf(place, 2),
    byteOf(place, 3),
    byteOf(place, 4),
    byteOf(place, 5),
    byteOf(place, 6),
  );
}

/** The entry of an event whose envelope the state holds under `id`. */
export function heldEntry(at: string, id: string): string {
  const t = biasedTime(at);
  const time = [0, 1, 2, 3, 4, 5, 6].map((i) => byteOf(t, i));
  return String.fromCharCode(HELD, ...time) + id;
}

/** True when a log holds entries (one string an event) rather than time/id pairs. */
export function isEntryLog(log: readonly string[]): boolean {
  const mark = log.length === 0 ? 0 : log[0]!.charCodeAt(0);
  return mark === PLACED || mark === HELD;
}

/** An entry's event time in epoch ms. */
export function entryTime(entry: string): number {
  return read7(entry, TIME_AT) - TIME_BIAS;
}

/** Where the archive reads an entry's event again; undefined for an entry of a held envelope. */
export function entryPlace(entry: string): number | undefined {
  return entry.charCodeAt(0) === PLACED ? read7(entry, TAIL_AT) : undefined;
}

/** The event id of an entry of a held envelope; undefined for an entry the archive reads. */
export function entryHeldId(entry: string): string | undefined {
  return entry.charCodeAt(0) === HELD ? entry.slice(TAIL_AT) : undefined;
}

/** The last cutoff converted, and its value: the cutoff moves once an hour of event time. */
let lastCutoff = '';
let lastCutoffMs = Number.NEGATIVE_INFINITY;

/**
 * A cutoff (ISO time, or '' for none) in epoch ms, to compare with entry times. Remembered:
 * a busy wallet trims on every append, and converting the cutoff each time (a day other than
 * the events', which `eventTimeMs` remembers one of) cost the scan some 10% of its CPU.
 */
export function cutoffMs(cutoff: string): number {
  if (cutoff !== lastCutoff) {
    lastCutoffMs = cutoff === '' ? Number.NEGATIVE_INFINITY : eventTimeMs(cutoff);
    lastCutoff = cutoff;
  }
  return lastCutoffMs;
}
