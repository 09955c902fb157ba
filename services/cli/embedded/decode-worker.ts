// The reading thread of a scan: splits the bytes of JSONL inputs into lines, decodes,
// validates and normalizes them, and sends the events back compactly (see event-codec.ts),
// so the screening thread spends its time in the engine. Started by decode-thread.ts.
import { parentPort } from 'node:worker_threads';
import type { DecodeReply, DecodeRequest } from './decode-protocol.ts';
import { EventEncoder } from './event-codec.ts';
import { decodeJsonlLines } from './jsonl-lines.ts';
import { type Line, LineSplitter } from './lines.ts';

const encoder = new EventEncoder();
const splitters = new Map<number, LineSplitter>();

function decode(stream: number, lines: readonly Line[], maxLineBytes: number): DecodeReply {
  const refused: { line: number; reason: string }[] = [];
  const counted = decodeJsonlLines(lines, maxLineBytes, {
    event: (e) => encoder.add(e),
    refuse: (line, reason) => refused.push({ line, reason }),
  });
  return { stream, lines: counted, refused, events: encoder.take() };
}

function handle(m: DecodeRequest): DecodeReply | undefined {
  if (m.kind === 'drop') {
    splitters.delete(m.stream);
    return undefined;
  }
  let splitter = splitters.get(m.stream);
  if (!splitter) {
    splitter = new LineSplitter(m.maxLineBytes, m.kind === 'bytes' ? m.firstLine : undefined);
    splitters.set(m.stream, splitter);
  }
  if (m.kind === 'bytes')
    return decode(m.stream, splitter.push(Buffer.from(m.bytes)), m.maxLineBytes);
  splitters.delete(m.stream);
  return decode(m.stream, splitter.end(), m.maxLineBytes);
}

parentPort!.on('message', (m: DecodeRequest) => {
  try {
    const reply = handle(m);
    if (reply) parentPort!.postMessage(reply);
  } catch (error) {
    // A bug, not a bad line (those are refused): the screening thread throws it.
    const failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    parentPort!.postMessage({ stream: m.stream, failure } satisfies DecodeReply);
  }
});
