import { afterAll, describe, expect, it } from 'vitest';
import { alertId, keyPart, type ListEntryEvidence, subjectKey } from '../../shared/engine/alert.ts';
import { CLEAN_WALLET } from '../helpers/fixtures.ts';
import { bearer, makeAlert, testApp } from './helpers.ts';

const entry = (entryId: string, name: string): ListEntryEvidence => ({
  kind: 'list-entry',
  source: 'ofac-sdn',
  listVersion: 'ofac-sdn@2025-11-19#abcdef012345',
  entryId,
  name,
  programs: ['DPRK3'],
  category: 'sanctions',
});

/** An identity match of one worker against one listed person. */
const nameMatch = (workerId: string, entryId: string, name: string) =>
  makeAlert({
    id: alertId('identity-match', `${workerId}:ofac-sdn:${entryId}`, '2026-11'),
    rule: 'identity-match',
    severity: 'high',
    score: 80,
    title: `Worker matches listed person ${name}`,
    subject: { kind: 'worker', workerId },
    evidence: [entry(entryId, name)],
    related: { workers: [workerId], wallets: [], payouts: [] },
  });

describe('a suppression covers one finding, not every finding on its subject', async () => {
  const { app, sink } = await testApp();
  afterAll(() => app.close());
  const againstA = nameMatch('w-700', '1001', 'PERSON A');
  const againstB = nameMatch('w-700', '2002', 'PERSON B');
  const queue = async () =>
    (
      await app.inject({
        method: 'GET',
        url: '/v1/alerts?worker=w-700',
        headers: bearer('analyst'),
      })
    )
      .json()
      .items.map((a: { id: string }) => a.id);
  const screen = async () =>
    (
      await app.inject({
        method: 'POST',
        url: '/v1/screen',
        headers: bearer('platform'),
        payload: {
          workerId: 'w-700',
          chain: 'ethereum',
          toAddress: CLEAN_WALLET,
          asset: 'USDC',
          amount: '10.00',
        },
      })
    ).json();

  it('hides W against A, and keeps W against B in the queue and in /v1/screen', async () => {
    await sink.deliver([againstA]);
    const suppressed = await app.inject({
      method: 'POST',
      url: `/v1/alerts/${againstA.id}/suppress`,
      headers: bearer('supervisor'),
      payload: { reason: 'different date of birth, checked by hand' },
    });
    expect(suppressed.statusCode).toBe(200);
    expect(await queue()).toEqual([]);
    expect((await screen()).decision).toBe('allow');

    // Later the same worker matches another listed person.
    await sink.deliver([againstB]);
    expect(await queue()).toEqual([againstB.id]);
    expect(await screen()).toMatchObject({
      decision: 'review',
      reasons: [{ code: 'open-alert-worker', ref: againstB.id }],
    });
  });
});

describe('alert subject keys escape their parts', () => {
  it('keeps worker `employer:X` apart from employer X, and leaves plain ids as they were', () => {
    const worker = subjectKey('employer:emp-9', 'ofac-sdn', '1001');
    const employer = subjectKey('employer', 'emp-9', 'ofac-sdn', '1001');
    expect(worker).not.toBe(employer);
    expect(alertId('identity-match', worker, '2026-11')).not.toBe(
      alertId('identity-match', employer, '2026-11'),
    );
    expect(subjectKey('w-100', 'ofac-sdn', '1001')).toBe('w-100:ofac-sdn:1001');
    expect(keyPart('100%:x')).toBe('100%25%3Ax');
  });
});
