import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../shared/engine/config/index.ts';
import { schema } from '../../shared/engine/rules/identity-match.ts';
import { matchPerson, NameIndex } from '../../shared/identity/index.ts';
import { unEntry, unPersons } from './un-sc.ts';

const WEIGHTS = defaultsOf(schema);
const DAY_MS = 86_400_000;

/** The typing errors a date of birth suffers, each applied to a full listed date. */
function nearDates(date: string): [string, string][] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const at = (yy: number, mm: number, dd: number) => iso(Date.UTC(yy, mm - 1, dd));
  const out: [string, string][] = [
    ['a day later', iso(Date.parse(date) + DAY_MS)],
    ['a day earlier', iso(Date.parse(date) - DAY_MS)],
    ['a year earlier', `${y - 1}${date.slice(4)}`],
    ['a year later', `${y + 1}${date.slice(4)}`],
  ];
  // A day the other month does not have (31 November) rolls over: no longer one error apart.
  const month = (mm: number) => at(y, mm, d);
  if (m < 12 && month(m + 1).slice(8) === date.slice(8)) out.push(['a month later', month(m + 1)]);
  if (m > 1 && month(m - 1).slice(8) === date.slice(8)) out.push(['a month earlier', month(m - 1)]);
  if (d <= 12 && d !== m) out.push(['day and month swapped', at(y, d, m)]);
  return out;
}

// Every UN SC person with a full date of birth, screened against all 709 listed names by the
// listed name and by that name with one letter doubled (a typo the name alone still alerts on).
describe('a date of birth one typing error off (UN SC persons)', () => {
  const persons = unPersons();
  const index = new NameIndex(persons.map(unEntry));
  // Persons listed with one date, a full one (other listed years would make a near date partial).
  const dated = persons.flatMap((p) => {
    const [full, ...others] = p.datesOfBirth;
    return full && others.length === 0 && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(full)
      ? [{ ...p, full }]
      : [];
  });
  const own = (name: string, reference: string, dateOfBirth?: string) =>
    matchPerson(index, { names: [name], dateOfBirth }, WEIGHTS).find(
      (m) => m.entry.entryId === reference,
    );
  /** The name with a letter doubled, for the persons whose name alone still alerts that way. */
  const typed = dated.slice(0, 150).flatMap((p) => {
    const at = p.name.search(/[A-Z]{4}/) + 2;
    const name = p.name.slice(0, at) + p.name[at] + p.name.slice(at);
    return own(name, p.reference) ? [{ ...p, name }] : [];
  });

  it('keeps the alert, graded near and scored below the same name without a date', () => {
    const silenced: string[] = [];
    const notNear: string[] = [];
    let cases = 0;
    // Every other listed name as listed (the screening takes a while), and the typed ones.
    for (const p of [...dated.filter((_, i) => i % 2 === 0), ...typed]) {
      const alone = own(p.name, p.reference)!;
      for (const [how, date] of nearDates(p.full)) {
        cases++;
        const m = own(p.name, p.reference, date);
        if (!m) silenced.push(`${p.name} born ${date} (${how}, listed ${p.full})`);
        else if (m.dateOfBirth !== 'near' || m.score >= alone.score)
          notNear.push(`${p.name} ${how}: ${m.dateOfBirth} ${m.score}`);
      }
    }
    console.log(`near dates: ${cases - silenced.length}/${cases} still alert`);
    expect(dated.length).toBeGreaterThan(200);
    expect(typed.length).toBeGreaterThan(50);
    expect(silenced).toEqual([]);
    expect(notNear).toEqual([]);
  });

  it('still clears a homonym whose date is further off', () => {
    // Seven years later, no listed date of the person within a year of it.
    const far = dated.filter((p) => {
      const y = Number(p.full.slice(0, 4)) + 7;
      return !p.datesOfBirth.some((d) => Math.abs(Number(d.slice(0, 4)) - y) <= 1);
    });
    const alerting = far.filter((p) =>
      own(p.name, p.reference, `${Number(p.full.slice(0, 4)) + 7}-06-15`),
    );
    expect(alerting.map((p) => p.name)).toEqual([]);
  });
});
