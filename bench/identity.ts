// Identity screening: recall and false-positive rate on public labelled name pairs
// (OpenSanctions nomenklatura samples in test/fixtures/names), the false-positive rate of
// synthetic clean people against the full OFAC list, and names screened per second.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultsOf } from '../shared/engine/config/index.ts';
import { schema } from '../shared/engine/rules/identity-match.ts';
import { matchPerson, NameIndex } from '../shared/identity/index.ts';
import { loadListFile } from '../shared/lists/index.ts';
import type { ListEntry } from '../shared/lists/types.ts';
import {
  alertsAlone,
  entityBenchPairs,
  nameBenchPairs,
  scorePairs,
} from '../test/identity/labelled.ts';
import { cleanPeople } from '../test/identity/population.ts';
import {
  nearBirthDates,
  screenUnVariants,
  unEntry,
  unPairs,
  unPersons,
} from '../test/identity/un-sc.ts';

const FULL = resolve('..', 'shared', 'data', 'ofac', 'sdn_advanced_2025-11-19.xml.bz2');
const FIXTURE = 'test/fixtures/lists/sdn_advanced_small.xml';
const CLEAN_PEOPLE = 5_000;
/** Name similarity of an exact homonym: the same words, up to transliteration and order. */
const EXACT = 0.99;

const rate = (n: number, d: number) => (d === 0 ? 'n/a' : (n / d).toFixed(4));

