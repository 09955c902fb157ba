// The reading thread of a scan: splits the bytes of JSONL inputs into lines, decodes,
// validates and normalizes them, and sends the events back compactly (see event-codec.ts),
// so the screening thread spends its time in the engine. Started by decode-thread.ts.
import { parentPort } from 'node:worker_threads';
import type { NormalizedEvent } from '../../../shared/normalize/index.ts';
import type { DecodeReply, DecodeRequest } from './decode-protocol.ts';
import { type EncodedEvents, EventEncoder } from './event-codec.ts';
import { decodeJsonlLines } from './jsonl-lines.ts';
import { type Line, LineSplitter } from './lines.ts';

const encoder = new EventEncoder();
/** Each open stream's line splitter, and where its events can be read again (if they can). */
const streams = new Map<number, { splitter: LineSplitter; refBase: number | undefined }>();

function decode(
  stream: number,
  lines: readonly Line[],
  maxLineBytes: number,
  refBase: number | undefined,
): DecodeReply {
  const refused: { line: number; reason: string }[] = [];
  const sink = {
    event: (e: NormalizedEvent) => encoder.add(e),
    refuse: (line: number, reason: string) => refused.push({ line, reason }),
  };
  const counted = decodeJsonlLines(lines, maxLineBytes, sink, refBase);
  return { stream, lines: counted, refused, events: encoder.take() };
}

/** The memory of a reply's typed arrays, each its own: moved to the screening thread, not copied. */
function moved(events: EncodedEvents): ArrayBuffer[] {
  const { shapes, numbers, values, valueEnds } = events;
  return [shapes, numbers, values, valueEnds].map((a) => a.buffer as ArrayBuffer);
}

function handle(m: DecodeRequest): DecodeReply | undefined {
  if (m.kind === 'drop') {
    streams.delete(m.stream);
    return undefined;
  }
  let open = streams.get(m.stream);
  if (!open) {
    const first = m.kind === 'bytes' ? m.firstLine : undefined;
    const refBase = m.kind === 'bytes' ? m.refBase : undefined;
    open = { splitter: new LineSplitter(m.maxLineBytes, first), refBase };
    streams.set(m.stream, open);
  }
  const { splitter, refBase } = open;
  if (m.kind === 'bytes') {
    // A view of the moved bytes, not a copy of them.
    const bytes = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
    return decode(m.stream, splitter.push(bytes), m.maxLineBytes, refBase);
  }
  streams.delete(m.stream);
  return decode(m.stream, splitter.end(), m.maxLineBytes, refBase);
}

parentPort!.on('message', (m: DecodeRequest) => {
  try {
    const reply = handle(m);
    if (reply) parentPort!.postMessage(reply, 'events' in reply ? moved(reply.events) : []);
  } catch (error) {
    // A bug, not a bad line (those are refused): the screening thread throws it.
    const failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    parentPort!.postMessage({ stream: m.stream, failure } satisfies DecodeReply);
  }
});
