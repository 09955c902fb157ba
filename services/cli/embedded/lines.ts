import type { Readable } from 'node:stream';

/**
 * One line of a byte stream: its text and the byte offset it starts at in the stream, or a
 * note that it was longer than the limit.
 */
export type Line =
  | { readonly line: number; readonly text: string; readonly offset: number }
  | { readonly line: number; readonly tooLong: number };

const NEWLINE = 0x0a;
const CR = 0x0d;
/**
 * Bytes of whole lines decoded at once: a string this size is still young and dies young,
 * while one of a whole chunk (over V8's 128 KB) lands in the large-object space and stays
 * until a full collection.
 */
const PIECE = 64 * 1024;

/** Splits a UTF-8 stream into lines, a whole chunk at a time; a line over `maxBytes` is never built. */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipped = -1;
  private lineNo = 0;
  /** Bytes of the stream before the chunk being split. */
  private base = 0;
  /** Byte offset in the stream of the line still open. */
  private lineStart = 0;

  constructor(
    private readonly maxBytes: number,
    /** The number of the first line (a stream taken over at a line boundary goes on counting). */
    firstLine = 1,
  ) {
    this.lineNo = firstLine - 1;
  }

  /** The number the next line will have. */
  get nextLine(): number {
    return this.lineNo + 1;
  }

  /** The lines that end in `chunk` (a line still open stays pending). */
  push(chunk: Buffer): Line[] {
    const out: Line[] = [];
    const first = chunk.indexOf(NEWLINE);
    if (first < 0) {
      this.keep(chunk, 0, chunk.length);
      this.base += chunk.length;
      return out;
    }
    out.push(this.close(chunk, 0, first));
    const last = chunk.lastIndexOf(NEWLINE);
    // No line between the first and last newline can pass the limit when all of them together do not.
    if (last - first - 1 <= this.maxBytes) {
      for (let from = first + 1; from <= last; ) {
        const to = from + PIECE >= last ? last : chunk.indexOf(NEWLINE, from + PIECE);
        this.whole(chunk.toString('utf8', from, to), this.base + from, to - from, out);
        from = to + 1;
      }
      this.lineStart = this.base + last + 1;
    } else {
      for (let start = first + 1, nl = first; nl < last; start = nl + 1) {
        nl = chunk.indexOf(NEWLINE, start);
        out.push(this.close(chunk, start, nl));
      }
    }
    this.keep(chunk, last + 1, chunk.length);
    this.base += chunk.length;
    return out;
  }

  /**
   * Lines wholly inside one chunk, decoded as one string and cut into slices: one UTF-8
   * decode a chunk instead of one a line. Cut only at newlines, so no character is split;
   * the caller made sure none is over the limit.
   */
  private whole(text: string, offset: number, bytes: number, out: Line[]): void {
    // One byte a character unless the text holds wider ones: then each line's bytes are counted.
    const ascii = text.length === bytes;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      out.push(this.sliced(text, start, end, offset));
      if (nl < 0) return;
      offset += ascii ? nl + 1 - start : Buffer.byteLength(text.slice(start, nl + 1));
      start = nl + 1;
    }
  }

  private sliced(text: string, from: number, to: number, offset: number): Line {
    const line = ++this.lineNo;
    const end = to > from && text.charCodeAt(to - 1) === CR ? to - 1 : to;
    const cut = text.slice(from, end);
    return { line, text: line === 1 ? cut.replace(/^\uFEFF/, '') : cut, offset };
  }

  /** The last line when the stream ends without a newline. */
  end(): Line[] {
    if (this.skipped < 0 && this.pendingBytes === 0) return [];
    return [this.close(Buffer.alloc(0), 0, 0)];
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (from === to) return;
    if (this.skipped >= 0) {
      this.skipped += to - from;
    } else if (this.pendingBytes + to - from > this.maxBytes) {
      this.skipped = this.pendingBytes + to - from;
      this.pending = [];
      this.pendingBytes = 0;
    } else {
      this.pending.push(chunk.subarray(from, to));
      this.pendingBytes += to - from;
    }
  }

  private close(chunk: Buffer, from: number, to: number): Line {
    const line = ++this.lineNo;
    const offset = this.lineStart;
    this.lineStart = this.base + to + 1;
    const bytes = this.pendingBytes + to - from;
    if (this.skipped >= 0 || bytes > this.maxBytes) {
      const tooLong = this.skipped >= 0 ? this.skipped + (to - from) : bytes;
      this.skipped = -1;
      this.pending = [];
      this.pendingBytes = 0;
      return { line, tooLong };
    }
    let end = to;
    if (end > from && chunk[end - 1] === CR) end--;
    let text: string;
    if (this.pendingBytes === 0) text = chunk.toString('utf8', from, end);
    else {
      const whole = Buffer.concat([...this.pending, chunk.subarray(from, to)]);
      const cut =
        whole.length > 0 && whole[whole.length - 1] === CR ? whole.length - 1 : whole.length;
      text = whole.toString('utf8', 0, cut);
      this.pending = [];
      this.pendingBytes = 0;
    }
    return { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text, offset };
  }
}

/** The lines of a byte stream, a chunk's worth at a time (one await per chunk, not per line). */
export async function* linesOf(stream: Readable, maxBytes: number): AsyncGenerator<Line[]> {
  const splitter = new LineSplitter(maxBytes);
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const lines = splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (lines.length > 0) yield lines;
  }
  const last = splitter.end();
  if (last.length > 0) yield last;
}
