import { afterAll, describe, expect, it } from 'vitest';
import { bearer, SHARED_WALLET, type TOKENS, testApp } from './helpers.ts';

type Who = keyof typeof TOKENS;

describe('review actions', async () => {
  const { app, alerts } = await testApp();
  afterAll(() => app.close());
  const [direct, exposure, shared, geo] = alerts.map((a) => a.id);
  const post = (id: string, action: string, who: Who, payload?: object) =>
    app.inject({
      method: 'POST',
      url: `/v1/alerts/${id}/${action}`,
      headers: bearer(who),
      ...(payload ? { payload } : {}),
    });

  it('claims an open alert, idempotently for the holder, 409 for anyone else', async () => {
    const first = await post(exposure!, 'claim', 'analyst');
    expect(first.statusCode).toBe(200);
    expect(first.json().alert).toMatchObject({
      status: 'in_review',
      assignee: 'ana',
      reviewVersion: 1,
    });
    expect(first.json().audit).toMatchObject({
      action: 'claim',
      actor: 'ana',
      before: { status: 'open' },
      after: { status: 'in_review' },
    });
    expect((await post(exposure!, 'claim', 'analyst')).json().audit).toBeNull();
    const other = await post(exposure!, 'claim', 'analyst2');
    expect(other.statusCode).toBe(409);
    expect(other.json().message).toBe('already claimed by ana');
  });

  it('adds notes, and refuses empty ones with 400', async () => {
    const res = await post(exposure!, 'notes', 'analyst', { text: 'Hop 1 is a fresh wallet.' });
    expect(res.json().audit).toMatchObject({ action: 'note', text: 'Hop 1 is a fresh wallet.' });
    const empty = await post(exposure!, 'notes', 'analyst', { text: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('body.text must NOT have fewer than 1 characters');
  });

  it('lets only the holder or a supervisor release', async () => {
    expect((await post(exposure!, 'release', 'analyst2')).statusCode).toBe(403);
    expect((await post(exposure!, 'release', 'analyst')).json().alert).toMatchObject({
      status: 'open',
      assignee: null,
    });
    expect((await post(exposure!, 'release', 'analyst')).statusCode).toBe(409);
  });

  it('escalates with a reason and closes with a disposition', async () => {
    await post(exposure!, 'claim', 'analyst');
    const noReason = await post(exposure!, 'escalate', 'analyst', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain("body must have required property 'reason'");
    expect(
      (await post(exposure!, 'escalate', 'analyst', { reason: 'Exposure above 50%' })).json().alert
        .status,
    ).toBe('escalated');
    const closed = await post(exposure!, 'disposition', 'supervisor', {
      outcome: 'true_positive',
      reason: 'Confirmed DPRK collection path',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().alert).toMatchObject({
      status: 'closed',
      disposition: { outcome: 'true_positive', by: 'sue' },
    });
  });

  it('refuses a disposition without a reason or with an unknown outcome (400), from an analyst (403), on an open alert (409)', async () => {
    const noReason = await post(shared!, 'disposition', 'supervisor', { outcome: 'benign' });
    expect(noReason.statusCode).toBe(400);
    const badOutcome = await post(shared!, 'disposition', 'supervisor', {
      outcome: 'maybe',
      reason: 'not sure',
    });
    expect(badOutcome.json().message).toContain(
      'body.outcome must be equal to one of the allowed values (true_positive, false_positive, benign)',
    );
    expect(
      (await post(shared!, 'disposition', 'analyst', { outcome: 'benign', reason: 'fine' }))
        .statusCode,
    ).toBe(403);
    const open = await post(shared!, 'disposition', 'supervisor', {
      outcome: 'benign',
      reason: 'fine',
    });
    expect(open.statusCode).toBe(409);
    expect(open.json().message).toBe('cannot close an alert that is open: claim it first');
  });

  it('assigns and reopens (supervisors)', async () => {
    const assigned = await post(geo!, 'assign', 'supervisor', { assignee: 'bob' });
    expect(assigned.json().alert).toMatchObject({ status: 'in_review', assignee: 'bob' });
    await post(geo!, 'disposition', 'supervisor', {
      outcome: 'false_positive',
      reason: 'Travels for work',
    });
    const reopened = await post(geo!, 'reopen', 'supervisor', { reason: 'New login from CN' });
    expect(reopened.json().alert).toMatchObject({
      status: 'open',
      assignee: null,
      disposition: null,
    });
  });

  it('answers 404 for an action on an unknown alert', async () => {
    const unknown = 'sanctioned-exposure.000000000000000000000000';
    expect((await post(unknown, 'claim', 'analyst')).statusCode).toBe(404);
  });

  it('suppresses a rule on a subject: hidden from the queue and from screening, listed, removable', async () => {
    const res = await post(shared!, 'suppress', 'supervisor', {
      reason: 'Payroll custodian wallet',
      until: '2027-01-01T00:00:00Z',
    });
    expect(res.statusCode).toBe(200);
    const { suppression } = res.json();
    expect(suppression).toMatchObject({
      rule: 'shared-payout-wallet',
      subjectKey: `wallet:evm:${SHARED_WALLET}`,
      until: '2027-01-01T00:00:00.000Z',
    });
    const queue = await app.inject({
      method: 'GET',
      url: '/v1/alerts',
      headers: bearer('analyst'),
    });
    expect(queue.json().items.map((a: { id: string }) => a.id)).not.toContain(shared);
    const only = await app.inject({
      method: 'GET',
      url: '/v1/alerts?suppressed=only',
      headers: bearer('analyst'),
    });
    expect(only.json().items.map((a: { id: string }) => a.id)).toEqual([shared]);
    const screen = {
      workerId: 'w-new',
      chain: 'ethereum',
      address: SHARED_WALLET,
      asset: 'USDC',
      amount: '1',
    };
    const answer = await app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: bearer('platform'),
      payload: screen,
    });
    expect(answer.json().decision).toBe('allow');

    const list = (who: 'analyst' | 'supervisor') =>
      app.inject({ method: 'GET', url: '/v1/suppressions', headers: bearer(who) });
    // docs/api.md reserves the list to supervisors: it names every allowlisted subject.
    expect((await list('analyst')).statusCode).toBe(403);
    const listed = await list('supervisor');
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: suppression.id, active: true }),
    ]);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/v1/suppressions/${suppression.id}`,
      headers: bearer('supervisor'),
    });
    expect(removed.json()).toEqual({ removed: suppression.id });
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/v1/suppressions/${suppression.id}`,
          headers: bearer('supervisor'),
        })
      ).statusCode,
    ).toBe(404);
    const again = await app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: bearer('platform'),
      payload: screen,
    });
    expect(again.json().decision).toBe('review');
    const audit = await app.inject({
      method: 'GET',
      url: `/v1/alerts/${shared}/audit`,
      headers: bearer('analyst'),
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual([
      'suppress',
      'unsuppress',
    ]);
  });

  it('refuses to suppress direct sanctions matches (409) and bad bodies (400)', async () => {
    const res = await post(direct!, 'suppress', 'supervisor', { reason: 'looks fine' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('cannot be suppressed');
    expect(
      (await post(shared!, 'suppress', 'supervisor', { reason: 'ok', until: 'tomorrow' }))
        .statusCode,
    ).toBe(400);
  });
});
