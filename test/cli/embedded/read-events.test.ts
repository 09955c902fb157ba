import { describe, expect, it } from 'vitest';
import { InputFileError, readEventFiles } from '../../../services/cli/embedded/index.ts';
import { payoutLine, tempDir, writeInput } from './helpers.ts';

const dir = tempDir('read');

describe('readEventFiles: JSONL', () => {
  it('reads every file and orders events by time, keeping file order on ties', async () => {
    const a = writeInput(
      dir,
      'a.jsonl',
      `${payoutLine('a1', '2026-01-03T00:00:00Z')}\n\n${payoutLine('a2', '2026-01-01T00:00:00Z')}\n`,
    );
    const b = writeInput(
      dir,
      'b.jsonl',
      `${payoutLine('b1', '2026-01-02T00:00:00+01:00')}\n${payoutLine('b2', '2026-01-03T00:00:00Z')}\n`,
    );
    const read = await readEventFiles([a, b]);
    expect(read.events.map((e) => e.envelope.id)).toEqual(['a2', 'b1', 'a1', 'b2']);
    expect(read.events[1]?.at).toBe('2026-01-01T23:00:00.000Z');
    expect(read.lines).toBe(4);
    expect(read.rejected).toEqual([]);
    expect(read.files.map((f) => [f.format, f.events])).toEqual([
      ['jsonl', 2],
      ['jsonl', 2],
    ]);
  });

  it('refuses bad lines with file, line and reason, and goes on', async () => {
    const text = [
      payoutLine('ok1', '2026-01-01T00:00:00Z'),
      '{"type":"payout.executed"',
      payoutLine('bad-address', '2026-01-01T00:00:00Z', '0x12345678901234567890'),
      JSON.stringify({ type: 'salary.paid', schemaVersion: 1 }),
      payoutLine('ok2', '2026-01-02T00:00:00Z'),
    ].join('\n');
    const file = writeInput(dir, 'bad.jsonl', text);
    const read = await readEventFiles([file]);
    expect(read.events.map((e) => e.envelope.id)).toEqual(['ok1', 'ok2']);
    expect(read.rejected.map((r) => [r.file, r.line])).toEqual([
      [file, 2],
      [file, 3],
      [file, 4],
    ]);
    expect(read.rejected[0]?.reason).toMatch(/^not JSON/);
    expect(read.rejected[1]?.reason).toMatch(/^data\.toAddress: invalid ethereum address/);
    expect(read.rejected[2]?.reason).toMatch(/unknown event type "salary.paid"/);
  });

  it('reads gzip by its magic bytes and drops a byte-order mark', async () => {
    const file = writeInput(
      dir,
      'events.log',
      `\uFEFF${payoutLine('g1', '2026-01-01T00:00:00Z')}\n`,
      true,
    );
    const read = await readEventFiles([file]);
    expect(read.events.map((e) => e.envelope.id)).toEqual(['g1']);
    expect(read.files[0]).toMatchObject({ gzip: true, format: 'jsonl' });
  });

  it('refuses a missing file or a directory in one line, before reading anything', async () => {
    const good = writeInput(dir, 'good.jsonl', `${payoutLine('x', '2026-01-01T00:00:00Z')}\n`);
    await expect(readEventFiles([good, `${dir}/missing.jsonl`])).rejects.toThrow(InputFileError);
    await expect(readEventFiles([`${dir}/missing.jsonl`])).rejects.toThrow(
      /missing\.jsonl: no such file/,
    );
    await expect(readEventFiles([dir])).rejects.toThrow(/is a directory/);
  });

  it('reports bytes read for the progress bar', async () => {
    const file = writeInput(dir, 'p.jsonl', `${payoutLine('p1', '2026-01-01T00:00:00Z')}\n`);
    let total = 0;
    let read = 0;
    await readEventFiles([file], { onStart: (n) => (total = n), onBytes: (n) => (read += n) });
    expect(total).toBeGreaterThan(100);
    expect(read).toBe(total);
  });
});
