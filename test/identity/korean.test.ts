import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../shared/engine/config/index.ts';
import { schema } from '../../shared/engine/rules/identity-match.ts';
import { matchPerson, NameIndex } from '../../shared/identity/index.ts';
import { KOREAN_SURNAMES } from '../../shared/identity/korean-surnames.ts';
import { isKoreanSyllable, syllables } from '../../shared/identity/romanize.ts';
import { alertsAlone } from './labelled.ts';
import { unEntry, unPersons } from './un-sc.ts';

const WEIGHTS = defaultsOf(schema);

/** Every word one to three syllables that Korean romanizations write. */
const readsKorean = (name: string) => {
  const ws = name
    .toLowerCase()
    .split(/[\s,-]+/)
    .filter(Boolean);
  return (
    ws.length >= 2 &&
    ws.every((w) => syllables(w).length <= 3 && syllables(w).every(isKoreanSyllable))
  );
};

/** One-letter typos of a name: a letter dropped, doubled, swapped with the next, or replaced. */
function typos(name: string): { kind: string; name: string }[] {
  const out: { kind: string; name: string }[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (!/[A-Za-z]/.test(c)) continue;
    const at = (s: string) => name.slice(0, i) + s + name.slice(i + 1);
    out.push({ kind: 'dropped', name: at('') }, { kind: 'doubled', name: at(c + c) });
    if (/[A-Za-z]/.test(name[i + 1] ?? ''))
      out.push({ kind: 'swapped', name: at(name[i + 1]! + c).slice(0, i + 2) + name.slice(i + 2) });
    const upper = c === c.toUpperCase();
    for (const r of /[aeiou]/i.test(c) ? 'aeioukmnst' : 'kgnmlrtpbsjch') {
      if (r !== c.toLowerCase())
        out.push({
          kind: /[aeiou]/.test(r) ? 'vowel' : 'consonant',
          name: at(upper ? r.toUpperCase() : r),
        });
    }
  }
  return out;
}

// The North Korean persons of the UN SC sample, each screened against all 709 listed names.
describe('Korean names with one letter changed (UN SC North Korean persons)', () => {
  const persons = unPersons();
  const index = new NameIndex(persons.map(unEntry));
  const korean = persons.filter((p) => p.reference.startsWith('KP') && readsKorean(p.name));
  const found = (name: string, reference: string) =>
    matchPerson(index, { names: [name] }, WEIGHTS).some((m) => m.entry.entryId === reference);

  it('still match when the typo leaves a syllable no romanization writes', () => {
    const cases = korean.flatMap((p) =>
      typos(p.name)
        .filter((t) => !readsKorean(t.name))
        .map((t) => ({ ...t, reference: p.reference })),
    );
    const missed = cases.filter((c) => !found(c.name, c.reference));
    console.log(
      `Korean typos leaving no syllable: ${cases.length - missed.length}/${cases.length} found`,
    );
    expect(korean.length).toBeGreaterThan(60);
    expect(cases.length).toBeGreaterThan(3000);
    // Misses left: a surname typed in capitals inside a mixed-case name reads as initials (KM Yong Chol).
    expect(missed.length / cases.length).toBeLessThan(0.01);
  });

  it.each([
    ['Kim Yong Chl', 'KIM YONG CHOL'],
    ['Km Yong Chol', 'KIM YONG CHOL'],
    ['Kbm Yong Chol', 'KIM YONG CHOL'],
    ['Ry Jin', 'RYU JIN'],
    ['Rku Jin', 'RYU JIN'],
    ['Ruy Jin', 'RYU JIN'],
    ['Chi Ypeng', 'CHI YUPENG'],
    ['KimYo Jong', 'KIM YO JONG'],
    ['Pak ChunIl', 'PAK CHUN IL'],
    ['Kim JongUn', 'KIM JONG UN'],
    ['Kim Yonng Chol', 'KIM YONG CHOL'],
    // The surname table speaks where a surname stands: Yun for 연 is a given-name syllable.
    ['Jon Yeon Geun', 'JON, Yun Gun'],
    ['전, 연근', 'JON, Yun Gun'],
    // Initials in capitals stay initials: JH is no mistyped syllable.
    ['JH Lee', 'LEE JAE HONG'],
  ])('%s matches %s', (query, listed) => {
    expect(alertsAlone(query, listed)).toBe(true);
  });

  it.each([
    // A letter typed twice is the typo: it leaves no room for a changed letter besides.
    ['Kim Yonng Chol', 'KIM SONG CHOL'],
    // A typo that leaves another real syllable is another name.
    ['Kim Pong-ryul', 'KIM PYONG-RYUL'],
    ['Jong Yong Son', 'JANG YONG SON'],
  ])('%s does not match %s', (query, listed) => {
    expect(alertsAlone(query, listed)).toBe(false);
  });
});

describe('Korean surnames in the romanization tables', () => {
  const tables = Object.entries(KOREAN_SURNAMES);
  const givenNames = ['Yong Chol', 'In-chol', 'Kyong Sik', 'Myong Hui'];

  it('match in every spelling of one surname, as the query and as the listed name', () => {
    const missed: string[] = [];
    for (const [, spellings] of tables)
      for (const a of spellings)
        for (const b of spellings)
          for (const g of givenNames)
            if (a !== b && !alertsAlone(`${a} ${g}`, `${b.toUpperCase()}, ${g}`))
              missed.push(`${a}/${b} ${g}`);
    expect(missed).toEqual([]);
  });

  it('keep two surnames one letter apart apart (Cho/Chu, Ko/Koo, Park/Paik, O/U, Sin/Sun)', () => {
    const wrong: string[] = [];
    let pairs = 0;
    for (const [ka, sa] of tables)
      for (const [kb, sb] of tables) {
        // Spellings two surnames share (Song for 성 and 송) cannot tell them apart.
        if (ka === kb || sa.some((s) => sb.includes(s))) continue;
        for (const a of sa)
          for (const b of sb) {
            if (!oneEdit(a.toLowerCase(), b.toLowerCase())) continue;
            for (const g of givenNames) {
              pairs++;
              if (alertsAlone(`${a} ${g}`, `${b.toUpperCase()}, ${g}`))
                wrong.push(`${a} (${ka}) ~ ${b} (${kb}) ${g}`);
            }
          }
      }
    expect(pairs).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });
});

/** One substitution, insertion or deletion apart. */
function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const tail = (x: string, k: number) => x.slice(k);
  return (
    tail(a, i + 1) === tail(b, i + 1) ||
    tail(a, i) === tail(b, i + 1) ||
    tail(a, i + 1) === tail(b, i)
  );
}
