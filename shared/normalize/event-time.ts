import { InvalidEventError } from '../errors.ts';

// Event times are read on every event: `Date.parse` costs about half a microsecond and a
// `toISOString` as much again. A time already in the canonical UTC form
// (`YYYY-MM-DDThh:mm:ss.mmmZ`, what every producer writes) is read digit by digit against
// its day, parsed once; anything else goes through `Date.parse` as before.

/** The last day read (`YYYY-MM-DDT`) and its epoch ms; events in time order share it. */
let day = '\u0000';
let dayMs = 0;

/** The two or three digits at `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, len: number): number {
  let x = 0;
  for (let i = at; i < at + len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
}

/** Epoch ms of a real day `YYYY-MM-DDT` (one that reads back the same), else NaN. */
function dayStart(prefix: string): number {
  const ms = Date.parse(`${prefix}00:00:00.000Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 11) !== prefix) return Number.NaN;
  return ms;
}

/** Epoch ms of a time in canonical UTC form, or NaN when it is not in that form. */
export function canonicalMs(t: string): number {
  if (t.length !== 24 || t.charCodeAt(23) !== 90 || t.charCodeAt(10) !== 84) return Number.NaN;
  if (t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58 || t.charCodeAt(19) !== 46)
    return Number.NaN;
  const h = digits(t, 11, 2);
  const m = digits(t, 14, 2);
  const s = digits(t, 17, 2);
  const ms = digits(t, 20, 3);
  if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || ms < 0) return Number.NaN;
  if (!t.startsWith(day)) {
    const prefix = t.slice(0, 11);
    const start = dayStart(prefix);
    if (Number.isNaN(start)) return Number.NaN;
    day = prefix;
    dayMs = start;
  }
  return dayMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
}

/** Epoch ms of an event time (`NormalizedEvent.at`); the same number `Date.parse` gives. */
export function eventTimeMs(at: string): number {
  const ms = canonicalMs(at);
  return Number.isNaN(ms) ? Date.parse(at) : ms;
}

/** occurredAt as UTC ISO; InvalidEventError when it is no real date. */
export function utcTime(occurredAt: string): string {
  // Already canonical: it is its own UTC ISO form.
  if (!Number.isNaN(canonicalMs(occurredAt))) return occurredAt;
  const time = Date.parse(occurredAt);
  if (Number.isNaN(time)) throw new InvalidEventError(`occurredAt: not a real date ${occurredAt}`);
  return new Date(time).toISOString();
}
