import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type YAMLMap,
} from 'yaml';
import { ListFormatError } from '../errors.ts';
import { entryCounter, overLimit } from '../limits.ts';
import { type PeekedInput, readLines } from '../peek.ts';

/** The scalar fields of a mapping as trimmed strings, exactly as written. */
export type Fields = Readonly<Record<string, string | undefined>>;
/** One tag's fields and the line it starts on. */
export type TagRow = Fields & { line: string };

/** A TagPack: its header fields and its tags. */
export interface TagPack {
  readonly header: Fields;
  readonly tags: readonly TagRow[];
}

function scalars(map: YAMLMap, counter: LineCounter, firstLine: number): TagRow {
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
  const line = at === undefined ? '?' : String(counter.linePos(at).line + firstLine - 1);
  return { ...out, line };
}

/** Parses YAML text that starts on `firstLine` of the file; errors name the file's line. */
function parseYaml(text: string, name: string, firstLine: number) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = counter.linePos(error.pos[0]);
    throw new ListFormatError(
      name,
      `line ${pos.line + firstLine - 1}, column ${pos.col}`,
      `malformed YAML: ${error.message.split('\n')[0]}`,
    );
  }
  return { doc, counter };
}

function rowsOf(seq: unknown, counter: LineCounter, name: string, firstLine: number): TagRow[] {
  if (!isSeq(seq)) throw new ListFormatError(name, `line ${firstLine}`, 'tags is not a list');
  return seq.items.map((item) => {
    if (!isMap(item))
      throw new ListFormatError(name, `line ${firstLine}`, 'a tag is a mapping with an address');
    return scalars(item, counter, firstLine);
  });
}

function headerOf(doc: Document, counter: LineCounter, name: string): Fields {
  if (doc.contents === null) return {};
  if (!isMap(doc.contents))
    throw new ListFormatError(name, undefined, 'a TagPack is a YAML mapping');
  const { line: _, ...fields } = scalars(doc.contents, counter, 1);
  return fields;
}

const TAGS_BLOCK = /^tags\s*:\s*(#.*)?$/;
const TAGS_KEY = /^tags\s*:/;
const ITEM = /^( *)-(\s|$)/;
const IGNORABLE = /^\s*(#.*)?$/;
/** Tags are parsed some 256 KB at a time: YAML's document model costs ~50 bytes a byte. */
const CHUNK_CHARS = 1 << 18;

/**
 * Reads a TagPack line by line. The header keys are parsed as one small document; the block
 * list under `tags:` is cut at its items into chunks that are parsed one at a time, so memory
 * stays flat whatever the number of tags. A `tags:` written in flow style is parsed whole.
 */
class TagPackReader {
  /** The file's lines outside the tag list (tag lines left blank, so lines keep their numbers). */
  private readonly header: string[] = [];
  private whole: string[] | undefined;
  private mode: 'header' | 'tags' = 'header';
  private indent: string | undefined;
  private chunk: string[] = [];
  private chunkStart = 0;
  private chunkChars = 0;
  private sawTags = false;
  readonly tags: TagRow[] = [];

  constructor(
    private readonly name: string,
    private readonly count: (where: string) => void,
  ) {}

  line(text: string, lineNo: number): void {
    if (this.whole) this.whole.push(text);
    else if (this.mode === 'tags' && this.tagLine(text, lineNo)) this.header.push('');
    else if (TAGS_BLOCK.test(text)) {
      this.mode = 'tags';
      this.sawTags = true;
      this.header.push('');
    } else if (TAGS_KEY.test(text)) this.whole = [...this.header, text];
    else this.header.push(text);
  }

  /** Takes a line of the tag list; false when the line ends the list. */
  private tagLine(text: string, lineNo: number): boolean {
    if (IGNORABLE.test(text)) {
      if (this.chunk.length > 0) this.chunk.push(text);
      return true;
    }
    const item = ITEM.exec(text);
    this.indent ??= item?.[1];
    const indent = this.indent ?? '';
    if (item && item[1] === indent) this.startItem(lineNo);
    else if (!text.startsWith(`${indent} `) || this.indent === undefined) {
      this.flush();
      this.mode = 'header';
      return false;
    }
    this.chunk.push(text);
    this.chunkChars += text.length + 1;
    return true;
  }

  private startItem(lineNo: number): void {
    this.count(`line ${lineNo}`);
    if (this.chunkChars >= CHUNK_CHARS) this.flush();
    if (this.chunk.length === 0) this.chunkStart = lineNo;
  }

  private flush(): void {
    if (this.chunk.length === 0) return;
    const { doc, counter } = parseYaml(this.chunk.join('\n'), this.name, this.chunkStart);
    for (const row of rowsOf(doc.contents, counter, this.name, this.chunkStart))
      this.tags.push(row);
    this.chunk = [];
    this.chunkChars = 0;
  }

  finish(): TagPack {
    if (this.whole) return parseWhole(this.whole.join('\n'), this.name);
    this.flush();
    const { doc, counter } = parseYaml(this.header.join('\n'), this.name, 1);
    const header = headerOf(doc, counter, this.name);
    if (!this.sawTags || this.tags.length === 0)
      throw new ListFormatError(this.name, undefined, 'the TagPack has no tags');
    return { header, tags: this.tags };
  }
}

/** A TagPack whose tags are not a block list, parsed as one document. */
function parseWhole(text: string, name: string): TagPack {
  const { doc, counter } = parseYaml(text, name, 1);
  const header = headerOf(doc, counter, name);
  const tags = isMap(doc.contents) ? doc.contents.get('tags') : undefined;
  if (!isSeq(tags) || tags.items.length === 0)
    throw new ListFormatError(name, undefined, 'the TagPack has no tags');
  return { header, tags: rowsOf(tags, counter, name, 1) };
}

/**
 * Reads a GraphSense TagPack, up to maxYamlBytes of YAML (parsing YAML costs ~0.4 µs a
 * byte, so the limit bounds the time) and maxEntries tags. The lines are all read before any
 * is parsed, so a file past the limit is refused after a cheap read, not seconds of parsing.
 */
export async function readTagPack(input: PeekedInput): Promise<TagPack> {
  const { limits, name } = input;
  const lines: string[] = [];
  let chars = 0;
  for await (const { line } of readLines(input)) {
    chars += line.length + 1;
    if (chars > limits.maxYamlBytes) throw overLimit(limits, 'maxYamlBytes', name, 'the YAML text');
    lines.push(line);
  }
  const reader = new TagPackReader(name, entryCounter(name, limits));
  for (const [i, line] of lines.entries()) reader.line(line, i + 1);
  return reader.finish();
}