/** The persons and entities the identity-match rule screens by name: the sanctions entries. */
async function sanctionsIndex(): Promise<{
  index: NameIndex;
  source: string;
  entries: readonly ListEntry[];
}> {
  const file = existsSync(FULL) ? FULL : FIXTURE;
  const snapshot = await loadListFile(file);
  const entries = snapshot.entries.filter((e) => e.category === 'sanctions');
  const source = existsSync(FULL) ? 'full OFAC SDN_ADVANCED' : `${FIXTURE} (../shared/data absent)`;
  return { index: new NameIndex(entries), source, entries };
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;
const CJK = /[\u4e00-\u9fff]/;
const OTHER_SCRIPT = /[\u0400-\u04ff\u0600-\u06ff\u4e00-\u9fff\uac00-\ud7af]/;

/**
 * The list's own aliases in Arabic script and in Chinese characters, each screened against
 * the list's persons with those scripts (and Cyrillic, Hangul) removed: found when it alerts
 * on its own entry through a Latin spelling.
 */
function scriptAliasRows(
  entries: readonly ListEntry[],
  weights: ReturnType<typeof defaultsOf<typeof schema>>,
): Record<string, string> {
  const persons = entries.filter((e) => e.kind === 'person');
  const latin = persons.map((e) => {
    const names = [e.name, ...e.aliases].filter((n) => !OTHER_SCRIPT.test(n));
    return { ...e, name: names[0] ?? e.name, aliases: names.slice(1) };
  });
  const index = new NameIndex(latin);
  const out: Record<string, string> = {};
  for (const [group, script] of [
    ['arabic_script', ARABIC_SCRIPT],
    ['chinese_characters', CJK],
  ] as const) {
    let n = 0;
    let found = 0;
    for (const e of persons) {
      for (const alias of [e.name, ...e.aliases].filter((a) => script.test(a))) {
        n++;
        const hits = matchPerson(index, { names: [alias] }, weights);
        if (hits.some((h) => h.entry.entryId === e.entryId)) found++;
      }
    }
    out[`identity.ofac_aliases.${group}_found`] = `${rate(found, n)} (${found}/${n})`;
  }
  return out;
}

/**
 * The Latin spellings of each person under a Belarus program, every ordered pair screened alone
 * (Lukashenka, Aliaksandr Ryhoravich against Lukashenko, Alexander Grigoryevich).
 */
function belarusRow(entries: readonly ListEntry[]): Record<string, string> {
  const persons = entries.filter(
    (e) => e.kind === 'person' && e.programs.some((p) => /BELARUS/i.test(p)),
  );
  let n = 0;
  let found = 0;
  for (const e of persons) {
    const names = [e.name, ...e.aliases].filter((x) => !OTHER_SCRIPT.test(x));
    for (const a of names) {
      for (const b of names) {
        if (a === b) continue;
        n++;
        if (alertsAlone(a, b)) found++;
      }
    }
  }
  return {
    'identity.ofac_belarus.alias_pairs_found': `${rate(found, n)} (${found}/${n}, ${persons.length} persons)`,
  };
}

/** Recall over labelled positives and the share of labelled negatives accepted, per group. */
function labelledRows(): Record<string, string> {
  const out: Record<string, string> = {};
  const pairs = [...nameBenchPairs(), ...entityBenchPairs(), ...unPairs()];
  for (const s of scorePairs(pairs)) {
    out[`identity.pairs.${s.group}.recall`] =
      `${rate(s.found, s.positives)} (${s.found}/${s.positives})`;
    out[`identity.pairs.${s.group}.negatives_accepted`] =
      `${rate(s.accepted, s.negatives)} (${s.accepted}/${s.negatives})`;
  }
  return out;
}

/**
 * UN SC persons: every published spelling screened against all the listed names (one
 * spelling each), and each listed name with a date of birth one day or one year off.
 */
function unRows(weights: ReturnType<typeof defaultsOf<typeof schema>>): Record<string, string> {
  const persons = unPersons();
  const index = new NameIndex(persons.map(unEntry));
  const screen = (name: string, dateOfBirth?: string) =>
    matchPerson(index, { names: [name], dateOfBirth }, weights).map((m) => ({
      entryId: m.entry.entryId,
      listedName: m.listedName,
    }));
  const r = screenUnVariants(persons, (name) => screen(name));
  const near = nearBirthDates(persons);
  const nearFound = near.filter((n) =>
    screen(n.name, n.dateOfBirth).some((h) => h.entryId === n.reference),
  );
  return {
    'identity.un_sc.variants_found': `${rate(r.found, r.queries)} (${r.found}/${r.queries})`,
    'identity.un_sc.variants_hitting_another_person': `${rate(r.otherHits, r.queries)} (${r.otherHits}): ${r.others.slice(0, 6).join('; ')}`,
    'identity.un_sc.near_birth_date_found': `${rate(nearFound.length, near.length)} (${nearFound.length}/${near.length})`,
  };
}

/**
 * Hangul and Cyrillic spellings of North Korean and Russian persons on the OFAC list, each
 * with the family name its Latin entry carries: the alert must name that person.
 */
const ORIGINAL_SCRIPT: readonly (readonly [string, RegExp])[] = [
  ['김정은', /^kim, jong un$/i],
  ['김여정', /^kim, yo jong$/i],
  ['최룡해', /^choe, ryong hae$/i],
  ['리병철', /^ri, pyong chol$/i],
  ['김영철', /^kim, yong chol$/i],
  ['조용원', /^jo, yong-won$/i],
  ['박진혁', /^pak, jin hyok$/i],
  ['정인철', /^jong, in chol$/i],
  ['손경식', /^son, kyong sik$/i],
  ['심현섭', /^sim, hyon sop$/i],
  ['Ким Чен Ын', /^kim, jong un$/i],
  ['Ким Ё Чжон', /^kim, yo jong$/i],
  ['Чхве Рён Хэ', /^choe, ryong hae$/i],
  ['Пак Чин Хёк', /^pak, jin hyok$/i],
  ['Ли Пён Чхоль', /^ri, pyong chol$/i],
  ['Ким Ён Чхоль', /^kim, yong chol$/i],
  ['Лавров Сергей Викторович', /^lavrov,/i],
  ['Сергей Лавров', /^lavrov,/i],
  ['Дерипаска Олег Владимирович', /^deripaska,/i],
  ['Олег Дерипаска', /^deripaska,/i],
  ['Евгений Пригожин', /^prigozhin,/i],
  ['Игорь Сечин', /^sechin,/i],
  ['Шойгу Сергей Кужугетович', /^shoigu,/i],
  ['Путин Владимир Владимирович', /^putin,/i],
  ['Алишер Усманов', /^usmanov,/i],
  ['Вексельберг Виктор Феликсович', /^vekselberg,/i],
  ['Ковальчук Юрий Валентинович', /^kovalchuk,/i],
  ['Патрушев Николай Платонович', /^patrushev,/i],
  ['Кадыров Рамзан Ахматович', /^kadyrov,/i],
  ['Лукашенко Александр Григорьевич', /^lukashenko,/i],
];

/** Original-script spellings that alert on the listed person (any of its spellings). */
function originalScriptRow(
  index: NameIndex,
  weights: ReturnType<typeof defaultsOf<typeof schema>>,
): Record<string, string> {
  const missed = ORIGINAL_SCRIPT.filter(
    ([query, listed]) =>
      !matchPerson(index, { names: [query] }, weights).some((m) =>
        [m.entry.name, ...m.entry.aliases].some((n) => listed.test(n)),
      ),
  ).map(([query]) => query);
  const found = ORIGINAL_SCRIPT.length - missed.length;
  return {
    'identity.ofac_original_script.found': `${rate(found, ORIGINAL_SCRIPT.length)} (${found}/${ORIGINAL_SCRIPT.length}) missed: ${missed.join('; ') || 'none'}`,
  };
}

/** Synthetic clean people screened against the list: false-positive rate and throughput. */
export async function benchIdentity(): Promise<Record<string, number | string>> {
  const { index, source, entries } = await sanctionsIndex();
  const weights = defaultsOf(schema);
  const people = cleanPeople(CLEAN_PEOPLE);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const results = people.map((name) => ({
    name,
    matches: matchPerson(index, { names: [name] }, weights),
  }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  // CPU time per name: wall-clock throughput on a shared machine says more about the load.
  const cpuMsPerName = (cpu.user + cpu.system) / 1000 / people.length;
  const alarms = results.filter((r) => r.matches.length > 0);
  // A synthetic name spelled like a listed person (Zhang Wei, Miguel Martinez) is that name:
  // it alerts by design and only a date of birth can clear it. The rest are errors.
  const homonyms = alarms.filter((r) => r.matches[0]!.similarity >= EXACT);
  const wrong = alarms.filter((r) => r.matches[0]!.similarity < EXACT);
  const show = (rs: typeof alarms) =>
    rs
      .slice(0, 12)
      .map((r) => `${r.name} ~ ${r.matches[0]!.listedName}`)
      .join('; ') || 'none';
  return {
    'identity.list': `${source}: ${index.size} listed spellings`,
    ...labelledRows(),
    ...unRows(weights),
    ...(source.startsWith('full') ? originalScriptRow(index, weights) : {}),
    ...(source.startsWith('full') ? scriptAliasRows(entries, weights) : {}),
    ...(source.startsWith('full') ? belarusRow(entries) : {}),
    'identity.clean_people': people.length,
    'identity.clean_false_positive_rate': `${rate(wrong.length, people.length)} (${wrong.length}/${people.length})`,
    'identity.clean_false_positives': show(wrong),
    'identity.clean_exact_homonyms': `${rate(homonyms.length, people.length)} (${homonyms.length}): ${show(homonyms)}`,
    'identity.names_per_s': Math.round(people.length / seconds),
    'identity.cpu_ms_per_name': cpuMsPerName.toFixed(2),
    'identity.names_per_cpu_s': Math.round(1000 / cpuMsPerName),
  };
}

// Run alone (node bin/run-ts.mjs bench/identity.ts): one line per figure.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [key, value] of Object.entries(await benchIdentity()))
    console.log(`${key} = ${value}`);
}
