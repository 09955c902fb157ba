import { addAddress, addName, addOnce, finishEntry, newDraft } from '../entry.ts';
import { ListFormatError } from '../errors.ts';
import type { PeekedInput } from '../peek.ts';
import type { ListEntry } from '../types.ts';
import { cell, csvRows } from './csv.ts';
import type { LoadContext, LoadedList } from './loader.ts';
import { kindFromSdnType, parseRemarks } from './ofac-text.ts';

/** The files of OFAC's legacy CSV set that make one list; only sdn.csv is required. */
export interface OfacCsvParts {
  readonly sdn: PeekedInput;
  readonly comments?: PeekedInput;
  readonly alt?: PeekedInput;
  readonly add?: PeekedInput;
}

const SDN_FIELDS = 12;

/** sdn.csv: ent_num, "NAME", "type" or -0-, ... (12 fields, no header, CRLF). */
export function sniffSdnCsv(head: string): boolean {
  return /^ent_num,\s*SDN_Name/i.test(head) || /^\d+,"(?:[^"]|"")*",(?:"[^"]*"|-0- ?),/.test(head);
}

/** sdn_comments.csv: ent_num, "the rest of the remarks" (2 fields). */
export function sniffSdnComments(head: string): boolean {
  if (sniffSdnCsv(head)) return false;
  // The continuation can be longer than the head: an unclosed quote there is a comment too.
  return /^\d+,"(?:[^"]|"")*"\s*(?:\r?\n|$)/.test(head) || /^\d+,"(?:[^"]|"")*$/.test(head);
}

/** alt.csv: ent_num, alt_num, "aka", "NAME", remarks. */
export function sniffAltCsv(head: string): boolean {
  return /^\d+,\d+,"?[afn]\.?k\.?a\.?"?,/i.test(head);
}

/** add.csv: ent_num, add_num, address, city, country, remarks. */
export function sniffAddCsv(head: string): boolean {
  return !sniffAltCsv(head) && /^\d+,\d+,(?:"(?:[^"]|"")*"|-0- ?),/.test(head);
}

/** The continuations of cut remarks by ent_num, joined raw in file order. */
async function readComments(input: PeekedInput): Promise<Map<string, string>> {
  const byEntry = new Map<string, string>();
  for await (const { fields, line } of csvRows(input)) {
    if (isEndMarker(fields)) continue;
    const id = fields[0]?.trim();
    if (!id || !/^\d+$/.test(id))
      throw new ListFormatError(input.name, `line ${line}`, 'expected ent_num first');
    byEntry.set(id, (byEntry.get(id) ?? '') + (fields[1] ?? ''));
  }
  return byEntry;
}

/** The aliases of alt.csv by ent_num. */
async function readAliases(input: PeekedInput): Promise<Map<string, string[]>> {
  const byEntry = new Map<string, string[]>();
  for await (const { fields } of csvRows(input)) {
    const id = fields[0]?.trim();
    const name = cell(fields[3]);
    if (!id || !name || isEndMarker(fields)) continue;
    const list = byEntry.get(id) ?? [];
    list.push(name);
    byEntry.set(id, list);
  }
  return byEntry;
}

async function drain(input: PeekedInput): Promise<void> {
  // add.csv holds postal addresses, which screening does not use; it is read so its hash counts.
  for await (const _ of input.text()) {
  }
}

/** OFAC ends its legacy files with a SUB (0x1A) character on a line of its own. */
function isEndMarker(fields: readonly string[]): boolean {
  return fields.length === 1 && (fields[0] ?? '').replaceAll('\u001a', '').trim() === '';
}

function programsOf(field: string | undefined): string[] {
  // Several programs come as "CYBER2] [DPRK3" (the outer brackets of "[CYBER2] [DPRK3]" dropped).
  return (cell(field) ?? '')
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter(Boolean);
}

/** OFAC's legacy sdn.csv, with sdn_comments.csv joined onto cut remarks and alt.csv's aliases. */
export async function loadOfacCsv(parts: OfacCsvParts, ctx: LoadContext): Promise<LoadedList> {
  const comments = parts.comments ? await readComments(parts.comments) : new Map<string, string>();
  const aliases = parts.alt ? await readAliases(parts.alt) : new Map<string, string[]>();
  if (parts.add) await drain(parts.add);
  const entries: ListEntry[] = [];
  for await (const { fields, line } of csvRows(parts.sdn)) {
    if (isEndMarker(fields) || (line === 1 && /^ent_num$/i.test(fields[0] ?? ''))) continue;
    if (fields.length !== SDN_FIELDS || !/^\d+$/.test(fields[0]?.trim() ?? '')) {
      const why = `expected ${SDN_FIELDS} fields starting with ent_num, found ${fields.length}`;
      throw new ListFormatError(parts.sdn.name, `line ${line}`, why);
    }
    entries.push(sdnRow(fields, comments, aliases, ctx));
  }
  if (entries.length === 0) throw new ListFormatError(parts.sdn.name, undefined, 'no rows');
  return { source: ctx.source, entries };
}

function sdnRow(
  fields: readonly string[],
  comments: ReadonlyMap<string, string>,
  aliases: ReadonlyMap<string, string[]>,
  ctx: LoadContext,
): ListEntry {
  const id = fields[0]!.trim();
  const draft = newDraft(ctx.source, id, kindFromSdnType(cell(fields[2])), 'sanctions');
  addName(draft, cell(fields[1]));
  draft.programs.push(...programsOf(fields[3]));
  // Remarks are cut at 1,000 characters; sdn_comments.csv holds the rest, to be joined as is.
  const cut = cell(fields[11]) === undefined ? '' : (fields[11] ?? '');
  const remarks = parseRemarks(cut + (comments.get(id) ?? ''));
  for (const alias of [...remarks.aliases, ...(aliases.get(id) ?? [])]) addName(draft, alias);
  for (const a of remarks.addresses) addAddress(draft, a.currency, a.address, ctx.warn);
  for (const d of remarks.datesOfBirth) addOnce(draft.datesOfBirth, d);
  for (const n of remarks.nationalities) addOnce(draft.nationalities, n);
  return finishEntry(draft);
}
