import { describe, expect, it } from 'vitest';
import { groupCases } from '../../../services/cli/report/cases.ts';
import { explainAlert } from '../../../services/cli/report/explain.ts';
import { wrap } from '../../../services/cli/report/format.ts';
import { byRisk, summarize, summaryLines } from '../../../services/cli/report/summary.ts';
import { alert, COLLECTOR, LAZARUS } from './fixtures.ts';

const exposure = alert();
const farm = alert({
  id: 'shared-device.1',
  rule: 'shared-device',
  severity: 'high',
  score: 87,
  title: 'farm',
  subject: { kind: 'worker', workerId: 'w-2' },
  related: { workers: ['w-1', 'w-2', 'w-3'], wallets: [], payouts: [] },
});
const identity = alert({
  id: 'identity-match.1',
  rule: 'identity-match',
  severity: 'critical',
  score: 100,
  title: 'name',
  subject: { kind: 'worker', workerId: 'w-3' },
  related: { workers: ['w-3'], wallets: [], payouts: [] },
});
const stranger = alert({
  id: 'geo-mismatch.1',
  rule: 'geo-mismatch',
  severity: 'medium',
  score: 50,
  title: 'geo',
  subject: { kind: 'worker', workerId: 'w-9' },
  related: { workers: ['w-9'], wallets: [], payouts: [] },
});
const lazarus = alert({
  id: 'sanctioned-counterparty.1',
  rule: 'sanctioned-counterparty',
  severity: 'critical',
  score: 95,
  title: 'collector pays Lazarus',
  subject: { kind: 'wallet', chain: 'ethereum', address: LAZARUS },
  related: { workers: [], wallets: [COLLECTOR, LAZARUS], payouts: [] },
});
const unrelated = alert({
  id: 'sanctioned-counterparty.2',
  rule: 'sanctioned-counterparty',
  severity: 'critical',
  score: 95,
  title: 'x',
  subject: { kind: 'wallet', address: '0x2222222222222222222222222222222222222222' },
  related: { workers: [], wallets: [], payouts: [] },
});

describe('summaries', () => {
  it('counts by severity and by rule, worst rule first', () => {
    const s = summarize([exposure, farm, identity, stranger]);
    expect(s.total).toBe(4);
    expect(s.bySeverity).toEqual({ critical: 1, high: 2, medium: 1, low: 0 });
    expect(s.byRule.map((r) => r.rule)).toEqual([
      'identity-match',
      'sanctioned-exposure',
      'shared-device',
      'geo-mismatch',
    ]);
    expect(s.workers).toBe(4);
    expect(summaryLines(s)[0]).toBe(
      '4 alerts (1 critical, 2 high, 1 medium) naming 4 worker(s) and 1 wallet(s)',
    );
    expect(summaryLines(summarize([]))).toEqual(['no alerts']);
  });

  it('orders alerts worst first, deterministically', () => {
    expect([stranger, exposure, identity, farm].sort(byRisk).map((a) => a.rule)).toEqual([
      'identity-match',
      'shared-device',
      'sanctioned-exposure',
      'geo-mismatch',
    ]);
  });

  it('groups alerts into cases by the workers they name; a wallet-only alert joins the case that touches its wallet', () => {
    const { cases, unattached } = groupCases([
      exposure,
      farm,
      identity,
      stranger,
      lazarus,
      unrelated,
    ]);
    expect(cases.map((c) => c.workers)).toEqual([['w-1', 'w-2', 'w-3'], ['w-9']]);
    expect(cases[0]!.alerts.map((a) => a.id)).toContain(lazarus.id);
    expect(cases[0]!.score).toBe(100);
    expect(unattached.map((a) => a.id)).toEqual([unrelated.id]);
  });

  it('explains an alert briefly: list entry and path first, the rest counted', () => {
    const text = explainAlert(exposure, {
      maxEvidence: 2,
      names: new Map([['w-1', 'Jason Hill']]),
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe(`[HIGH 80] ${exposure.title}`);
    expect(lines[2]).toBe(
      `  subject: wallet ethereum ${exposure.subject.address}, worker w-1 (Jason Hill)`,
    );
    expect(lines[4]).toMatch(/^ {2}- listed: LAZARUS GROUP/);
    expect(lines[5]).toMatch(/^ {2}- path on ethereum, exposure 84.0%/);
    expect(lines[6]).toBe('  - ... 2 more (all of them in the report)');
  });

  it('wraps text at spaces, keeping the first indent', () => {
    expect(wrap('  one two three four', 12, '    ')).toBe('  one two\n    three\n    four');
  });
});
