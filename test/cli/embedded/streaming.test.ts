import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  canonicalEvents,
  EVENT_FILE_LIMITS,
  openInputs,
  ReadTally,
  readEventFiles,
  runScan,
} from '../../../services/cli/embedded/index.ts';
import { LineSplitter } from '../../../services/cli/embedded/lines.ts';
import { OutOfOrder } from '../../../services/cli/embedded/merge.ts';
import { payoutLine, tempDir, writeInput } from './helpers.ts';

const dir = tempDir('stream');
const day = (d: number, h = 0) => new Date(Date.UTC(2026, 0, d, h)).toISOString();

/** Every event id a stream yields, in order. */
async function ids(stream: AsyncIterable<{ envelope: { id: string } }[]>): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of stream) for (const e of batch) out.push(e.envelope.id);
  return out;
}

/** A writable that keeps what it was given. */
function collector(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}

describe('line splitting', () => {
  it('splits lines across chunks, drops CR and a BOM, and never builds a line over the limit', () => {
    const s = new LineSplitter(10);
    const lines = [
      ...s.push(Buffer.from('\uFEFFab\r\ncd')),
      ...s.push(Buffer.from('ef\n0123456789ABCDEF')),
      ...s.push(Buffer.from('GHIJ\nlast')),
      ...s.end(),
    ];
    expect(lines).toEqual([
      { line: 1, text: 'ab', offset: 0 },
      { line: 2, text: 'cdef', offset: 7 },
      { line: 3, tooLong: 20 },
      { line: 4, text: 'last', offset: 33 },
    ]);
  });
});

describe('line splitting of whole chunks', () => {
  const text = `\uFEFF{"a":"é"}\r\n\n${'x'.repeat(30)}\nπ ≠ ∞\n\r\nlast`;
  const split = (maxBytes: number, size: number) => {
    const bytes = Buffer.from(text);
    const s = new LineSplitter(maxBytes);
    const out = [];
    for (let at = 0; at < bytes.length; at += size)
      out.push(...s.push(bytes.subarray(at, at + size)));
    return [...out, ...s.end()];
  };

  it('gives the same lines whatever the chunk size, multi-byte characters cut or not', () => {
    const oneByOne = split(1 << 20, 1);
    // Offsets count bytes: the byte order mark, é and the symbols take more than one.
    expect(oneByOne).toEqual([
      { line: 1, text: '{"a":"é"}', offset: 0 },
      { line: 2, text: '', offset: 15 },
      { line: 3, text: 'x'.repeat(30), offset: 16 },
      { line: 4, text: 'π ≠ ∞', offset: 47 },
      { line: 5, text: '', offset: 58 },
      { line: 6, text: 'last', offset: 60 },
    ]);
    for (const size of [2, 5, 13, 64, 1 << 20]) expect(split(1 << 20, size)).toEqual(oneByOne);
  });

  it('still refuses a line over the limit when a chunk holds it whole', () => {
    for (const size of [3, 64, 1 << 20])
      expect(split(20, size).find((l) => l.line === 3)).toEqual({ line: 3, tooLong: 30 });
  });
});

describe('canonical order without holding every event', () => {
  const lines = [3, 1, 2, 6, 5, 4, 9, 8, 7].map((d) => payoutLine(`e${d}`, day(d)));

  it('sorts any order in runs spilled to disk, the same as one sort in memory', async () => {
    const file = writeInput(dir, 'shuffled.jsonl', `${lines.join('\n')}\n`);
    const small = { ...EVENT_FILE_LIMITS, runEvents: 2 };
    const spilled = await readEventFiles([file], {}, small);
    const whole = await readEventFiles([file]);
    const expected = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9'];
    expect(spilled.events.map((e) => e.envelope.id)).toEqual(expected);
    expect(whole.events.map((e) => e.envelope.id)).toEqual(expected);
  });

  it('merges files already in order as they stream, and says when one is not', async () => {
    const a = writeInput(
      dir,
      'a.jsonl',
      [1, 4, 7].map((d) => payoutLine(`a${d}`, day(d))).join('\n'),
    );
    const b = writeInput(
      dir,
      'b.jsonl',
      [2, 4, 9].map((d) => payoutLine(`b${d}`, day(d))).join('\n'),
    );
    const merged = canonicalEvents(await openInputs([a, b]), new ReadTally(), 'presumed-sorted');
    expect(await ids(merged)).toEqual(['a1', 'b2', 'a4', 'b4', 'a7', 'b9']);
    const c = writeInput(dir, 'c.jsonl', lines.join('\n'));
    const broken = canonicalEvents(await openInputs([a, c]), new ReadTally(), 'presumed-sorted');
    await expect(ids(broken)).rejects.toThrow(OutOfOrder);
  });
});

