import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveInputs } from '../../../services/cli/demo/save-inputs.ts';
import { FileArchive } from '../../../services/cli/embedded/event-archive.ts';
import {
  EVENT_FILE_LIMITS,
  type EventFileLimits,
  InputFileError,
} from '../../../services/cli/embedded/index.ts';
import { decodeJsonlLines } from '../../../services/cli/embedded/jsonl-lines.ts';
import { type Line, LineSplitter } from '../../../services/cli/embedded/lines.ts';
import { generateScenario } from '../../../services/cli/scenario/index.ts';
import { decodeEvent } from '../../../shared/contract/index.ts';
import type { NormalizedEvent } from '../../../shared/normalize/index.ts';
import { payoutLine, scan, tempDir, writeInput } from './helpers.ts';

const dir = tempDir('archive');

/** The lines of `bytes` split in chunks cut at the given sizes (over and over). */
function split(bytes: Buffer, cuts: readonly number[]): Line[] {
  const splitter = new LineSplitter(1 << 20);
  const out: Line[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = cuts[i % cuts.length]!;
    out.push(...splitter.push(bytes.subarray(at, at + n)));
    at += n;
  }
  out.push(...splitter.end());
  return out;
}

/** Events of a JSONL file, each noting where it can be read again. */
function eventsOf(file: string, archive: FileArchive): NormalizedEvent[] {
  const out: NormalizedEvent[] = [];
  const sink = { event: (e: NormalizedEvent) => out.push(e), refuse: () => {} };
  decodeJsonlLines(split(readFileSync(file), [1 << 16]), 1 << 20, sink, archive.add(file));
  return out;
}

describe('line offsets', () => {
  it('names the byte each line starts at, whatever the chunks, line ends and characters', () => {
    const text = '\uFEFF{"a":1}\r\nÉté 北京\n\n{"b":"ü"}\r\nlast line without end';
    const bytes = Buffer.from(text);
    const starts = [0];
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) starts.push(i + 1);
    for (const cuts of [[bytes.length], [1], [3, 7], [5, 64 * 1024]]) {
      const lines = split(bytes, cuts);
      expect(lines.map((l) => ('offset' in l ? l.offset : -1))).toEqual(starts);
      expect(lines.map((l) => ('text' in l ? l.text : ''))).toEqual([
        '{"a":1}',
        'Été 北京',
        '',
        '{"b":"ü"}',
        'last line without end',
      ]);
    }
  });
});

describe('FileArchive', () => {
  const lines = [
    payoutLine('e-1', '2026-01-01T00:00:00.000Z'),
    '',
    payoutLine('e-2', '2026-01-02T00:00:00.000Z', '0x2222222222222222222222222222222222222222'),
    payoutLine('e-3', '2026-01-03T00:00:00.000Z'),
  ];

  it('reads an event back at its place as the reader decoded it, across files and CRLF line ends', () => {
    const a = writeInput(dir, 'a.jsonl', `\uFEFF${lines.join('\r\n')}\r\n`);
    const b = writeInput(dir, 'b.jsonl', `${lines.slice(2).join('\n')}`);
    const archive = new FileArchive(EVENT_FILE_LIMITS.maxLineBytes);
    const events = [...eventsOf(a, archive), ...eventsOf(b, archive)];
    expect(events).toHaveLength(5);
    const places = events.map((e) => archive.placeOf(e)!);
    expect(new Set(places).size).toBe(5);
    expect(places.map((place) => archive.read(place))).toEqual(events.map((e) => e.envelope));
    // The same id twice (a redelivery): each place reads its own line.
    expect(archive.read(places[1]!)).toEqual(decodeEvent(lines[2]!));
    expect(archive.read(places[3]!)).toEqual(decodeEvent(lines[2]!));
    archive.close();
  });

  it('gives no place to an event that cannot be read again', () => {
    const archive = new FileArchive(EVENT_FILE_LIMITS.maxLineBytes);
    const event = { envelope: decodeEvent(lines[0]!), at: '2026-01-01T00:00:00.000Z', wallets: [] };
    expect(archive.placeOf(event)).toBeUndefined();
  });

  it('refuses a file changed under the scan instead of reading another event', () => {
    const file = writeInput(dir, 'changing.jsonl', `${lines.join('\n')}\n`);
    const archive = new FileArchive(EVENT_FILE_LIMITS.maxLineBytes);
    const places = eventsOf(file, archive).map((e) => archive.placeOf(e)!);
    writeFileSync(file, `${lines.slice(2).join('\n')}\n`);
    expect(() => archive.read(places[2]!)).toThrow(InputFileError);
    archive.close();
  });
});

describe('lookback over events read again from the file', () => {
  let events: string;
  let lists: readonly string[];
  beforeAll(async () => {
    ({ events, lists } = await saveInputs(join(dir, 'inputs'), generateScenario({ workers: 60 })));
  });

  it('alerts on past payouts of a wallet a later report names, as when the engine keeps them', async () => {
    const offThread: EventFileLimits = { ...EVENT_FILE_LIMITS, offThreadBytes: 0 };
    const fromFile = (await scan([events], lists, offThread)).out;
    // Standard input cannot be read again: the engine keeps those events itself.
    const stdin = Readable.from([readFileSync(events)]);
    const fromStdin = (await scan(['-'], lists, offThread, stdin)).out;
    expect(fromFile).toBe(fromStdin);
    const lookback = fromFile
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { rule: string; lookback?: boolean })
      .filter((a) => a.lookback);
    expect(lookback.map((a) => a.rule)).toContain('extortion-wallet');
  });
});
