// A wallet's lookback log: the events it retains, oldest first, as one string. Each entry
// is the event time in six characters (epoch ms, offset by 2^47 so earlier dates fit, a
// byte a character, high first), a character giving the length of the event id, and the id
// (at most 200 characters by the contract).
//
// One string instead of a list of two strings per event: the state writes a changed wallet
// at rest (and to the changelog) every round, and a list of 200 entries cost the record
// codec 400 strings, each looked up, measured and packed again on every rewrite, about
// 1 µs apiece; one long string is one native copy (`record-codec.ts`). Entries are only
// appended at the end and dropped from the front (retention, count) or, rarely, by id (a
// retracted transfer).
import { eventTimeMs } from '../../normalize/index.ts';

/** A wallet with no retained event. */
export const NO_ACTIVITY = '';

const TIME_CHARS = 6;
const OFFSET = 2 ** 47;

/** One entry, built once for every wallet that logs the event. */
export function activityEntry(at: string, eventId: string): string {
  let t = eventTimeMs(at) + OFFSET;
  const out = new Array<string>(TIME_CHARS + 2);
  for (let i = TIME_CHARS - 1; i >= 0; i--) {
    out[i] = String.fromCharCode(t % 256);
    t = Math.floor(t / 256);
  }
  out[TIME_CHARS] = String.fromCharCode(eventId.length);
  out[TIME_CHARS + 1] = eventId;
  // Joined, not concatenated: one flat string instead of a chain of pieces.
  return out.join('');
}

/** The entry time at `pos`, as epoch ms offset by 2^47. */
function timeAt(log: string, pos: number): number {
  let t = 0;
  for (let i = 0; i < TIME_CHARS; i++) t = t * 256 + log.charCodeAt(pos + i);
  return t;
}

/** Where the id of the entry at `pos` starts. */
const idStart = (pos: number) => pos + TIME_CHARS + 1;
/** Where the entry after the one at `pos` starts. */
const nextEntry = (log: string, pos: number) => idStart(pos) + log.charCodeAt(pos + TIME_CHARS);

/** A cutoff time as the log writes times; every entry is at or after the empty cutoff. */
function cutoffOf(cutoff: string): number {
  return cutoff === '' ? Number.NEGATIVE_INFINITY : eventTimeMs(cutoff) + OFFSET;
}

/** Ids of the entries at or after `cutoff` (all of them without one), oldest first. */
export function activityIds(log: string, cutoff = ''): string[] {
  const out: string[] = [];
  const from = cutoffOf(cutoff);
  for (let pos = 0; pos < log.length; pos = nextEntry(log, pos))
    if (timeAt(log, pos) >= from) out.push(log.slice(idStart(pos), nextEntry(log, pos)));
  return out;
}

/** What dropping entries from the front left, and the ids whose envelopes can go. */
export interface Trimmed {
  readonly log: string;
  readonly count: number;
  /** Ids of dropped entries before the cutoff (no reader screens them again). */
  readonly expired: string[];
}

/**
 * Drops the oldest entries over `max`, then the ones before `cutoff` that lead the log.
 * Of the dropped ones, those before the cutoff from the front on are expired: an entry
 * dropped over the count may still be within retention, and another wallet may log it.
 */
export function trimActivity(log: string, count: number, max: number, cutoff: string): Trimmed {
  const from = cutoffOf(cutoff);
  const expired: string[] = [];
  let over = Math.max(0, count - max);
  let expiring = true;
  let dropped = 0;
  let pos = 0;
  while (pos < log.length) {
    const old = timeAt(log, pos) < from;
    if (over === 0 && !old) break;
    if (over > 0) over--;
    const next = nextEntry(log, pos);
    expiring &&= old;
    if (expiring) expired.push(log.slice(idStart(pos), next));
    dropped++;
    pos = next;
  }
  if (dropped === 0) return { log, count, expired };
  return { log: log.slice(pos), count: count - dropped, expired };
}

/** The log without the entries of `eventId`, and how many entries are left. */
export function withoutActivity(
  log: string,
  eventId: string,
): { readonly log: string; readonly count: number } {
  const kept: string[] = [];
  for (let pos = 0; pos < log.length; pos = nextEntry(log, pos)) {
    const id = idStart(pos);
    if (nextEntry(log, pos) - id !== eventId.length || !log.startsWith(eventId, id))
      kept.push(log.slice(pos, nextEntry(log, pos)));
  }
  return { log: kept.join(''), count: kept.length };
}

/** A log as earlier versions kept it (a flat list of time, id pairs), in this form. */
export function activityFromPairs(pairs: readonly string[]): string {
  const entries: string[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2)
    entries.push(activityEntry(pairs[i]!, pairs[i + 1]!));
  return entries.join('');
}
