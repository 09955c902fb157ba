import { addAddress, addName, type EntryDraft, finishEntry, newDraft } from '../entry.ts';
import { ListFormatError } from '../errors.ts';
import { jsonRecords } from '../json-records.ts';
import { entryCounter } from '../limits.ts';
import type { PeekedInput } from '../peek.ts';
import type { ListLoader, LoadContext, LoadedList } from './loader.ts';

/** Sniffs the ransomwhe.re export: `{"result": [{"address", "blockchain", "family", ...}]}`. */
export function sniffRansomwhere(head: string): boolean {
  const text = head.trimStart();
  return /^[{[]/.test(text) && /"family"\s*:/.test(text) && /"(blockchain|address)"\s*:/.test(text);
}

interface RansomRecord {
  readonly address: string;
  readonly blockchain?: string;
  readonly family?: string;
  readonly updatedAt?: string;
}

function asRecord(value: unknown, name: string, index: number): RansomRecord {
  const rec = value as Partial<Record<keyof RansomRecord, unknown>> | null;
  if (typeof rec?.address !== 'string')
    throw new ListFormatError(name, `record ${index}`, 'no address');
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    address: rec.address,
    blockchain: text(rec.blockchain),
    family: text(rec.family),
    updatedAt: text(rec.updatedAt),
  };
}

/**
 * The records of the export, one at a time: the real export carries every payment of every
 * address and runs to hundreds of MB, so it is read as a stream and each record dropped once
 * read. Both `{"result": [...]}` and a bare array are read.
 */
async function* records(input: PeekedInput): AsyncIterable<RansomRecord> {
  const key = input.head.trimStart().startsWith('[') ? '' : 'result';
  const count = entryCounter(input.name, input.limits);
  let index = 0;
  for await (const value of jsonRecords(input, key)) {
    count(`record ${++index}`);
    yield asRecord(value, input.name, index);
  }
  if (index === 0) throw new ListFormatError(input.name, undefined, 'the export holds no address');
}

/** The ransomwhe.re export JSON: one entry per ransomware family, its payment addresses. */
export const ransomwhereLoader: ListLoader = {
  format: 'ransomwhere-json',
  sniff: sniffRansomwhere,
  async load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList> {
    const drafts = new Map<string, EntryDraft>();
    let latest = '';
    for await (const rec of records(input)) {
      const family = rec.family?.trim() || 'Unknown family';
      let draft = drafts.get(family);
      if (!draft) {
        draft = newDraft(ctx.source, family, 'entity', 'ransomware');
        addName(draft, family);
        drafts.set(family, draft);
      }
      addAddress(draft, rec.blockchain ?? undefined, rec.address, ctx.warn);
      if (rec.updatedAt && rec.updatedAt > latest) latest = rec.updatedAt;
    }
    const entries = [...drafts.values()].map(finishEntry);
    return { source: ctx.source, publishedAt: /^\d{4}-\d{2}-\d{2}/.exec(latest)?.[0], entries };
  },
};
