import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveInputs } from '../../../services/cli/demo/save-inputs.ts';
import { EventDecoder, EventEncoder } from '../../../services/cli/embedded/event-codec.ts';
import {
  EVENT_FILE_LIMITS,
  type EventFileLimits,
  readEventFiles,
} from '../../../services/cli/embedded/index.ts';
import { pieces } from '../../../services/cli/embedded/offthread-reader.ts';
import { generateScenario } from '../../../services/cli/scenario/index.ts';
import { normalizeEvent } from '../../../shared/normalize/index.ts';
import { payoutLine, scan, tempDir, writeInput } from './helpers.ts';

const dir = tempDir('offthread');
const inLine: EventFileLimits = { ...EVENT_FILE_LIMITS, offThreadBytes: Number.POSITIVE_INFINITY };
const offThread: EventFileLimits = { ...EVENT_FILE_LIMITS, offThreadBytes: 0 };

describe('decoding on the reading thread', () => {
  let events: string;
  let lists: readonly string[];
  beforeAll(async () => {
    ({ events, lists } = await saveInputs(join(dir, 'inputs'), generateScenario({ workers: 60 })));
  });

  it('gives a generated history the same alerts, byte for byte, as decoding in line', async () => {
    const a = await scan([events], lists, inLine);
    const b = await scan([events], lists, offThread);
    expect(a.out.split('\n').length).toBeGreaterThan(10);
    expect(b.out).toBe(a.out);
    expect(b.code).toBe(0);
  });

  it('sorts a file out of order the same way, the reading thread started over for the second pass', async () => {
    const lines = readFileSync(events, 'utf8').trimEnd().split('\n');
    const reversed = writeInput(dir, 'reversed.jsonl', `${lines.reverse().join('\n')}\n`);
    const sorted = await scan([events], lists, inLine);
    const a = await scan([reversed], lists, inLine);
    const b = await scan([reversed], lists, offThread);
    expect(b.out).toBe(a.out);
    expect(b.out).toBe(sorted.out);
  });

  it('reads the same events, counts and refusals from messy files, gzip and a merge of two', async () => {
    const bad = [
      `\uFEFF${payoutLine('p1', '2026-01-01T00:00:00Z')}`,
      '',
      '{"type":"payout.executed"',
      `${payoutLine('p2', '2026-01-02T00:00:00+02:00')}\r`,
      '   ',
      'x'.repeat(2048),
      payoutLine('bad', '2026-01-03T00:00:00Z', '0x12345678901234567890'),
      JSON.stringify({ ...JSON.parse(payoutLine('extra', '2026-01-04T00:00:00Z')), extra: 1 }),
      payoutLine('p3', '2026-01-05T00:00:00Z'),
    ].join('\n');
    const files = [
      writeInput(dir, 'messy.jsonl', bad),
      writeInput(dir, 'other.jsonl.gz', `${payoutLine('q1', '2026-01-02T12:00:00Z')}\n`, true),
    ];
    const small = (l: EventFileLimits) => ({ ...l, maxLineBytes: 1024 });
    const a = await readEventFiles(files, {}, small(inLine));
    const b = await readEventFiles(files, {}, small(offThread));
    expect(b.events).toEqual(a.events);
    expect(b.events.map((e) => e.envelope.id)).toEqual(['p1', 'p2', 'q1', 'extra', 'p3']);
    expect(b.rejected).toEqual(a.rejected);
    expect(b.rejected.map((r) => r.line)).toEqual([3, 6, 7]);
    expect([b.lines, b.refused, b.files]).toEqual([a.lines, a.refused, a.files]);
  });

  it('hands standard input over to the reading thread at a line boundary, line numbers going on', async () => {
    const text = readFileSync(events, 'utf8').split('\n');
    text.splice(40, 0, 'not json');
    const bytes = Buffer.from(text.join('\n'));
    // Small pieces, so lines are cut across them and the hand-over falls mid-stream.
    const stdin = () =>
      Readable.from(
        Array.from({ length: Math.ceil(bytes.length / 997) }, (_, i) =>
          bytes.subarray(i * 997, (i + 1) * 997),
        ),
      );
    const a = await scan(['-'], lists, inLine, stdin());
    const b = await scan(['-'], lists, { ...offThread, offThreadBytes: 5000 }, stdin());
    expect(b.out).toBe(a.out);
    expect(b.refused).toEqual(a.refused);
    expect(b.refused[0]).toContain('-:41: not JSON');
    expect(b.summary).toBe(a.summary);
    expect(b.code).toBe(2);
  });

  it('refuses the same lines of a scan with file:line and reason, and --strict still exits 2', async () => {
    const file = writeInput(
      dir,
      'strict.jsonl',
      `${payoutLine('s1', '2026-01-01T00:00:00Z')}\nnot json\n`,
    );
    const a = await scan([file], [], inLine);
    const b = await scan([file], [], offThread);
    expect(b.refused).toEqual(a.refused);
    expect(b.refused[0]).toContain('strict.jsonl:2: not JSON');
    expect(b.code).toBe(2);
  });
});

