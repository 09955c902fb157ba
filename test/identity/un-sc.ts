import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ListEntry } from '../../shared/lists/types.ts';
import type { LabelledPair } from './labelled.ts';

/** One UN Security Council listed person: the listed name and what the list publishes beside it. */
export interface UnPerson {
  readonly reference: string;
  readonly name: string;
  /** Aliases the list marks of good quality (its own spelling variants; some are other names). */
  readonly spellings: readonly string[];
  /** The name in its original script (Arabic, Hangul, Cyrillic...), when given. */
  readonly originalScript?: string;
  readonly datesOfBirth: readonly string[];
}

const FILE = 'test/fixtures/names/un_sc_persons.csv';

/** The persons of the UN SC consolidated list sample (test/fixtures/names/README.md). */
export function unPersons(file = FILE): UnPerson[] {
  const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    reference: r.reference!,
    name: r.name!,
    spellings: (r.spellings ?? '').split(' | ').filter(Boolean),
    originalScript: r.original_script || undefined,
    datesOfBirth: (r.dates_of_birth ?? '').split(' ').filter(Boolean),
  }));
}

/** A UN person as a list entry: the listed name only, so every published variant is a query. */
export function unEntry(p: UnPerson): ListEntry {
  return {
    source: 'un-sc',
    entryId: p.reference,
    name: p.name,
    aliases: [],
    kind: 'person',
    programs: [],
    category: 'sanctions',
    addresses: [],
    datesOfBirth: p.datesOfBirth,
  };
}

/** Each published spelling and original-script name against the listed name: all positives. */
export function unPairs(persons: readonly UnPerson[] = unPersons()): LabelledPair[] {
  return persons.flatMap((p) => [
    ...p.spellings.map((s) => ({ group: 'un_sc/spelling', query: s, listed: p.name, match: true })),
    ...(p.originalScript
      ? [{ group: 'un_sc/original_script', query: p.originalScript, listed: p.name, match: true }]
      : []),
  ]);
}

/** What screening every published variant against the whole UN sample found. */
export interface UnScreening {
  readonly queries: number;
  /** Queries that found their own listed person. */
  readonly found: number;
  /** Queries that alerted on some other listed person. */
  readonly otherHits: number;
  readonly missed: readonly LabelledPair[];
  readonly others: readonly string[];
}

/** Screens each variant against an index of every listed UN name (one spelling per person). */
export function screenUnVariants(
  persons: readonly UnPerson[],
  match: (name: string) => readonly { entryId: string; listedName: string }[],
): UnScreening {
  const byName = new Map(persons.map((p) => [p.name, p.reference]));
  const pairs = unPairs(persons);
  const missed: LabelledPair[] = [];
  const others: string[] = [];
  let found = 0;
  for (const p of pairs) {
    const own = byName.get(p.listed);
    const hits = match(p.query);
    if (hits.some((h) => h.entryId === own)) found++;
    else missed.push(p);
    const other = hits.find((h) => h.entryId !== own);
    if (other) others.push(`${p.query} ~ ${other.listedName}`);
  }
  return { queries: pairs.length, found, otherHits: others.length, missed, others };
}

/** A listed name with its date of birth one day or one year off (full dates only). */
export interface NearBirthDate {
  readonly reference: string;
  readonly name: string;
  readonly dateOfBirth: string;
}

/** Each person with a full date of birth, claimed one day later and one year earlier. */
export function nearBirthDates(persons: readonly UnPerson[]): NearBirthDate[] {
  const DAY_MS = 86_400_000;
  return persons.flatMap((p) => {
    const full = p.datesOfBirth.find((d) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(d));
    if (!full) return [];
    const nextDay = new Date(Date.parse(full) + DAY_MS).toISOString().slice(0, 10);
    const yearBefore = `${Number(full.slice(0, 4)) - 1}${full.slice(4)}`;
    return [nextDay, yearBefore].map((dateOfBirth) => ({
      reference: p.reference,
      name: p.name,
      dateOfBirth,
    }));
  });
}
