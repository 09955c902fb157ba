import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { defaultsOf } from '../../shared/engine/config/index.ts';
import { schema } from '../../shared/engine/rules/identity-match.ts';
import { matchPerson, NameIndex } from '../../shared/identity/index.ts';
import type { ListEntry } from '../../shared/lists/types.ts';

/** One labelled pair: a name as a profile gives it, a listed name, and whether they are one person. */
export interface LabelledPair {
  readonly group: string;
  readonly query: string;
  readonly listed: string;
  readonly match: boolean;
}

const NAMES = 'test/fixtures/names';

/** nomenklatura `contrib/name_bench/cases.csv` (Person rows). */
export function nameBenchPairs(file = `${NAMES}/name_bench_persons.csv`): LabelledPair[] {
  const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    group: `name_bench/${r.case_group}`,
    query: r.name1!,
    listed: r.name2!,
    match: r.is_match === 'true',
  }));
}

type YamlName = {
  name?: string;
  firstName?: string;
  middleName?: string;
  fatherName?: string;
  lastName?: string;
};

/** The full name of a checks.yml record: `name`, or its parts in order (a patronymic is a part). */
function fullName(r: YamlName): string {
  if (r.name) return r.name;
  return [r.firstName, r.middleName, r.fatherName, r.lastName].filter(Boolean).join(' ');
}

/** nomenklatura `contrib/entity_bench/checks.yml` (Person checks). */
export function entityBenchPairs(file = `${NAMES}/entity_bench_persons.yml`): LabelledPair[] {
  const doc = parseYaml(readFileSync(file, 'utf8')) as {
    checks: { match: boolean; query: YamlName; candidate: YamlName }[];
  };
  return doc.checks.map((c) => ({
    group: 'entity_bench',
    query: fullName(c.query),
    listed: fullName(c.candidate),
    match: c.match,
  }));
}

/** A listed person with this name and nothing else. */
export function listedPerson(entryId: string, name: string): ListEntry {
  return {
    source: 'bench',
    entryId,
    name,
    aliases: [],
    kind: 'person',
    programs: [],
    category: 'sanctions',
    addresses: [],
  };
}

const WEIGHTS = defaultsOf(schema);

/** True when the identity-match rule's defaults alert on `query` against a list of `listed` alone. */
export function pairMatches(p: LabelledPair): boolean {
  const index = new NameIndex([listedPerson('x', p.listed)]);
  return matchPerson(index, { names: [p.query] }, WEIGHTS).length > 0;
}

/** True when the rule's defaults alert on `query` against a list holding `listed` alone. */
export function alertsAlone(query: string, listed: string): boolean {
  return pairMatches({ group: 'test', query, listed, match: true });
}

/** `alertsAlone` with each name as the query in turn: [a against b listed, b against a listed]. */
export function alertsBothWays(a: string, b: string): [boolean, boolean] {
  return [alertsAlone(a, b), alertsAlone(b, a)];
}

/** Recall over the positives and acceptance rate over the negatives, per group. */
export interface PairScore {
  readonly group: string;
  readonly positives: number;
  readonly found: number;
  readonly negatives: number;
  readonly accepted: number;
  readonly missed: readonly LabelledPair[];
  readonly wrong: readonly LabelledPair[];
}

/** Scores pairs per group (and an `all` row). */
export function scorePairs(pairs: readonly LabelledPair[]): PairScore[] {
  const groups = new Map<string, LabelledPair[]>([['all', [...pairs]]]);
  for (const p of pairs) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  return [...groups].map(([group, ps]) => {
    const results = ps.map((p) => ({ p, hit: pairMatches(p) }));
    const missed = results.filter((r) => r.p.match && !r.hit).map((r) => r.p);
    const wrong = results.filter((r) => !r.p.match && r.hit).map((r) => r.p);
    const positives = ps.filter((p) => p.match).length;
    return {
      group,
      positives,
      found: positives - missed.length,
      negatives: ps.length - positives,
      accepted: wrong.length,
      missed,
      wrong,
    };
  });
}
