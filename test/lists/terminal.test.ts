import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envelope } from '../../shared/contract/index.ts';
import { runCli } from '../fixtures/lists/run-cli.ts';
import { zipArchive } from '../fixtures/lists/zip-writer.ts';

// A list is written by someone else: names and labels may carry escape codes meant for the
// operator's terminal (clear the screen, set the window title, show one link and open another).
const ESC = '\u001b';
const HOSTILE = `Collector${ESC}[2J${ESC}]0;owned\u0007 ${ESC}]8;;https://evil.example/${ESC}\\B\u009b31m`;
const dir = mkdtempSync(join(tmpdir(), 'fs-term-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Characters a terminal obeys, other than the line feed. */
const controls = (text: string) =>
  [...text].filter((c) => {
    const code = c.codePointAt(0)!;
    return (code < 0x20 && c !== '\n') || (code >= 0x7f && code <= 0x9f);
  });

describe('list text on the terminal', () => {
  it('lists import, diff and stats print hostile names without their escape codes', async () => {
    const before = join(dir, 'before.csv');
    const after = join(dir, 'after.csv');
    writeFileSync(before, `address,chain,label\n0x${'1'.repeat(40)},ethereum,Plain\n`);
    writeFileSync(
      after,
      `address,chain,label\n0x${'2'.repeat(40)},ethereum,"${HOSTILE}"\nnot-an-address,ethereum,"${HOSTILE}"\n`,
    );
    const env = { FLOWSENTRY_HOME: mkdtempSync(join(dir, 'home-')) };
    const imported = await runCli(['lists', 'import', after], { env });
    const diff = await runCli(['lists', 'diff', before, after], { env });
    const stats = await runCli(['lists', 'stats', after], { env });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/warning: .*Collector B.*skipped/);
    expect(diff.stdout).toContain('Collector B');
    for (const run of [imported, diff, stats]) {
      expect(controls(run.stdout)).toEqual([]);
      expect(controls(run.stderr)).toEqual([]);
    }
  });

  it('an error naming a hostile zip member prints without its escape codes', async () => {
    const zip = join(dir, 'evil.zip');
    writeFileSync(
      zip,
      zipArchive([{ name: `list${ESC}]0;owned\u0007.bin`, content: '\u0000\u0001' }]),
    );
    const env = { FLOWSENTRY_HOME: mkdtempSync(join(dir, 'home-')) };
    const run = await runCli(['lists', 'import', zip], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${zip}!list.bin`);
    expect(controls(run.stderr)).toEqual([]);
  });
});

describe('event text on the terminal', () => {
  it('scan --format table prints a hostile worker id without its escape codes', async () => {
    const events = join(dir, 'events.jsonl');
    const worker = envelope(
      'worker.upserted',
      { workerId: `w-1${ESC}[2J${ESC}]0;owned\u0007\u009b31m`, legalName: 'Sim Hyon Sop' },
      { id: 'worker-1', occurredAt: '2026-11-02T10:00:00Z', source: 'payroll' },
    );
    writeFileSync(events, `${JSON.stringify(worker)}\n`);
    const run = await runCli(
      [
        'scan',
        '--events',
        events,
        '--lists',
        'test/fixtures/lists/sdn_advanced_small.xml',
        '--format',
        'table',
      ],
      { env: { FLOWSENTRY_HOME: mkdtempSync(join(dir, 'home-')) } },
    );
    expect(run.code, run.stderr).toBe(0);
    // The identity match names the worker by id in the subject column.
    expect(run.stdout).toMatch(/identity-match\s+w-1\s/);
    expect(controls(run.stdout)).toEqual([]);
    expect(controls(run.stderr)).toEqual([]);
  });
});
