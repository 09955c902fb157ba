import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
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
import { type ListLimits, overLimit } from '../limits.ts';
import { type PeekedInput, readAllText } from '../peek.ts';
import type { ListLoader, LoadContext, LoadedList } from './loader.ts';

const HEADER_KEYS =
  /^(title|creator|description|lastmod|label|category|abuse|actor|confidence|is_cluster_definer|is_public|currency|network|source|tags):/gm;

/** Sniffs a GraphSense TagPack: a YAML mapping with the TagPack header keys (title, creator, tags...). */
export function sniffGraphSense(head: string): boolean {
  if (/^\s*[{[<]/.test(head)) return false;
  const keys = new Set([...head.matchAll(HEADER_KEYS)].map((m) => m[1]));
  return keys.has('tags') || (keys.size >= 3 && (keys.has('creator') || keys.has('title')));
}

type Fields = Readonly<Record<string, string | undefined>>;

/** The scalar fields of a YAML mapping as trimmed strings (dates and numbers as written). */
function scalars(map: YAMLMap, counter: LineCounter): Fields & { line: string } {
  const out: Record<string, string | undefined> = {};
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const value = pair.value.value;
    if (value === null || value === undefined) continue;
    // YAML reads an unquoted `0x…` or a long digit run as a number, which would lose digits:
    // every field is kept as it was written.
    const text = typeof value === 'string' ? value : (pair.value.source ?? String(value));
    out[String(pair.key.value)] = text.trim();
  }
  const at = map.range?.[0];
  return { ...out, line: at === undefined ? '?' : String(counter.linePos(at).line) };
}

function parsePack(
  text: string,
  name: string,
  limits: ListLimits,
): { header: Fields; tags: (Fields & { line: string })[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = counter.linePos(error.pos[0]);
    throw new ListFormatError(
      name,
      `line ${pos.line}, column ${pos.col}`,
      `malformed YAML: ${error.message.split('\n')[0]}`,
    );
  }
  if (!isMap(doc.contents))
    throw new ListFormatError(name, undefined, 'a TagPack is a YAML mapping');
  const tags = doc.contents.get('tags');
  if (!isSeq(tags) || tags.items.length === 0)
    throw new ListFormatError(name, undefined, 'the TagPack has no tags');
  const header = scalars(doc.contents, counter);
  if (tags.items.length > limits.maxEntries)
    throw overLimit(limits, 'maxEntries', name, `the number of tags (${tags.items.length})`);
  const rows = tags.items.map((item, i) => {
    if (!isMap(item))
      throw new ListFormatError(name, `tag ${i + 1}`, 'a tag is a mapping with an address');
    return scalars(item, counter);
  });
  return { header, tags: rows };
}

/** GraphSense TagPack YAML: tags grouped into one entry per actor or label. */
export const graphSenseLoader: ListLoader = {
  format: 'graphsense-tagpack',
  sniff: sniffGraphSense,
  async load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList> {
    const { header, tags } = parsePack(await readAllText(input), input.name, input.limits);
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
