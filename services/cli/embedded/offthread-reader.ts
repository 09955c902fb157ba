import type { Readable } from 'node:stream';
import type { NormalizedEvent } from '../../../shared/normalize/index.ts';
import type { DecodedLines, DecodeThread } from './decode-thread.ts';
import { decodeJsonlLines } from './jsonl-lines.ts';
import { type Line, LineSplitter } from './lines.ts';
import { MERGED_BATCH } from './merge.ts';
import { type ReadContext, readFailure, refuse } from './readers.ts';

const NEWLINE = 0x0a;

/**
 * Bytes sent to the reading thread at once (file reads and gunzip give smaller pieces).
 * Each message may wake the thread, and on a busy machine a wake-up costs the sender a
 * few milliseconds: a few large messages, not many small ones.
 */
export const CHUNK_BYTES = 4 << 20;
/** Chunks in flight: the reading thread decodes the next one while the engine screens. */
const AHEAD = 2;

/** True when the bytes are the whole of their memory, so moving that memory moves nothing else. */
const alone = (b: Uint8Array) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;

/**
 * The input's bytes in pieces of at least `size` (the last one shorter), each in memory of
 * its own that the reading thread may take: a file stream's chunk of that size as it is
 * read (no copy), smaller ones copied together.
 */
export async function* pieces(
  input: AsyncIterable<Buffer | string>,
  size: number,
): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let bytes = 0;
  const joined = () => {
    const out = new Uint8Array(bytes);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    parts = [];
    bytes = 0;
    return out;
  };
  for await (const chunk of input) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (bytes === 0 && b.length >= size && alone(b)) {
      yield b;
      continue;
    }
    parts.push(b);
    bytes += b.length;
    if (bytes >= size) yield joined();
  }
  if (bytes > 0) yield joined();
}

/** Counts what a reply read into the file's tally and hands its events on, built a batch at a time. */
function* tallied(ctx: ReadContext, d: DecodedLines): Generator<NormalizedEvent[]> {
  ctx.tally.lines += d.lines;
  for (const r of d.refused) refuse(ctx, r.line, r.reason);
  ctx.tally.events += d.events.count;
  while (d.events.left > 0) yield d.events.take(MERGED_BATCH);
}

/** A promise whose failure is handled where it is awaited, never reported as unhandled. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/**
 * JSONL events, in file order, decoded on the reading thread: the same events, counts and
 * refusals as `jsonlEvents`, with a few chunks decoded ahead while the engine screens.
 */
export async function* jsonlEventsOffThread(
  input: AsyncIterable<Buffer | string>,
  ctx: ReadContext,
  thread: DecodeThread,
  /** The number of the input's first line, when it is the rest of a stream read in line so far. */
  firstLine?: number,
): AsyncGenerator<NormalizedEvent[]> {
  const stream = thread.open();
  const max = ctx.limits.maxLineBytes;
  const pending: Promise<DecodedLines>[] = [];
  let ended = false;
  let start: Parameters<DecodeThread['send']>[3] = {
    ...(firstLine === undefined ? {} : { firstLine }),
    ...(ctx.refBase === undefined ? {} : { refBase: ctx.refBase }),
  };
  try {
    for await (const bytes of pieces(input, CHUNK_BYTES)) {
      pending.push(quiet(thread.send(stream, bytes, max, start)));
      start = {};
      if (pending.length < AHEAD) continue;
      yield* tallied(ctx, await pending.shift()!);
    }
    pending.push(quiet(thread.end(stream, max)));
    ended = true;
    while (pending.length > 0) {
      yield* tallied(ctx, await pending.shift()!);
    }
  } catch (error) {
    throw readFailure(ctx.file, error);
  } finally {
    if (!ended) thread.drop(stream);
  }
}

/**
 * JSONL events of an input of unknown size (standard input): decoded in line while short,
 * handed to the reading thread once `offThreadBytes` were read, at a line boundary so the
 * thread starts on a whole line and goes on counting lines from there.
 */
export async function* jsonlEventsHandedOver(
  input: Readable,
  ctx: ReadContext,
  thread: () => DecodeThread,
): AsyncGenerator<NormalizedEvent[]> {
  const chunks = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const splitter = new LineSplitter(ctx.limits.maxLineBytes);
  let read = 0;
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        yield* inLine(ctx, splitter.end());
        return;
      }
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      read += chunk.length;
      const cut = read >= ctx.limits.offThreadBytes ? chunk.lastIndexOf(NEWLINE) + 1 : 0;
      if (cut === 0) {
        yield* inLine(ctx, splitter.push(chunk));
        continue;
      }
      yield* inLine(ctx, splitter.push(chunk.subarray(0, cut)));
      async function* rest(): AsyncGenerator<Buffer | string> {
        if (cut < chunk.length) yield chunk.subarray(cut);
        for (let n = await chunks.next(); !n.done; n = await chunks.next()) yield n.value;
      }
      yield* jsonlEventsOffThread(rest(), ctx, thread(), splitter.nextLine);
      return;
    }
  } catch (error) {
    throw readFailure(ctx.file, error);
  } finally {
    await chunks.return?.();
  }
}

/** Lines decoded here, counted into the file's tally. */
function* inLine(ctx: ReadContext, lines: readonly Line[]): Generator<NormalizedEvent[]> {
  const out: NormalizedEvent[] = [];
  ctx.tally.lines += decodeJsonlLines(lines, ctx.limits.maxLineBytes, {
    event: (e) => {
      out.push(ctx.strings ? ctx.strings.event(e) : e);
      ctx.tally.events++;
    },
    refuse: (line, reason) => refuse(ctx, line, reason),
  });
  if (out.length > 0) yield out;
}
