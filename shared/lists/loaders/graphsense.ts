import {
  addAddress,
  addName,
  addOnce,
  categoryFrom,
  type EntryDraft,
  finishEntry,
  newDraft,
} from '../entry.ts';
import { ListFormatError } from '../errors.ts';
import type { PeekedInput } from '../peek.ts';
import type { ListLoader, LoadContext, LoadedList } from './loader.ts';
import { readTagPack } from './tagpack-read.ts';

const HEADER_KEYS =
  /^(title|creator|description|lastmod|label|category|abuse|actor|confidence|is_cluster_definer|is_public|currency|network|source|tags):/gm;

/** Sniffs a GraphSense TagPack: a YAML mapping with the TagPack header keys (title, creator, tags...). */
export function sniffGraphSense(head: string): boolean {
  if (/^\s*[{[<]/.test(head)) return false;
  const keys = new Set([...head.matchAll(HEADER_KEYS)].map((m) => m[1]));
  return keys.has('tags') || (keys.size >= 3 && (keys.has('creator') || keys.has('title')));
}

/** GraphSense TagPack YAML: tags grouped into one entry per actor or label. */
export const graphSenseLoader: ListLoader = {
  format: 'graphsense-tagpack',
  sniff: sniffGraphSense,
  async load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList> {
    const { header, tags } = await readTagPack(input);
    const drafts = new Map<string, EntryDraft>();
    let lastmod = header.lastmod ?? '';
    for (const tag of tags) {
      const t = { ...header, ...tag };
      if (!tag.address)
        throw new ListFormatError(input.name, `line ${tag.line}`, 'a tag without an address');
      const label = t.label ?? header.title ?? 'unlabelled';
      const id = t.actor ?? label;
      let draft = drafts.get(id);
      if (!draft) {
        draft = newDraft(ctx.source, id, 'entity', categoryFrom(t.abuse, t.category, label));
        addName(draft, label);
        drafts.set(id, draft);
      } else addName(draft, label);
      addAddress(draft, t.currency ?? t.network, tag.address, ctx.warn);
      addOnce(draft.references, t.source);
      if (tag.lastmod && tag.lastmod > lastmod) lastmod = tag.lastmod;
    }
    const entries = [...drafts.values()].map(finishEntry);
    return { source: ctx.source, publishedAt: /^\d{4}-\d{2}-\d{2}/.exec(lastmod)?.[0], entries };
  },
};
