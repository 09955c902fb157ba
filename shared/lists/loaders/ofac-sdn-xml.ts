import { addAddress, addName, addOnce, type EntryDraft, finishEntry, newDraft } from '../entry.ts';
import { ListFormatError } from '../errors.ts';
import type { PeekedInput } from '../peek.ts';
import type { ListEntry } from '../types.ts';
import type { ListLoader, LoadContext, LoadedList } from './loader.ts';
import { kindFromSdnType, legacyName, ofacDate } from './ofac-text.ts';
import { streamXml, type XmlHandlers, type XmlTag } from './xml-stream.ts';

/** Leaf elements whose text the legacy SDN.XML reader keeps. */
const LEAVES = new Set([
  'Publish_Date',
  'uid',
  'firstName',
  'lastName',
  'sdnType',
  'program',
  'idType',
  'idNumber',
  'country',
  'dateOfBirth',
]);

/**
 * One streaming pass over the legacy SDN.XML (`<sdnList>` of `<sdnEntry>`). Leaves such as
 * `uid` and `lastName` appear both on the entry and inside its aliases and ids, so the reader
 * keeps the path of open elements and reads a leaf by its parent.
 */
class SdnXmlReader implements XmlHandlers {
  readonly entries: ListEntry[] = [];
  private readonly path: string[] = [];
  private capturing: string | undefined;
  private buffer = '';
  private draft: EntryDraft | undefined;
  /** Leaves of the entry itself (uid, names, type). */
  private own: Record<string, string> = {};
  /** Leaves of the alias or id being read. */
  private fields: Record<string, string> = {};
  published: string | undefined;

  constructor(private readonly ctx: LoadContext) {}

  wantText(): boolean {
    return this.capturing !== undefined;
  }

  text(text: string): void {
    this.buffer += text;
  }

  open(tag: XmlTag): void {
    this.path.push(tag.name);
    if (tag.name === 'sdnEntry') {
      this.draft = newDraft(this.ctx.source, '', 'entity', 'sanctions');
      this.own = {};
    } else if (tag.name === 'aka' || tag.name === 'id') this.fields = {};
    if (LEAVES.has(tag.name)) {
      this.capturing = tag.name;
      this.buffer = '';
    }
  }

  close(name: string): void {
    this.path.pop();
    if (this.capturing === name) {
      this.capturing = undefined;
      this.leaf(name, this.buffer.trim(), this.path[this.path.length - 1]);
      return;
    }
    if (name === 'sdnEntry') this.closeEntry();
    else if (name === 'aka' && this.draft) this.closeAka();
    else if (
      name === 'id' &&
      this.draft &&
      /^Digital Currency Address/i.test(this.fields.idType ?? '')
    ) {
      const currency = /- (\w+)/.exec(this.fields.idType ?? '')?.[1];
      addAddress(this.draft, currency, this.fields.idNumber ?? '', this.ctx.warn);
    }
  }

  private leaf(name: string, text: string, parent: string | undefined): void {
    if (name === 'Publish_Date') this.published = ofacDate(text);
    const draft = this.draft;
    if (!draft) return;
    if (parent === 'sdnEntry') this.own[name] = text;
    else if (parent === 'aka' || parent === 'id') this.fields[name] = text;
    else if (name === 'program') addOnce(draft.programs, text);
    else if (name === 'country' && (parent === 'nationality' || parent === 'citizenship')) {
      addOnce(draft.nationalities, text);
    } else if (name === 'dateOfBirth') addOnce(draft.datesOfBirth, ofacDate(text));
  }

  private closeAka(): void {
    const alias = legacyName(this.fields.lastName, this.fields.firstName);
    if (this.draft && alias) this.draft.aliases.push(alias);
    this.fields = {};
  }

  private closeEntry(): void {
    const draft = this.draft;
    if (!draft) return;
    const f = this.own;
    draft.entryId = f.uid ?? '';
    draft.kind = kindFromSdnType(f.sdnType);
    // The entry's own name fields are only known to be complete now: put its name first.
    const aliases = draft.aliases;
    draft.aliases = [];
    addName(draft, legacyName(f.lastName, f.firstName));
    for (const alias of aliases) addName(draft, alias);
    this.entries.push(finishEntry(draft));
    this.draft = undefined;
    this.own = {};
  }
}

/** Sniffs the legacy SDN.XML: an `<sdnList>` root. */
export function sniffOfacSdnXml(head: string): boolean {
  return /<sdnList[\s>]/.test(head);
}

/** OFAC's legacy SDN.XML, streamed. */
export const ofacSdnXmlLoader: ListLoader = {
  format: 'ofac-sdn-xml',
  sniff: sniffOfacSdnXml,
  async load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList> {
    const reader = new SdnXmlReader(ctx);
    await streamXml(input, { root: 'sdnList', entry: 'sdnEntry' }, reader);
    if (reader.entries.length === 0)
      throw new ListFormatError(input.name, undefined, 'no sdnEntry in the file');
    return { source: ctx.source, publishedAt: reader.published, entries: reader.entries };
  },
};
