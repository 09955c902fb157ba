import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/lists/run-cli.ts';
import { unique } from '../helpers/fixtures.ts';
import { tempDir } from './embedded/helpers.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const dir = tempDir('demo');
const env = { FLOWSENTRY_HOME: join(dir, 'home') };

describe('flowsentry demo', () => {
  it('tells the story on embedded defaults, what it found and why, and writes the report, well under 20 s', async () => {
    const out = join(dir, 'report.html');
    const started = Date.now();
    const run = await runCli(['demo', '--out', out, '--save-inputs', join(dir, 'inputs')], { env });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.code).toBe(0);
    const text = run.stdout;
    expect(text).toMatch(/^Flowsentry demo: embedded mode/);
    expect(text).toMatch(/ {2}1\. A payroll platform pays 300 contractors/);
    expect(text).toMatch(/Screened 9,\d{3} events \(/);
    expect(text).toMatch(/\d+ alerts \(\d+ critical, \d+ high/);
    expect(text).toMatch(/CRITICAL +100 +Network of 6 workers/);
    expect(text).toMatch(/Laptop farm +\d+ +Worker w-\d+ shares device/);
    expect(text).toContain('Why: the top alerts explained');
    expect(text).toMatch(/- path on ethereum, exposure \d+\.\d%/);
    expect(text).not.toContain('\x1b[');
    expect(text).toContain(`Report: ${out} (open it in a browser`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>[\s\S]*Network of 6 workers/);
    expect(text).toMatch(/--streaming/);
  });

  it('saves its inputs so `flowsentry scan` gives the same alerts', async () => {
    const demo = readFileSync(join(dir, 'report.html'), 'utf8');
    const total = /<div class="card total"><div class="n">(\d+)</.exec(demo)![1];
    const events = join(dir, 'inputs', 'events.jsonl');
    const lists = ['scenario-sdn', 'scenario-labels'].map((l) =>
      join(dir, 'inputs', 'lists', `${l}.jsonl`),
    );
    expect(existsSync(events) && lists.every((l) => existsSync(l))).toBe(true);
    const scan = await runCli(
      ['scan', '--events', events, '--lists', ...lists, '--format', 'json'],
      { env },
    );
    expect(scan.code).toBe(0);
    expect(String(scan.json().length)).toBe(total);
  });

  it('refuses bad options in one line with exit 2', async () => {
    const few = await runCli(['demo', '--workers', '5'], { env });
    expect(few.code).toBe(2);
    expect(few.stderr).toBe(
      'flowsentry: demo: --workers must be an integer from 60 to 20000, got "5"\n',
    );
    const both = await runCli(['demo', '--streaming', '--embedded'], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('flowsentry: demo: give --streaming or --embedded, not both\n');
  });

  it('runs the same story through Kafka, the screener and BullMQ with --streaming', async () => {
    const queue = unique('demo-alerts');
    const out = join(dir, 'streaming.html');
    try {
      const run = await runCli(['demo', '--streaming', '--queue', queue, '--out', out], { env });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /^Flowsentry demo: streaming mode \(Kafka topic flowsentry-demo\.\w+, one partition -> screener -> BullMQ queue /,
      );
      expect(run.stdout).toMatch(
        new RegExp(
          `Streaming: \\d+ alerts in BullMQ queue "${queue}" \\(\\d+ new\\); embedded mode on the same events gives the same alerts\\.`,
        ),
      );
      expect(run.stdout).toContain(`FLOWSENTRY_ALERT_QUEUE=${queue}`);
      expect(run.stdout).toContain('flowsentry service api');
      expect(existsSync(out)).toBe(true);
    } finally {
      const q = new Queue(queue, {
        connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
      });
      await q.obliterate({ force: true });
      await q.close();
      (await q.client).disconnect();
    }
  });
});
