import { createHash } from 'node:crypto';
import { type ListLimits, overLimit } from './limits.ts';
import type { Compression, InputPart } from './open-input.ts';

/** Bytes read ahead to detect the format: enough for a long first CSV row (remarks cut at 1,000 chars). */
export const HEAD_BYTES = 4096;

/** A decompressed input whose first bytes were read ahead; the text reads on from the very start. */
export interface PeekedInput {
  readonly name: string;
  readonly compression: Compression;
  /** The limits its readers keep to. */
  readonly limits: ListLimits;
  /** The first HEAD_BYTES, decoded (a byte-order mark dropped). */
  readonly head: string;
  /** The whole text once, head included; the bytes are hashed as they pass. */
  text(): AsyncIterable<string>;
  /** sha256 hex of the decompressed bytes; only once text() was read to its end. */
  digest(): string;
  /** Stops reading (ends a decompressor child) when the text will not be read. */
  close(): Promise<void>;
}

/** Reads the head of an input so its format can be told before it is parsed. */
export async function peekInput(part: InputPart, headBytes = HEAD_BYTES): Promise<PeekedInput> {
  const iterator = part.chunks()[Symbol.asyncIterator]();
  const ahead: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < headBytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    ahead.push(next.value);
    size += next.value.length;
  }
  const hash = createHash('sha256');
  let digest: string | undefined;
  let used = false;
  async function* text(): AsyncIterable<string> {
    if (used) throw new Error(`${part.name}: the text can be read once`);
    used = true;
    const decoder = new TextDecoder('utf-8');
    for (const chunk of ahead) yield pass(chunk);
    ahead.length = 0;
    while (!ended) {
      const next = await iterator.next();
      if (next.done) break;
      yield pass(next.value);
    }
    const tail = decoder.decode();
    if (tail) yield tail;
    digest = hash.digest('hex');

    function pass(chunk: Buffer): string {
      hash.update(chunk);
      return decoder.decode(chunk, { stream: true });
    }
  }
  return {
    name: part.name,
    compression: part.compression,
    limits: part.limits,
    head: new TextDecoder('utf-8').decode(Buffer.concat(ahead).subarray(0, headBytes)),
    text,
    digest: () => {
      if (digest === undefined)
        throw new Error(`${part.name}: read the text to its end before its digest`);
      return digest;
    },
    close: async () => {
      await iterator.return?.();
    },
  };
}

/**
 * The lines of an input with their 1-based numbers; CR LF and LF both end a line. Each chunk
 * is searched once for newlines and a long line is kept as pieces, so the work is linear in
 * the input whatever its line lengths; a line past maxLineChars stops the load.
 */
export async function* readLines(
  input: PeekedInput,
): AsyncIterable<{ line: string; lineNo: number }> {
  const max = input.limits.maxLineChars;
  let pieces: string[] = [];
  let pending = 0;
  let lineNo = 0;
  const finish = (tail: string) => {
    const joined = pieces.length ? pieces.join('') + tail : tail;
    pieces = [];
    pending = 0;
    return { line: joined.endsWith('\r') ? joined.slice(0, -1) : joined, lineNo: ++lineNo };
  };
  for await (const s of input.text()) {
    let start = 0;
    for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', start)) {
      if (pending + nl - start > max) throw longLine(input, lineNo + 1);
      yield finish(s.slice(start, nl));
      start = nl + 1;
    }
    pending += s.length - start;
    if (pending > max) throw longLine(input, lineNo + 1);
    if (start < s.length) pieces.push(s.slice(start));
  }
  if (pending > 0) yield finish('');
}

function longLine(input: PeekedInput, lineNo: number) {
  return overLimit(input.limits, 'maxLineChars', input.name, 'the line length', `line ${lineNo}`);
}
