import { afterAll, describe, expect, it } from 'vitest';
import { LAZARUS_WALLET } from '../helpers/fixtures.ts';
import { bearer, EXPOSED_WALLET, makeAlert, testApp } from './helpers.ts';

describe('GET /v1/alerts', async () => {
  const { app, alerts, sink } = await testApp();
  afterAll(() => app.close());
  const list = async (query = '') => {
    const res = await app.inject({
      method: 'GET',
      url: `/v1/alerts${query}`,
      headers: bearer('analyst'),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: { id: string; rule: string; evidenceCount: number }[];
      total: number;
      counts: Record<string, number>;
    };
  };
  const ids = async (query = '') => (await list(query)).items.map((a) => a.id);
  const [direct, exposure, shared, geo] = alerts.map((a) => a.id);

  it('lists by priority (severity first) without evidence, with counts by status', async () => {
    const page = await list();
    expect(page.items.map((a) => a.id)).toEqual([direct, exposure, shared, geo]);
    expect(page.items[1]).toMatchObject({ evidenceCount: 2 });
    expect(page.items[1]).not.toHaveProperty('evidence');
    expect(page.counts).toEqual({ open: 4, in_review: 0, escalated: 0, closed: 0 });
  });

  it('filters by rule, severity, status, worker, wallet and assignee', async () => {
    expect(await ids('?rule=geo-mismatch,shared-payout-wallet')).toEqual([shared, geo]);
    expect(await ids('?severity=critical')).toEqual([direct]);
    expect(await ids('?worker=w-301')).toEqual([shared]);
    expect(await ids(`?wallet=${LAZARUS_WALLET.toLowerCase()}`)).toEqual([direct, exposure]);
    await app.inject({
      method: 'POST',
      url: `/v1/alerts/${geo}/claim`,
      headers: bearer('analyst'),
    });
    expect(await ids('?status=in_review')).toEqual([geo]);
    expect(await ids('?assignee=ana')).toEqual([geo]);
    expect((await list('?status=open')).counts).toEqual({
      open: 3,
      in_review: 1,
      escalated: 0,
      closed: 0,
    });
  });

  it('filters by time range, text, and pages', async () => {
    expect(await ids('?from=2026-11-03T00:00:00Z')).toEqual([exposure, shared]);
    expect(await ids('?to=2026-11-01T23:00:00Z')).toEqual([]);
    expect(await ids('?q=two workers')).toEqual([shared]);
    const page = await list('?limit=2&offset=1');
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.items.map((a) => a.id)).toEqual([exposure, shared]);
  });

  it('sorts by last seen, score or count, either way', async () => {
    expect(await ids('?sort=lastSeen')).toEqual([shared, exposure, direct, geo]);
    expect(await ids('?sort=score&order=asc')).toEqual([geo, shared, exposure, direct]);
  });

  it('sees new alerts and merged repeats on the next read', async () => {
    const extra = makeAlert({
      rule: 'consolidation',
      severity: 'high',
      subject: { kind: 'wallet', chain: 'ethereum', address: EXPOSED_WALLET },
    });
    await sink.deliver([extra]);
    expect(await ids('?rule=consolidation')).toEqual([extra.id]);
    await sink.deliver([
      { ...extra, eventIds: ['evt-repeat'], lastSeenAt: '2026-11-20T00:00:00.000Z' },
    ]);
    const res = await app.inject({
      method: 'GET',
      url: `/v1/alerts/${extra.id}`,
      headers: bearer('analyst'),
    });
    expect(res.json()).toMatchObject({
      count: 2,
      lastSeenAt: '2026-11-20T00:00:00.000Z',
      status: 'open',
    });
  });

  it.each([
    ['?severity=urgent', 'querystring.severity must match pattern'],
    ['?limit=0', 'querystring.limit must be from 1 to 500'],
    ['?limit=ten', 'querystring.limit must match pattern'],
    ['?from=yesterday', 'querystring.from must match pattern'],
    [
      '?sort=random',
      'querystring.sort must be equal to one of the allowed values (priority, lastSeen, createdAt, score, count)',
    ],
    ['?colour=red', 'must NOT have additional properties: colour'],
  ])('answers 400 for %s', async (query, message) => {
    const res = await app.inject({
      method: 'GET',
      url: `/v1/alerts${query}`,
      headers: bearer('analyst'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
  });
});

describe('GET /v1/alerts/{id} and its audit', async () => {
  const { app, alerts, review } = await testApp();
  afterAll(() => app.close());
  const exposure = alerts[1]!;

  it('returns the alert with its evidence and review state', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/v1/alerts/${exposure.id}`,
      headers: bearer('analyst'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: exposure.id,
      status: 'open',
      assignee: null,
      reviewVersion: 0,
      suppressed: null,
    });
    expect(body.evidence.map((e: { kind: string }) => e.kind)).toEqual(['event', 'hop-path']);
    expect(body.evidence[1].hops).toHaveLength(2);
  });

  it('answers 404 for an unknown alert and 400 for a malformed id', async () => {
    const unknown = 'sanctioned-exposure.000000000000000000000000';
    const get = (url: string) => app.inject({ method: 'GET', url, headers: bearer('analyst') });
    const missing = await get(`/v1/alerts/${unknown}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      statusCode: 404,
      error: 'NOT_FOUND',
      message: `no alert ${unknown}`,
    });
    expect((await get(`/v1/alerts/${unknown}/audit`)).statusCode).toBe(404);
    // BullMQ's own keys beside the jobs (meta, id, events) are not alerts.
    for (const id of ['nope', 'meta', 'a%3Ab', 'events', `${unknown}x`]) {
      const res = await get(`/v1/alerts/${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(res.json().message).toContain('params.id must match pattern');
    }
  });

  it('writes no audit line for an action on a malformed id such as a BullMQ key', async () => {
    const claim = await app.inject({
      method: 'POST',
      url: '/v1/alerts/meta/claim',
      headers: bearer('analyst'),
    });
    expect(claim.statusCode).toBe(400);
    expect(await review.audit('meta')).toEqual([]);
  });

  it('returns the audit trail oldest first', async () => {
    await app.inject({
      method: 'POST',
      url: `/v1/alerts/${exposure.id}/claim`,
      headers: bearer('analyst'),
    });
    await app.inject({
      method: 'POST',
      url: `/v1/alerts/${exposure.id}/notes`,
      headers: bearer('analyst'),
      payload: { text: 'checking hops' },
    });
    const res = await app.inject({
      method: 'GET',
      url: `/v1/alerts/${exposure.id}/audit`,
      headers: bearer('analyst'),
    });
    expect(
      res.json().items.map((e: { action: string; actor: string }) => `${e.action}:${e.actor}`),
    ).toEqual(['claim:ana', 'note:ana']);
  });
});
