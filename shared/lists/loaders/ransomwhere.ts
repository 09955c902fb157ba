import { addAddress, addName, type EntryDraft, finishEntry, newDraft } from '../entry.ts';
import { ListFormatError } from '../errors.ts';
import { type PeekedInput, readAllText } from '../peek.ts';
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

function records(text: string, name: string): RansomRecord[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ListFormatError(
      name,
      undefined,
      `malformed JSON (truncated?): ${(e as Error).message}`,
    );
  }
  const list = Array.isArray(doc) ? doc : (doc as { result?: unknown } | null)?.result;
  if (!Array.isArray(list))
    throw new ListFormatError(name, undefined, 'expected {"result": [...]}');
  return list.map((r, i) => {
    const rec = r as Partial<Record<keyof RansomRecord, unknown>> | null;
    if (typeof rec?.address !== 'string')
      throw new ListFormatError(name, `record ${i + 1}`, 'no address');
    return {
      address: rec.address,
      blockchain: typeof rec.blockchain === 'string' ? rec.blockchain : undefined,
      family: typeof rec.family === 'string' ? rec.family : undefined,
      updatedAt: typeof rec.updatedAt === 'string' ? rec.updatedAt : undefined,
    };
  });
}

/** The ransomwhe.re export JSON: one entry per ransomware family, its payment addresses. */
export const ransomwhereLoader: ListLoader = {
  format: 'ransomwhere-json',
  sniff: sniffRansomwhere,
  async load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList> {
    const drafts = new Map<string, EntryDraft>();
    let latest = '';
    for (const rec of records(await readAllText(input), input.name)) {
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
    if (drafts.size === 0)
      throw new ListFormatError(input.name, undefined, 'the export holds no address');
    const entries = [...drafts.values()].map(finishEntry);
    return { source: ctx.source, publishedAt: /^\d{4}-\d{2}-\d{2}/.exec(latest)?.[0], entries };
  },
};
