import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../services/cli/report/escape.ts';
import { type ReportInput, renderHtmlReport } from '../../../services/cli/report/html.ts';
import { hopPathSvg } from '../../../services/cli/report/svg.ts';
import { alert, COLLECTOR, LAZARUS, PAYOUT_WALLET } from './fixtures.ts';

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  alerts: [alert()],
  generatedAt: '2026-04-01T12:00:00.000Z',
  mode: 'embedded',
  inputs: {
    files: ['events.jsonl'],
    events: 120,
    rejected: 2,
    from: '2026-01-01T00:00:00Z',
    to: '2026-03-31T00:00:00Z',
  },
  lists: [],
  ...over,
});

describe('HTML report', () => {
  it('escapes everything that comes from events, lists and file names', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const page = renderHtmlReport(
      input({
        alerts: [
          alert({
            title: evil,
            subject: { kind: 'worker', workerId: evil },
            related: { workers: [evil], wallets: [], payouts: [evil] },
          }),
        ],
        inputs: { files: [`${evil}.jsonl`], events: 1, rejected: 0 },
        workerNames: new Map([[evil, evil]]),
        story: [evil],
      }),
    );
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(escapeHtml('a<b>"c"&\'d\'')).toBe('a&lt;b&gt;&quot;c&quot;&amp;&#39;d&#39;');
    expect(html`<p title="${'"x"'}">${['<a>', html`<b>`]}</p>`.text).toBe(
      '<p title="&quot;x&quot;">&lt;a&gt;<b></p>',
    );
  });

  it('is one self-contained file: inline style, no script, no external resource, a CSP that forbids them', () => {
    const page = renderHtmlReport(input());
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // The SVG namespace is the only URL, and it is a name, not a request.
    expect(new Set(page.match(/https?:\/\/[^\s"']+/g))).toEqual(
      new Set(['http://www.w3.org/2000/svg']),
    );
  });

  it('summarizes by rule and severity and shows each alert with its evidence and hop path', () => {
    const page = renderHtmlReport(input());
    expect(page).toContain('Indirect exposure');
    expect(page).toContain('<code>sanctioned-exposure</code>');
    expect(page).toContain('LAZARUS GROUP');
    expect(page).toContain('ofac-sdn@2025-11-19#abcdef012345');
    expect(page).toContain('2 bad lines');
    expect(page).toMatch(/<svg class="flow"[^>]*aria-label="84% of the payout reached 0x098B/);
  });

  it('draws a hop path: payout wallet, hops with amounts and shares, the listed wallet named', () => {
    const svg = hopPathSvg(alert().evidence[1] as never, 'LAZARUS GROUP').text;
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain(`<title>${PAYOUT_WALLET}</title>`);
    expect(svg).toContain(`<title>${COLLECTOR}</title>`);
    expect(svg).toContain(`<title>${LAZARUS}</title>`);
    expect(svg).toContain('1371.78');
    expect(svg).toContain('41% of payout');
    expect(svg).toContain('LAZARUS GROUP');
  });

  it('says so when there is nothing to report', () => {
    expect(renderHtmlReport(input({ alerts: [] }))).toContain('No alerts');
  });
});