describe('event-file limits', () => {
  it('refuses a line over the limit in one line of its own and reads on', async () => {
    const huge = `{"type":"payout.executed","pad":"${'x'.repeat(3000)}"}`;
    const file = writeInput(
      dir,
      'huge.jsonl',
      [payoutLine('ok1', day(1)), huge, payoutLine('ok2', day(2))].join('\n'),
    );
    const read = await readEventFiles([file], {}, { ...EVENT_FILE_LIMITS, maxLineBytes: 1024 });
    expect(read.events.map((e) => e.envelope.id)).toEqual(['ok1', 'ok2']);
    expect(read.rejected).toEqual([
      {
        file,
        line: 2,
        reason: expect.stringMatching(
          /^line of 3,0\d\d bytes is over the .* limit of one event; skipped$/,
        ),
      },
    ]);
  });

  it('counts every refused line but keeps only the first few', async () => {
    const bad = Array.from({ length: 500 }, (_, i) => `not json ${i}`);
    const file = writeInput(dir, 'bad.jsonl', [...bad, payoutLine('ok', day(1))].join('\n'));
    const read = await readEventFiles([file], {}, { ...EVENT_FILE_LIMITS, keptRejects: 5 });
    expect(read.refused).toBe(500);
    expect(read.rejected.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(read.events).toHaveLength(1);
  });
});

describe('runScan inputs', () => {
  const listed = '0x2222222222222222222222222222222222222222';
  const csvList = writeInput(
    dir,
    'list.csv',
    `address,chain,label,category,source\n${listed},ethereum,Test Entity,sanctions,test\n`,
  );
  const events = [payoutLine('p1', day(1)), payoutLine('p2', day(2), listed)].join('\n');

  async function scan(args: { events: string[]; rules?: string }, stdin?: string) {
    const stdout = collector();
    const stderr = collector();
    const code = await runScan(
      { lists: [csvList], format: 'json', strict: false, ...args },
      {
        stdout,
        stderr,
        env: {},
        ...(stdin !== undefined ? { stdin: Readable.from([stdin]) } : {}),
      },
    );
    const alerts = stdout
      .text()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    return { code, alerts, stderr: stderr.text() };
  }

  it('reads events from standard input with --events -', async () => {
    const run = await scan({ events: ['-'] }, `${events}\n`);
    expect(run.code).toBe(0);
    const direct = run.alerts.filter((a) => a.rule === 'sanctioned-counterparty');
    expect(direct.map((a) => a.subject.address.toLowerCase())).toEqual([listed]);
    expect(run.stderr).toContain('flowsentry scan: 2 events from 1 file');
  });

  it('takes thresholds from --rules', async () => {
    const rules = writeInput(
      dir,
      'rules.yaml',
      'version: 1\nrules:\n  sanctioned-counterparty:\n    enabled: false\n',
    );
    const file = writeInput(dir, 'two.jsonl', events);
    const rulesOf = (r: { alerts: { rule: string }[] }) => r.alerts.map((a) => a.rule);
    expect(rulesOf(await scan({ events: [file] }))).toContain('sanctioned-counterparty');
    expect(rulesOf(await scan({ events: [file], rules }))).not.toContain('sanctioned-counterparty');
  });
});
