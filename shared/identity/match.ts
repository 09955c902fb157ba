import type { NameCandidate, NameIndex } from './name-index.ts';

/** What a worker profile offers for identity screening. */
export interface IdentityQuery {
  /** Legal name first, then aliases. */
  readonly names: readonly string[];
  readonly dateOfBirth?: string;
  readonly nationality?: string;
}

/**
 * How date of birth and nationality bear on a name match. `near`: a date one day, one month
 * or one year off, or with day and month swapped (the commonest typing errors, and a cheap
 * evasion).
 */
export type Corroboration = 'match' | 'partial' | 'near' | 'mismatch' | 'unknown';

/** A listed person whose name matched, scored with corroboration. */
export interface PersonMatch extends NameCandidate {
  readonly score: number;
  readonly dateOfBirth: Corroboration;
  readonly nationality: Corroboration;
}

/** Thresholds and weights of identity matching (the identity-match rule's config). */
export interface MatchWeights {
  readonly minNameSimilarity: number;
  readonly minScore: number;
  readonly dobMatch: number;
  readonly dobYearMatch: number;
  readonly dobNear: number;
  readonly dobMismatch: number;
  readonly nationalityMatch: number;
  readonly nationalityMismatch: number;
}

// A Map: a nationality given as "constructor" must find nothing.
const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'north korea': 'KP',
    'korea north': 'KP',
    dprk: 'KP',
    "democratic people's republic of korea": 'KP',
    'korea, north': 'KP',
    'south korea': 'KR',
    'korea, south': 'KR',
    china: 'CN',
    russia: 'RU',
  }),
);

/** An ISO 3166 alpha-2 code from a code or a common country name; undefined when unknown. */
export function countryCode(text: string): string | undefined {
  const t = text.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase();
  return COUNTRY_NAMES.get(t.toLowerCase());
}

const DAY_MS = 86_400_000;

/**
 * True when two dates of the same precision are one typing error apart: a day, a month or a
 * year off, or day and month swapped.
 */
function nearDates(a: string, b: string): boolean {
  const year = (d: string) => Number(d.slice(0, 4));
  if (a.length !== b.length) return false;
  if (a.length < 10) return a.slice(4) === b.slice(4) && Math.abs(year(a) - year(b)) === 1;
  const days = Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;
  if (days <= 1) return true;
  if (a.slice(4) === b.slice(4) && Math.abs(year(a) - year(b)) === 1) return true;
  // One month off, the day kept: a month key slipped (1978-03-04 for 1978-02-04).
  const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  if (a.slice(8) === b.slice(8) && Math.abs(month(a) - month(b)) === 1) return true;
  // Day and month swapped: 1978-04-02 written for 1978-02-04.
  return (
    a.slice(0, 4) === b.slice(0, 4) &&
    a.slice(5, 7) === b.slice(8, 10) &&
    a.slice(8, 10) === b.slice(5, 7)
  );
}

/** Compares a claimed date of birth with the listed ones (YYYY, YYYY-MM or YYYY-MM-DD). */
export function compareBirthDates(
  claimed: string | undefined,
  listed: readonly string[] | undefined,
): Corroboration {
  const dates = (listed ?? [])
    .map((d) => d.match(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/)?.[0])
    .filter((d) => d !== undefined);
  if (!claimed || dates.length === 0) return 'unknown';
  if (dates.some((d) => d === claimed && d.length === 10)) return 'match';
  const bothFull = claimed.length === 10 && dates.every((d) => d.length === 10);
  if (!bothFull && dates.some((d) => d.slice(0, 4) === claimed.slice(0, 4))) return 'partial';
  // Compared at the precision both sides have: a listed year against the claimed year.
  const near = dates.some((d) => nearDates(claimed.slice(0, d.length), d));
  return near ? 'near' : 'mismatch';
}

/** Compares a claimed nationality with the listed ones. */
export function compareNationality(
  claimed: string | undefined,
  listed: readonly string[] | undefined,
): Corroboration {
  const codes = (listed ?? []).map(countryCode).filter((c) => c !== undefined);
  if (!claimed || codes.length === 0) return 'unknown';
  return codes.includes(claimed.toUpperCase()) ? 'match' : 'mismatch';
}

function dobWeight(c: Corroboration, w: MatchWeights): number {
  if (c === 'match') return w.dobMatch;
  if (c === 'partial') return w.dobYearMatch;
  if (c === 'near') return w.dobNear;
  return c === 'mismatch' ? w.dobMismatch : 0;
}

/**
 * Listed persons matching a profile. The name decides candidacy; date of birth and
 * nationality then move the score. Nationality weighs little: the workers this hunts
 * claim false nationalities. A date of birth that differs weighs a lot: it is what tells
 * a common name from the listed person.
 */
export function matchPerson(
  index: NameIndex,
  query: IdentityQuery,
  w: MatchWeights,
): PersonMatch[] {
  const out: PersonMatch[] = [];
  for (const c of index.matchPersons(query.names, w.minNameSimilarity)) {
    const dateOfBirth = compareBirthDates(query.dateOfBirth, c.entry.datesOfBirth);
    const nationality = compareNationality(query.nationality, c.entry.nationalities);
    const dob = dobWeight(dateOfBirth, w);
    const nat =
      nationality === 'match'
        ? w.nationalityMatch
        : nationality === 'mismatch'
          ? w.nationalityMismatch
          : 0;
    const score = Math.max(0, Math.min(1, c.similarity + dob + nat));
    // A near date lowers the score (and the severity) but never silences a name that alerts
    // without it: a name one typo off (0.9) with a date a day off would otherwise fall under
    // the line, the very combination a worker hiding from the list would type.
    const gate = dateOfBirth === 'near' ? score - dob : score;
    if (gate >= w.minScore) out.push({ ...c, score, dateOfBirth, nationality });
  }
  return out;
}

/** Listed entities whose name is close to a company name. */
export function matchEntity(index: NameIndex, name: string, minScore: number): NameCandidate[] {
  return index.matchEntities([name], minScore);
}
