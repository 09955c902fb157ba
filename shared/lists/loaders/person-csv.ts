import {
  addName,
  addOnce,
  categoryFrom,
  type EntryDraft,
  finishEntry,
  newDraft,
} from '../entry.ts';
import { ListFormatError } from '../errors.ts';
import type { PeekedInput } from '../peek.ts';
import type { ListEntry } from '../types.ts';
import { type CsvRow, csvRows } from './csv.ts';
import type { ListLoader, LoadContext, LoadedList } from './loader.ts';

/** The columns of a persons table; header names are compared folded (case, spaces, `_`, `-` ignored). */
type Column =
  | 'name'
  | 'given'
  | 'family'
  | 'aliases'
  | 'dob'
  | 'nationality'
  | 'program'
  | 'source'
  | 'id'
  | 'category'
  | 'kind';

/** Header names each column accepts, folded; the first that is present wins. */
const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  name: ['name', 'fullname', 'legalname', 'primaryname', 'names', 'personname'],
  given: ['firstname', 'givenname', 'givennames', 'forename', 'forenames'],
  family: ['lastname', 'surname', 'familyname'],
  aliases: ['aliases', 'alias', 'aliases', 'aka', 'akas', 'alsoknownas', 'othernames'],
  dob: ['dateofbirth', 'dob', 'birthdate', 'born', 'datesofbirth', 'birthday', 'dateofbirths'],
  nationality: ['nationality', 'nationalities', 'citizenship', 'countryofcitizenship', 'country'],
  program: ['program', 'programs', 'programme', 'programmes', 'sanctionsprogram', 'list'],
  source: ['source', 'sources', 'reference', 'references', 'url'],
  id: ['id', 'entryid', 'uid', 'recordid'],
  category: ['category'],
  kind: ['kind', 'type', 'entitytype'],
};

/** Columns of a header that say "this is a table of persons" besides the name. */
const PERSON_SIGNS: readonly Column[] = ['aliases', 'dob', 'nationality'];

/** Where each column is; `moreAliases`: numbered alias columns (`Alias 1`, `Alias 2`, `AKA3`). */
type Layout = Readonly<Partial<Record<Column, number>>> & {
  readonly moreAliases?: readonly number[];
};

const NUMBERED_ALIAS = /^(?:alias|aka|othername|alsoknownas)\d+$/;

// Spreadsheets write "D.O.B.", "Alias(es)", "Date_of_Birth": punctuation and spacing say nothing.
const fold = (h: string) =>
  h
    .replace(/^\ufeff/, '')
    .trim()
    .replace(/^"|"$/g, '')
    .toLowerCase()
    .replace(/[\s_\-.()/]+/g, '');

/** Columns that make a table one of wallets (the plain CSV), not of persons. */
const WALLET_COLUMNS: ReadonlySet<string> = new Set(['address', 'wallet', 'walletaddress']);

/**
 * The delimiter of a header line: a comma, or the semicolon European spreadsheets export,
 * or the tab of a copy from a sheet, whichever separates the most cells.
 */
function delimiterOf(header: string): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const d of [',', ';', '\t']) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

function layoutOf(header: readonly string[]): Layout {
  const folded = header.map(fold);
  const out: Partial<Record<Column, number>> & { moreAliases?: number[] } = {};
  const numbered = folded.flatMap((h, i) => (NUMBERED_ALIAS.test(h) ? [i] : []));
  if (numbered.length > 0) out.moreAliases = numbered;
  for (const [column, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
    const at = names.map((n) => folded.indexOf(n)).find((i) => i >= 0);
    if (at !== undefined) out[column] = at;
  }
  return out;
}

/** The person's name: its own column, or the given and family names joined family first (as lists write them). */
function hasName(layout: Layout): boolean {
  return layout.name !== undefined || layout.family !== undefined || layout.given !== undefined;
}

/**
 * Sniffs a persons table: a CSV header with a name column and at least one of aliases,
 * date of birth or nationality, and no wallet address column (that is the plain CSV).
 */
export function sniffPersonCsv(head: string): boolean {
  const first = head.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = delimiterOf(first);
  if (!delimiter) return false;
  const cells = first.split(delimiter);
  if (cells.some((c) => WALLET_COLUMNS.has(fold(c)))) return false;
  const layout = layoutOf(cells);
  return (
    hasName(layout) &&
    (PERSON_SIGNS.some((c) => layout[c] !== undefined) || layout.moreAliases !== undefined)
  );
}

/** Several values in one cell: `;` or `|` between them. */
const split = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter(Boolean);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: string | number) => String(n).padStart(2, '0');

/**
 * A date of birth as the matcher compares it (YYYY-MM-DD, YYYY-MM or YYYY), from the ways
 * watch lists write it: ISO, `22 Apr 1978`, `Apr 22, 1978`, `22.04.1978`, a bare year.
 * Undefined when it is none of them (the caller warns; the name still screens).
 */
