import { statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApi } from '../../services/api/main.ts';
import { loadConfig } from '../../shared/config/env.ts';
import { TagIndex } from '../../shared/lists/tag-index.ts';
import { BullmqAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { RedisReviewStore } from '../../shared/ports/review-store/index.ts';
import { launchChromium } from '../helpers/browser.ts';
import { lazarusList, unique } from '../helpers/fixtures.ts';
import { screenshotPath } from '../helpers/screenshots.ts';
import { EXPOSED_WALLET, seedAlerts } from './helpers.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SUPERVISOR = 'console-supervisor-0123456789';
const ANALYST = 'console-analyst-0123456789ab';

/** Log lines of the service under test, to check that no token ever reaches them. */
const logLines: string[] = [];
const logger = pino(
  { level: 'trace' },
  new Writable({
    write: (chunk, _enc, done) => {
      logLines.push(String(chunk));
      done();
    },
  }),
);

describe('investigator console in headless Chromium', () => {
  const queueName = unique('alerts-console');
  const seeded = seedAlerts();
  const exposure = seeded.find((a) => a.rule === 'sanctioned-exposure')!;
  let sink: BullmqAlertSink;
  let api: Awaited<ReturnType<typeof runApi>>;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sink = new BullmqAlertSink({ redisUrl: REDIS_URL, queueName });
    await sink.deliver(seeded);
    const config = loadConfig({
      REDIS_URL,
      FLOWSENTRY_ALERT_QUEUE: queueName,
      FLOWSENTRY_API_PORT: '0',
      FLOWSENTRY_API_TOKENS: `${SUPERVISOR}:supervisor,${ANALYST}:analyst`,
    });
    const tags = new TagIndex([lazarusList()]);
    api = await runApi(config, logger, {
      tags: () => tags,
      options: { ...config.api, host: '127.0.0.1', refreshMs: 500 },
    });
    base = `http://127.0.0.1:${api.port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, deviceScaleFactor: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    const cleaner = new RedisReviewStore({ redisUrl: REDIS_URL, queueName });
    await cleaner.clear();
    await cleaner.close();
    await sink.queue.obliterate({ force: true });
    await sink.close();
  });

  it('signs in, filters, claims, closes with a disposition and shows the audit entry', async () => {
    await page.goto(base);
    await page.fill('#token', SUPERVISOR);
    await page.click('#login-btn');
    await expect.poll(() => page.locator('#queue-body tr').count()).toBe(seeded.length);

    await page.selectOption('#filter-severity', 'high');
    await expect.poll(() => page.locator('#queue-body tr').count()).toBe(1);
    await page.click(`#queue-body tr[data-id="${exposure.id}"]`);
    await page.waitForSelector('#alert-title');
    expect(await page.textContent('#alert-title')).toBe(exposure.title);
    expect(await page.locator('.hop-graph .gnode').count()).toBe(3);

    await page.click('#btn-claim');
    await page.waitForSelector('.audit-entry[data-action="claim"]');
    await page.selectOption('#disposition-outcome', 'true_positive');
    await page.fill(
      '#disposition-reason',
      'Funds reach the Lazarus wallet within two hops; payroll frozen.',
    );
    await page.click('#btn-disposition');
    const closed = page.locator('.audit-entry[data-action="close"]');
    await closed.waitFor();
    expect(await closed.textContent()).toContain('Funds reach the Lazarus wallet');
    expect(await page.locator('.detail-head .pill').first().textContent()).toBe('Closed');

    const review = new RedisReviewStore({ redisUrl: REDIS_URL, queueName });
    const trail = await review.audit(exposure.id);
    await review.close();
    expect(trail.map((e) => e.action)).toEqual(['claim', 'close']);
    expect(trail[1]).toMatchObject({
      role: 'supervisor',
      before: { status: 'in_review' },
      after: { status: 'closed' },
    });
  });

  it('opens the worker and wallet pages from the alert', async () => {
    await page.click('.related a[href^="#/workers/"]');
    await page.waitForSelector('text=Linked wallets');
    expect(await page.locator('.detail-pane h2').textContent()).toBe('w-200');
    await page.goto(`${base}/#/wallets/ethereum/${EXPOSED_WALLET}`);
    await page.waitForSelector('text=List entries');
    expect(await page.locator('.detail-pane h2').textContent()).toBe(EXPOSED_WALLET);
  });

  it('saves a screenshot of the queue next to an alert', async () => {
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-status', '');
    await page.goto(`${base}/#/alerts/${exposure.id}`);
    await page.waitForSelector('.hop-graph');
    await expect.poll(() => page.locator('#queue-body tr').count()).toBe(seeded.length);
    const path = screenshotPath('console.png');
    await page.screenshot({ path, fullPage: false });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });

  it('never writes a token to the log', () => {
    const all = logLines.join('');
    expect(all).not.toContain(SUPERVISOR);
    expect(all).not.toContain(ANALYST);
  });
});
