import { ListFormatError } from './errors.ts';
import { overLimit } from './limits.ts';
import type { PeekedInput } from './peek.ts';

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const isOpen = (c: number) => (c | 0x20) === 0x7b; // { or [
const isClose = (c: number) => (c | 0x20) === 0x7d; // } or ]
const COMMA = 0x2c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Finds the objects of one JSON array in a stream of text: the document itself when it is an
 * array, else the array under `key` in the top object. A streaming tokenizer in JavaScript
 * reads about 30 MB/s; this only tracks strings and brackets, and hands each object to
 * JSON.parse, which together read several hundred MB/s. Nothing outside the array is parsed.
 */
class ArrayScanner {
  private depth = 0;
  private inString = false;
  private escapeNext = false;
  /** The depth inside the wanted array, once found. */
  private arrayDepth = -1;
  private keyStart = -1;
  private lastKey = '';
  /** The start of a top-level key cut by a chunk boundary (keys past 256 characters are not kept). */
  private keyHead = '';
  private pieces: string[] = [];
  private pending = 0;
  private recordStart = -1;
  readonly done: string[] = [];

  constructor(
    private readonly key: string,
    private readonly maxChars: number,
    private readonly tooLong: () => Error,
    private readonly notObject: () => Error,
  ) {}

  get complete(): boolean {
    return this.depth === 0 && !this.inString && this.arrayDepth !== -1;
  }

  write(text: string): void {
    // A backslash that ended the last chunk escapes this chunk's first character.
    let i = this.escapeNext ? 1 : 0;
    this.escapeNext = false;
    // The next quote and backslash are looked up only once the last ones are behind: each
    // is found once per chunk, so strings cost native scans and stay linear.
    const find = (char: string, from: number) => {
      const at = text.indexOf(char, from);
      return at === -1 ? Number.POSITIVE_INFINITY : at;
    };
    let nextQuote = -1;
    let nextSlash = -1;
    while (i < text.length) {
      if (this.inString) {
        if (nextQuote < i) nextQuote = find('"', i);
        if (nextSlash < i) nextSlash = find('\\', i);
        if (nextSlash < nextQuote) {
          i = nextSlash + 2;
          this.escapeNext = i > text.length;
          continue;
        }
        if (nextQuote === Number.POSITIVE_INFINITY) break;
        this.closeString(text, nextQuote);
        i = nextQuote + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) this.openString(i);
      else if (isOpen(c)) this.open(c, i);
      else if (isClose(c)) this.close(text, i);
      else if (this.betweenRecords() && !isSpace(c) && c !== COMMA) throw this.notObject();
      i++;
    }
    this.carry(text);
  }

  private betweenRecords(): boolean {
    return this.depth === this.arrayDepth && this.recordStart === -1;
  }

  private closeString(text: string, i: number): void {
    this.inString = false;
    if (this.keyStart !== -1) this.lastKey = this.keyHead + text.slice(this.keyStart, i);
    this.keyStart = -1;
    this.keyHead = '';
  }

  private openString(i: number): void {
    this.inString = true;
    if (this.betweenRecords()) throw this.notObject();
    // Keys of the top object are short; only those are remembered.
    this.keyStart = this.depth === 1 && this.arrayDepth === -1 ? i + 1 : -1;
  }

  private open(c: number, i: number): void {
    if (this.betweenRecords()) {
      if (c !== OPEN_OBJECT) throw this.notObject();
      this.recordStart = i;
    }
    this.depth++;
    const wanted =
      this.depth === 1 ? this.key === '' : this.depth === 2 && this.lastKey === this.key;
    if (c === OPEN_ARRAY && this.arrayDepth === -1 && wanted) this.arrayDepth = this.depth;
  }

  private close(text: string, i: number): void {
    this.depth--;
    if (this.depth === this.arrayDepth && this.recordStart !== -1) {
      this.done.push(this.pieces.join('') + text.slice(this.recordStart, i + 1));
      this.pieces = [];
      this.pending = 0;
      this.recordStart = -1;
    } else if (this.depth === this.arrayDepth - 1 && text.charCodeAt(i) === CLOSE_ARRAY)
      this.arrayDepth = Number.POSITIVE_INFINITY; // the array is over: ignore the rest
  }

  /** Keeps what the next chunk needs: the start of a cut key, and the unfinished record. */
  private carry(text: string): void {
    if (this.inString && this.keyStart !== -1) {
      this.keyHead += text.slice(this.keyStart);
      this.keyStart = this.keyHead.length > 256 ? -1 : 0;
      if (this.keyStart === -1) {
        this.keyHead = '';
        this.lastKey = '';
      }
    }
    if (this.recordStart === -1) return;
    const rest = text.slice(this.recordStart);
    this.pending += rest.length;
    if (this.pending > this.maxChars) throw this.tooLong();
    this.pieces.push(rest);
    this.recordStart = 0;
  }
}

/**
 * The objects of a JSON array in a list file, parsed one at a time: `key` names the array in
 * the top object, or '' when the document is the array. Each record may be maxLineChars long.
 */
export async function* jsonRecords(input: PeekedInput, key: string): AsyncIterable<unknown> {
  let index = 0;
  // Records found in the current chunk are counted before they are handed on.
  const where = () => `record ${index + scanner.done.length + 1}`;
  const scanner: ArrayScanner = new ArrayScanner(
    key,
    input.limits.maxLineChars,
    () => overLimit(input.limits, 'maxLineChars', input.name, 'the record length', where()),
    () => new ListFormatError(input.name, where(), 'a record is not a JSON object'),
  );
  for await (const chunk of input.text()) {
    scanner.write(chunk);
    for (const text of scanner.done.splice(0)) {
      index++;
      yield parseRecord(text, input.name, index);
    }
  }
  if (!scanner.complete) {
    const why = key ? `expected {"${key}": [...]}` : 'expected [...]';
    throw new ListFormatError(input.name, undefined, `malformed JSON (truncated?): ${why}`);
  }
}

function parseRecord(text: string, name: string, index: number): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ListFormatError(name, `record ${index}`, `malformed JSON: ${(e as Error).message}`);
  }
}
