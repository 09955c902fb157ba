import type { Readable } from 'node:stream';
import type { NormalizedEvent } from '../../../shared/normalize/index.ts';
import type { DecodedLines, DecodeThread } from './decode-thread.ts';
import { type ReadContext, readFailure, refuse } from './readers.ts';

/**
 * Bytes sent to the reading thread at once (file reads and gunzip give smaller pieces).
 * Each message may wake the thread, and on a busy machine a wake-up costs the sender a
 * few milliseconds: a few large messages, not many small ones.
 */
const CHUNK_BYTES = 4 << 20;
/** Chunks in flight: the reading thread decodes the next one while the engine screens. */
const AHEAD = 2;

/** The input's bytes in pieces of at least `size` (the last one shorter), each a fresh copy. */
async function* pieces(input: Readable, size: number): AsyncGenerator<Uint8Array> {
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
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    parts.push(b);
    bytes += b.length;
    if (bytes >= size) yield joined();
  }
  if (bytes > 0) yield joined();
}

/** Counts what a reply read into the file's tally and hands its events on. */
function tallied(ctx: ReadContext, d: DecodedLines): NormalizedEvent[] {
  ctx.tally.lines += d.lines;
  for (const r of d.refused) refuse(ctx, r.line, r.reason);
  ctx.tally.events += d.events.length;
  return d.events;
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
  input: Readable,
  ctx: ReadContext,
  thread: DecodeThread,
): AsyncGenerator<NormalizedEvent[]> {
  const stream = thread.open();
  const max = ctx.limits.maxLineBytes;
  const pending: Promise<DecodedLines>[] = [];
  let ended = false;
  try {
    for await (const bytes of pieces(input, CHUNK_BYTES)) {
      pending.push(quiet(thread.send(stream, bytes, max)));
      if (pending.length < AHEAD) continue;
      const events = tallied(ctx, await pending.shift()!);
      if (events.length > 0) yield events;
    }
    pending.push(quiet(thread.end(stream, max)));
    ended = true;
    while (pending.length > 0) {
      const events = tallied(ctx, await pending.shift()!);
      if (events.length > 0) yield events;
    }
  } catch (error) {
    throw readFailure(ctx.file, error);
  } finally {
    if (!ended) thread.drop(stream);
  }
}
