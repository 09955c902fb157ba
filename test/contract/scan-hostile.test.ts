import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/lists/run-cli.ts';
import { LAZARUS_WALLET, payoutExecuted } from '../helpers/fixtures.ts';

// Issue 14 points 2 and 3 through `flowsentry scan`: a line nested 100,000 deep and a line
// dated 2099 are refused with their reasons, and the good lines around them are screened.
const dir = mkdtempSync(join(tmpdir(), 'fs-scan-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paid = (id: string, occurredAt: string, workerId = 'w-1') =>
  payoutExecuted({ id, payoutId: `po-${id}`, workerId, toAddress: LAZARUS_WALLET, occurredAt });

describe('scan over hostile event lines', () => {
  it('refuses a 100,000-deep line and a line dated 2099 with reasons, and screens the rest', async () => {
    const deep = JSON.stringify({ ...paid('deep', '2026-11-02T11:00:00Z'), ext: '@' }).replace(
      '"@"',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    );
    const lines = [
      JSON.stringify(paid('good-1', '2026-11-02T10:00:00Z')),
      deep,
      JSON.stringify(paid('future', '2099-01-01T00:00:00Z')),
      JSON.stringify({ ...paid('good-2', '2026-11-03T10:00:00Z', 'w-2'), addedByPlatform: [1] }),
    ];
    const events = join(dir, 'events.jsonl');
    writeFileSync(events, `${lines.join('\n')}\n`);
    const run = await runCli(
      [
        'scan',
        '--events',
        events,
        '--lists',
        'test/fixtures/lists/tagpack.yaml',
        '--format',
        'json',
      ],
      { env: { FLOWSENTRY_HOME: mkdtempSync(join(dir, 'home-')) } },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
    expect(run.stderr).toContain(
      `${events}:2: nested deeper than 32 levels (FLOWSENTRY_MAX_EVENT_DEPTH)`,
    );
    expect(run.stderr).toMatch(
      new RegExp(
        `${events}:3: occurredAt: 2099-01-01T00:00:00Z is more than 86400000 ms after the wall clock .* \\(FLOWSENTRY_MAX_FUTURE_MS\\)`,
      ),
    );
    const alerts = run.json<{ rule: string; eventIds: string[] }>();
    expect(alerts.map((a) => [a.rule, a.eventIds])).toEqual([
      ['sanctioned-counterparty', ['good-1', 'good-2']],
    ]);
  });
});