export function isoBirthDate(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  let m =
    /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return [m[1], m[2] && pad(m[2]), m[3] && pad(m[3])].filter(Boolean).join('-');
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(t);
  if (m) return dayOrMonthFirst(Number(m[1]), Number(m[2]), m[3]!);
  m =
    /^(\d{1,2})[ -]([a-z]{3})[a-z]*\.?[ -](\d{4})$/.exec(t) ??
    /^([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (!m) return undefined;
  const [day, mon] = /^\d/.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  const month = MONTHS.indexOf(mon);
  return month < 0 ? undefined : `${m[3]}-${pad(month + 1)}-${pad(day)}`;
}

/**
 * `22/04/1978` is European, `04/22/1978` American; when both numbers could be the month
 * (`05/06/1978`) only the year is certain, and a wrong month would count against the person.
 */
function dayOrMonthFirst(a: number, b: number, year: string): string | undefined {
  const valid = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;
  const dayFirst = valid(a, b);
  const monthFirst = valid(b, a);
  if (dayFirst && monthFirst && a !== b) return year;
  if (dayFirst) return `${year}-${pad(b)}-${pad(a)}`;
  return monthFirst ? `${year}-${pad(a)}-${pad(b)}` : undefined;
}

const KINDS: ReadonlySet<string> = new Set(['person', 'entity', 'vessel', 'aircraft']);

function kindOf(cell: string | undefined): ListEntry['kind'] {
  const k = cell?.trim().toLowerCase();
  if (k === 'individual') return 'person';
  if (k === 'organization' || k === 'organisation' || k === 'company') return 'entity';
  return k && KINDS.has(k) ? (k as ListEntry['kind']) : 'person';
}

function nameOf(row: CsvRow, at: Layout): string | undefined {
  const cell = (c: Column) => {
    const i = at[c];
    return i === undefined ? undefined : row.fields[i]?.trim() || undefined;
  };
  const whole = cell('name');
  if (whole) return whole;
  const parts = [cell('family'), cell('given')].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function draftOf(row: CsvRow, at: Layout, ctx: LoadContext): EntryDraft {
  const cell = (c: Column) => {
    const i = at[c];
    return i === undefined ? undefined : row.fields[i]?.trim() || undefined;
  };
  const name = nameOf(row, at)!;
  const dobs = split(cell('dob'));
  const id =
    cell('id') ?? `${name.toLowerCase().replace(/\W+/g, '-')}${dobs[0] ? `-${dobs[0]}` : ''}`;
  const draft = newDraft(
    ctx.source,
    id,
    kindOf(cell('kind')),
    cell('category') ? categoryFrom(cell('category')) : 'sanctions',
  );
  addName(draft, name);
  for (const alias of split(cell('aliases'))) addName(draft, alias);
  for (const i of at.moreAliases ?? [])
    for (const alias of split(row.fields[i])) addName(draft, alias);
  for (const dob of dobs) {
    const iso = isoBirthDate(dob);
    if (iso) addOnce(draft.datesOfBirth, iso);
    else
      ctx.warn(
        `line ${row.line} (${name}): date of birth ${JSON.stringify(dob)} not understood; kept the name only`,
      );
  }
  for (const n of split(cell('nationality'))) addOnce(draft.nationalities, n);
  for (const p of split(cell('program'))) addOnce(draft.programs, p);
  for (const s of split(cell('source'))) addOnce(draft.references, s);
  return draft;
}

/**
 * A plain CSV table of persons (name, aliases, date of birth, nationality, program,
 * source), as compliance teams keep internal watch lists: one entry a row, screened by
 * identity-match like any list's persons. Rows with the same id are one entry.
 */
export const personCsvLoader: ListLoader = {
  format: 'person-csv',
  sniff: sniffPersonCsv,
  async load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList> {
    let layout: Layout | undefined;
    const entries = new Map<string, EntryDraft>();
    const delimiter = delimiterOf(input.head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '');
    for await (const row of csvRows(input, { delimiter: delimiter ?? ',' })) {
      if (!layout) {
        layout = layoutOf(row.fields);
        continue;
      }
      if (row.fields.every((f) => f.trim() === '')) continue;
      const name = nameOf(row, layout);
      if (!name) throw new ListFormatError(input.name, `line ${row.line}`, 'a row without a name');
      const draft = draftOf(row, layout, ctx);
      const same = entries.get(draft.entryId);
      if (!same) entries.set(draft.entryId, draft);
      else merge(same, draft);
    }
    if (entries.size === 0) throw new ListFormatError(input.name, undefined, 'no rows');
    return { source: ctx.source, entries: [...entries.values()].map(finishEntry) };
  },
};

/** A second row of the same person adds names, dates and the rest. */
function merge(into: EntryDraft, more: EntryDraft): void {
  for (const n of [more.name, ...more.aliases]) addName(into, n);
  for (const d of more.datesOfBirth) addOnce(into.datesOfBirth, d);
  for (const n of more.nationalities) addOnce(into.nationalities, n);
  for (const p of more.programs) addOnce(into.programs, p);
  for (const r of more.references) addOnce(into.references, r);
}
