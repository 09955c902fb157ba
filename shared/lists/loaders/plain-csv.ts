import { guessChain } from '../../address/index.ts';
import {
  addAddress,
  addOnce,
  categoryFrom,
  type EntryDraft,
  finishEntry,
  newDraft,
} from '../entry.ts';
import { ListFormatError } from '../errors.ts';
import type { PeekedInput } from '../peek.ts';
import { type CsvRow, csvRows } from './csv.ts';
import type { ListLoader, LoadContext, LoadedList } from './loader.ts';

/** The columns of the plain CSV, in the order a headerless file must use. */
export const PLAIN_COLUMNS = ['address', 'chain', 'label', 'category', 'source'] as const;
type Column = (typeof PLAIN_COLUMNS)[number];
type Layout = Readonly<Record<Column, number>>;

const FIXED: Layout = { address: 0, chain: 1, label: 2, category: 3, source: 4 };

/** Sniffs the plain CSV: a header naming `address` (and `chain`), or a first field shaped like an address. */
export function sniffPlainCsv(head: string): boolean {
  const first = (head.split(/\r?\n/, 1)[0] ?? '').trim();
  const cells = first.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  if (cells.includes('address') && cells.includes('chain')) return true;
  const address = cells[0] ?? '';
  return (
    cells.length >= 2 &&
    cells.length <= 5 &&
    /^[0-9a-z]{25,}$/i.test(address) &&
    guessChain(address) !== 'unknown'
  );
}

function layoutOf(fields: readonly string[]): Layout | undefined {
  const names = fields.map((f) => f.trim().toLowerCase());
  if (!names.includes('address')) return undefined;
  const index = (c: Column) => names.indexOf(c);
  return {
    address: index('address'),
    chain: index('chain'),
    label: index('label'),
    category: index('category'),
    source: index('source'),
  };
}

function field(row: CsvRow, at: number): string | undefined {
  return at < 0 ? undefined : row.fields[at]?.trim() || undefined;
}

/**
 * The plain CSV (address, chain, label, category, source): rows with the same label become one
 * entry with all their addresses; an unlabelled row is an entry of its own.
 */
export const plainCsvLoader: ListLoader = {
  format: 'plain-csv',
  sniff: sniffPlainCsv,
  async load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList> {
    const drafts = new Map<string, EntryDraft>();
    let layout: Layout | undefined;
    let width = 0;
    for await (const row of csvRows(input)) {
      if (!layout) {
        layout = layoutOf(row.fields) ?? FIXED;
        width = row.fields.length;
        if (layout !== FIXED) continue;
      }
      if (row.fields.length !== width) {
        throw new ListFormatError(
          input.name,
          `line ${row.line}`,
          `expected ${width} fields, found ${row.fields.length}`,
        );
      }
      addRow(drafts, row, layout, ctx, input.name);
    }
    if (drafts.size === 0) throw new ListFormatError(input.name, undefined, 'no rows');
    return { source: ctx.source, entries: [...drafts.values()].map(finishEntry) };
  },
};

function addRow(
  drafts: Map<string, EntryDraft>,
  row: CsvRow,
  layout: Layout,
  ctx: LoadContext,
  name: string,
): void {
  const address = field(row, layout.address);
  if (!address) throw new ListFormatError(name, `line ${row.line}`, 'a row without an address');
  const label = field(row, layout.label);
  const id = label ?? address;
  let draft = drafts.get(id);
  if (!draft) {
    draft = newDraft(
      ctx.source,
      id,
      label ? 'entity' : 'wallet',
      categoryFrom(field(row, layout.category)),
    );
    draft.name = id;
    drafts.set(id, draft);
  }
  addAddress(draft, field(row, layout.chain), address, ctx.warn);
  addOnce(draft.references, field(row, layout.source));
}
