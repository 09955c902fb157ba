import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveInputs } from '../../services/cli/demo/save-inputs.ts';
import { readEventFiles, screenEvents } from '../../services/cli/embedded/index.ts';
import { generateScenario, type Scenario } from '../../services/cli/scenario/index.ts';
import type { Alert } from '../../shared/engine/index.ts';
import { loadListFiles } from '../../shared/lists/index.ts';
import { runCli } from '../fixtures/lists/run-cli.ts';
import { tempDir } from './embedded/helpers.ts';

const dir = tempDir('scan');
const env = { FLOWSENTRY_HOME: join(dir, 'home') };
let s: Scenario;
let events: string;
let lists: readonly string[];

beforeAll(async () => {
  s = generateScenario({ workers: 100 });
  ({ events, lists } = await saveInputs(join(dir, 'inputs'), s));
});

const scan = (...args: string[]) =>
  runCli(['scan', '--events', events, '--lists', ...lists, ...args], { env });

describe('flowsentry scan over a generated file with planted cases', () => {
  it('writes one alert per line, finds every planted rule, and sums up on stderr', async () => {
    const run = await scan('--format', 'json');
    expect(run.code).toBe(0);
    const alerts = run.json<Alert>();
    const planted = new Set(s.planted.map((c) => c.rule));
    expect(planted.size).toBe(10);
    expect(new Set(alerts.map((a) => a.rule))).toEqual(planted);
    expect(run.stderr).toMatch(
      new RegExp(
        `^flowsentry scan: ${s.events.length.toLocaleString('en-US')} events from 1 file, screened against 2 lists in [0-9.]+ s\\n`,
      ),
    );
    expect(run.stderr).toContain(`${alerts.length} alerts (`);
    expect(run.stderr).toMatch(/\n {2}sanctioned-exposure +\d+ /);
    // Piped stderr: the summary only, no progress bar.
    expect(run.stderr).not.toContain('\u001b[');
    expect(run.stderr).not.toMatch(/[░█]/);
  });

  it('gives the alerts the library gives for the same files', async () => {
    const run = await scan();
    const read = await readEventFiles([events]);
    const expected = await screenEvents(read.events, await loadListFiles(lists));
    const ids = (as: readonly Alert[]) => as.map((a) => a.id).sort();
    expect(ids(run.json<Alert>())).toEqual(ids(expected));
  });

  it('prints a table with --format table', async () => {
    const run = await scan('--format', 'table');
    expect(run.code).toBe(0);
    const [head, rule, ...rows] = run.stdout.trimEnd().split('\n');
    expect(head).toMatch(/^severity +score +rule +subject +count +lastSeenAt +title$/);
    expect(rule).toMatch(/^-+ +-+/);
    expect(rows.some((r) => /^critical +\d+ +identity-match /.test(r))).toBe(true);
  });

  it('writes the HTML report to stdout, or to --out (format from the extension)', async () => {
    const stdout = await scan('--format', 'html');
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toMatch(/^<!doctype html>/);
    expect(stdout.stdout).toContain('<svg class="flow"');
    const out = join(dir, 'report.html');
    const file = await scan('--out', out);
    expect(file.code).toBe(0);
    expect(file.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('Indirect exposure');
    expect(file.stderr).toContain(`wrote the html report to ${out}`);
  });

  it('reports bad lines with file:line and reason, the first ten then a count, and still screens the rest', async () => {
    const bad = join(dir, 'bad.jsonl');
    const good = readFileSync(events, 'utf8').split('\n');
    const broken = Array.from({ length: 12 }, (_, i) => `{"type":"payout.executed","id":"b${i}"`);
    writeFileSync(bad, [good[0], 'not json at all', ...broken, ...good.slice(1)].join('\n'));
    const run = await runCli(['scan', '--events', bad, '--lists', ...lists], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`flowsentry: scan: ${bad}:2: not JSON: Unexpected token`);
    expect(run.stderr.match(new RegExp(`flowsentry: scan: ${bad}:\\d+: `, 'g'))).toHaveLength(10);
    expect(run.stderr).toContain('flowsentry: scan: ... and 3 more bad lines (13 in all)');
    expect(run.stderr).toContain('13 bad lines refused');
    expect(run.json().length).toBeGreaterThan(10);
    const strict = await runCli(['scan', '--events', bad, '--lists', ...lists, '--strict'], {
      env,
    });
    expect(strict.code).toBe(2);
  });

  it('reads --events - from standard input, the same alerts as from the file', async () => {
    const fromFile = await scan('--format', 'json');
    const piped = await runCli(['scan', '--events', '-', '--lists', ...lists, '--format', 'json'], {
      env,
      stdin: readFileSync(events, 'utf8'),
    });
    expect(piped.code).toBe(0);
    const ids = (r: typeof piped) =>
      r
        .json<Alert>()
        .map((a) => a.id)
        .sort();
    expect(ids(piped)).toEqual(ids(fromFile));
  });

  it('refuses a line too long to be an event in one clear line, not a stack trace', async () => {
    const huge = join(dir, 'huge.jsonl');
    const good = readFileSync(events, 'utf8').split('\n').slice(0, 50);
    const line = `{"type":"payout.executed","data":"${'x'.repeat(20 * 1024 * 1024)}"}`;
    writeFileSync(huge, [good[0], line, ...good.slice(1)].join('\n'));
    const run = await runCli(['scan', '--events', huge, '--lists', ...lists], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`flowsentry: scan: ${huge}:2: line of 20,971,\\d+ bytes is over the 8 MiB limit`),
    );
    expect(run.stderr).not.toMatch(/RangeError|\n\s+at /);
    expect(run.stderr).toContain('1 bad line refused');
  });

  it('refuses a missing file or a bad option in one line with exit 2', async () => {
    const missing = await runCli(
      ['scan', '--events', events, join(dir, 'nope.jsonl'), '--lists', ...lists],
      { env },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`flowsentry: scan: ${join(dir, 'nope.jsonl')}: no such file\n`);
    expect(missing.stdout).toBe('');
    const format = await scan('--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toBe(
      'flowsentry: scan: --format must be one of json, table, html, got "xml"\n',
    );
    const list = await runCli(['scan', '--events', events, '--lists', join(dir, 'nope.xml')], {
      env,
    });
    expect(list.stderr).toBe(`flowsentry: scan: ${join(dir, 'nope.xml')}: no such list file\n`);
    const none = await runCli(['scan'], { env });
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads a payouts CSV export and alerts on a payout to a listed wallet', async () => {
    const listed = s.lists[0]!.entries.find((e) => e.name === 'KIM SANG MAN')!.addresses[0]!
      .address;
    const csv = join(dir, 'payouts.csv');
    writeFileSync(
      csv,
      `payout_id,worker_id,amount,asset,chain,to_address,paid_at\npo-x,w-x,"2,500.00",USDC,ethereum,${listed},2026-02-01 09:00\n`,
    );
    const run = await runCli(['scan', '--events', csv, '--lists', ...lists, '--format', 'json'], {
      env,
    });
    expect(run.code).toBe(0);
    expect(run.json<Alert>().map((a) => [a.rule, a.subject.workerId])).toEqual([
      ['sanctioned-counterparty', 'w-x'],
    ]);
  });

  it('without lists says so and still runs the rules that need none', async () => {
    const run = await runCli(['scan', '--events', events, '--format', 'json'], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^flowsentry: warning: scan: no list loaded and no --lists given/);
    const rules = new Set(run.json<Alert>().map((a) => a.rule));
    expect(rules.has('shared-device')).toBe(true);
    expect(rules.has('sanctioned-counterparty')).toBe(false);
    expect(existsSync(env.FLOWSENTRY_HOME)).toBe(false);
  });
});