describe('the pieces of input sent to the reading thread', () => {
  async function* from(chunks: (Buffer | string)[]) {
    yield* chunks;
  }
  const collect = async (chunks: (Buffer | string)[], size: number) => {
    const out: Uint8Array[] = [];
    for await (const p of pieces(from(chunks), size)) out.push(p);
    return out;
  };

  it('hands a chunk of a whole piece that is alone in its memory on as it is, and copies the others together', async () => {
    // As a file stream reads: a buffer of its own (small ones from Buffer.from share a pool).
    const whole = Buffer.from(new TextEncoder().encode('0123456789').buffer);
    const shared = Buffer.from('abcdefghijklmnop').subarray(2, 12);
    const out = await collect([Buffer.from('ab'), 'cdefghij', whole, shared, 'xy'], 8);
    expect(out.map((p) => Buffer.from(p).toString())).toEqual([
      'abcdefghij',
      '0123456789',
      'cdefghijkl',
      'xy',
    ]);
    // The file stream's read is not copied; the others are, each piece in memory of its own.
    expect(out[1]).toBe(whole);
    expect(out[2]).not.toBe(shared);
    for (const p of out) expect(p.byteLength).toBe(p.buffer.byteLength);
  });
});

describe('the compact form events cross threads in', () => {
  const payout = (id: string, to: string, extra: object = {}) =>
    normalizeEvent({
      ...JSON.parse(payoutLine(id, '2026-01-01T10:00:00+01:00', to)),
      ...extra,
    });
  const reordered = ({ id, ...rest }: { id: string }) => normalizeEvent({ id, ...rest } as never);
  const wallet = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;

  it('rebuilds every event exactly, key order included, across batches, shapes told apart by keys, key order and nesting, and a shared-string table that starts over', () => {
    const encoder = new EventEncoder({ stringLimit: 5 });
    const decoder = new EventDecoder();
    const batches = [
      [payout('a', wallet(1)), payout('b', wallet(2))],
      [payout('c', wallet(1)), reordered(payout('d', wallet(3)).envelope)],
      [
        payout('e', wallet(4)),
        normalizeEvent({
          ...payout('f', wallet(1)).envelope,
          occurredAt: '2026-01-01T09:00:00.000Z',
        }),
      ],
    ];
    // A profile with arrays crosses whole; key order of the envelope is kept as it came.
    const profile = normalizeEvent({
      id: 'w',
      type: 'worker.upserted',
      schemaVersion: 1,
      source: 'test',
      occurredAt: '2026-01-01T00:00:00Z',
      data: {
        workerId: 'w-1',
        legalName: 'A B',
        payoutWallets: [{ chain: 'ethereum', address: wallet(5) }],
      },
    });
    batches[1]!.push(profile);
    // The same keys with an object where a value was: a shape of its own.
    const nested = payout('g', wallet(6));
    (nested.envelope.data as { asset: unknown }).asset = { symbol: 'USDC' };
    batches[2]!.push(nested, payout('h', wallet(7)));
    for (const batch of batches) {
      for (const e of batch) encoder.add(e);
      const back = decoder.decode(structuredClone(encoder.take()));
      expect(back).toEqual(batch);
      expect(back.map((e) => JSON.stringify(e))).toEqual(batch.map((e) => JSON.stringify(e)));
    }
  });

  it('rebuilds a batch of thousands of events, whole ones among them, taken in pieces that cut across the parts its values are serialized in', () => {
    const encoder = new EventEncoder();
    const decoder = new EventDecoder();
    const batch = Array.from({ length: 2_345 }, (_, i) =>
      i % 400 === 7
        ? normalizeEvent({ ...payout(`w${i}`, wallet(i)).envelope, tags: ['a'] } as never)
        : payout(`p${i}`, wallet(i % 50)),
    );
    for (const e of batch) encoder.add(e);
    const encoded = structuredClone(encoder.take());
    expect(encoded.whole).toHaveLength(6);
    const events = decoder.prepare(encoded);
    const built = [];
    while (events.left > 0) built.push(...events.take(700));
    expect(built.map((e) => JSON.stringify(e))).toEqual(batch.map((e) => JSON.stringify(e)));
  });

  it('builds a batch taken in before later ones, a few events at a time, after the string table started over', () => {
    const encoder = new EventEncoder({ stringLimit: 3 });
    const decoder = new EventDecoder();
    const batches = [0, 1, 2, 3].map((b) =>
      [0, 1, 2, 3, 4].map((i) => payout(`${b}-${i}`, wallet(10 * b + i))),
    );
    // Every batch taken in first (each one after the first starts the table over), built after.
    const pending = batches.map((batch) => {
      for (const e of batch) encoder.add(e);
      return decoder.prepare(structuredClone(encoder.take()));
    });
    for (const [b, events] of pending.entries()) {
      expect(events.count).toBe(5);
      const built = [...events.take(2), ...events.take(2), ...events.take(2)];
      expect(events.left).toBe(0);
      expect(built.map((e) => JSON.stringify(e))).toEqual(
        batches[b]!.map((e) => JSON.stringify(e)),
      );
    }
  });
});
