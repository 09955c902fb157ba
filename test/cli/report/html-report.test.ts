import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenEvents, workerNames } from '../../../services/cli/embedded/index.ts';
import { renderHtmlReport } from '../../../services/cli/report/html.ts';
import { generateScenario } from '../../../services/cli/scenario/index.ts';
import type { Alert } from '../../../shared/engine/index.ts';
import { normalizeEvent } from '../../../shared/normalize/index.ts';
import { launchChromium } from '../../helpers/browser.ts';
import { screenshotPath } from '../../helpers/screenshots.ts';

const SCREENSHOT = screenshotPath('report.png');

describe('HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let alerts: Alert[];
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const s = generateScenario();
    const events = s.events.map(normalizeEvent);
    alerts = await screenEvents(events, s.lists);
    const file = join(mkdtempSync(join(tmpdir(), 'fs-report-')), 'report.html');
    const inputs = {
      files: ['scenario.jsonl'],
      events: events.length,
      rejected: 0,
      from: events[0]!.at,
      to: events.at(-1)!.at,
    };
    const lists = s.lists.map((l) => l.version);
    writeFileSync(
      file,
      renderHtmlReport({
        alerts,
        title: 'Flowsentry demo: payroll to a sanctioned network',
        generatedAt: '2026-04-01T08:00:00.000Z',
        mode: 'embedded',
        inputs,
        lists,
        workerNames: workerNames(events),
        story: s.story,
      }),
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the summary by severity and by rule', async () => {
    await expect(page.locator('.card.total .n').textContent()).resolves.toBe(String(alerts.length));
    const critical = alerts.filter((a) => a.severity === 'critical').length;
    await expect(page.locator('.card.critical .n').textContent()).resolves.toBe(String(critical));
    const rules = new Set(alerts.map((a) => a.rule));
    expect(await page.locator('table.rules tbody tr').count()).toBe(rules.size);
    await expect(page.locator('table.rules').textContent()).resolves.toContain('Indirect exposure');
    expect(await page.locator('article.alert').count()).toBe(alerts.length);
  });

  it('draws money from a listed wallet to a worker the other way: listed wallet named first, the worker wallet last', async () => {
    const card = page
      .locator('article.alert:has(code:text-is("sanctioned-exposure"))')
      .filter({ hasText: 'came from the listed wallet' })
      .first();
    const svg = card.locator('svg.flow').first();
    await svg.scrollIntoViewIfNeeded();
    const text = (await svg.textContent()) ?? '';
    expect(text.indexOf('listed wallet')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('LAZARUS GROUP')).toBeLessThan(text.indexOf('worker wallet'));
    expect(text).not.toContain('payout wallet');
    await expect(card.locator('figcaption').first().textContent()).resolves.toMatch(
      /^\d+% of the transfer into the worker's wallet came from the listed wallet in [23] hop\(s\) on ethereum$/,
    );
  });

  it('draws an alert hop path as SVG: payout wallet, collector, listed wallet named', async () => {
    const card = page
      .locator('article.alert:has(code:text-is("sanctioned-exposure"))')
      .filter({ hasText: 'of the payout reached the listed wallet' })
      .first();
    const svg = card.locator('svg.flow').first();
    await svg.scrollIntoViewIfNeeded();
    expect(await svg.isVisible()).toBe(true);
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(400);
    expect(box.height).toBeGreaterThan(60);
    expect(await svg.locator('rect').count()).toBe(3);
    const text = await svg.textContent();
    expect(text).toContain('payout wallet');
    expect(text).toContain('LAZARUS GROUP');
    await expect(card.locator('figcaption').first().textContent()).resolves.toMatch(
      /^\d+% of the payout reached the listed wallet in 2 hop\(s\) on ethereum$/,
    );
    await expect(card.locator('table.ev').first().textContent()).resolves.toContain(
      'LAZARUS GROUP',
    );
  });

  it('groups the network into one case with its money flow, linked to the alerts', async () => {
    const first = page.locator('.case').first();
    await expect(first.locator('h3').textContent()).resolves.toBe('Network of 6 workers');
    expect(await first.locator('svg.flow').isVisible()).toBe(true);
    const href = await first.locator('ul.links a').first().getAttribute('href');
    expect(await page.locator(href!).count()).toBe(1);
  });

  it('asks for nothing over the network and raises no error', () => {
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('saves a screenshot of the summary and the top case', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const bottom = await page
      .locator('.case')
      .first()
      .evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({
      path: SCREENSHOT,
      clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom) + 12 },
      fullPage: true,
    });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
