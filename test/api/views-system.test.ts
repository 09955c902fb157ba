import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LAZARUS_WALLET } from '../helpers/fixtures.ts';
import { bearer, EXPOSED_WALLET, HOP_WALLET, testApp } from './helpers.ts';

describe('worker and wallet views', async () => {
  const { app, alerts } = await testApp();
  afterAll(() => app.close());
  const get = (url: string) => app.inject({ method: 'GET', url, headers: bearer('analyst') });

  it('shows a worker with profile, alerts, linked wallets (with list hits) and workers', async () => {
    const res = await get('/v1/workers/w-200');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.profile).toMatchObject({ workerId: 'w-200', residenceCountry: 'US' });
    expect(body.alerts.map((a: { id: string }) => a.id)).toEqual([alerts[1]!.id]);
    expect(body.wallets.map((w: { address: string }) => w.address)).toEqual([
      EXPOSED_WALLET,
      HOP_WALLET,
      LAZARUS_WALLET,
    ]);
    expect(body.wallets[2].listed[0]).toMatchObject({
      name: 'LAZARUS GROUP',
      listVersion: 'ofac-sdn@2025-11-19#abcdef012345',
    });
    expect((await get('/v1/workers/w-300')).json().workers).toEqual(['w-301']);
    expect((await get('/v1/workers/nobody')).json()).toMatchObject({
      profile: null,
      alerts: [],
      wallets: [],
    });
  });

  it('shows a wallet with its list entries, alerts and links, whatever the letter case', async () => {
    const body = (await get(`/v1/wallets/ethereum/${LAZARUS_WALLET.toLowerCase()}`)).json();
    expect(body).toMatchObject({
      address: LAZARUS_WALLET,
      key: `evm:${LAZARUS_WALLET.toLowerCase()}`,
    });
    expect(body.listed[0]).toMatchObject({
      source: 'ofac-sdn',
      entryId: '27307',
      programs: ['DPRK3'],
    });
    expect(body.alerts.map((a: { rule: string }) => a.rule).sort()).toEqual([
      'sanctioned-counterparty',
      'sanctioned-exposure',
    ]);
    expect(body.workers).toEqual(['w-100', 'w-200']);
    expect(body.wallets.map((w: { address: string }) => w.address)).toEqual([
      EXPOSED_WALLET,
      HOP_WALLET,
    ]);
  });

  it('answers 400 for a malformed wallet', async () => {
    const res = await get('/v1/wallets/ethereum/0x1234567890123456789012345678901234567890zz');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('invalid ethereum address');
  });
});

describe('health, metrics, identity, OpenAPI, console files', async () => {
  const { app } = await testApp();
  afterAll(() => app.close());

  it('reports health without a token, 503 when a dependency is down', async () => {
    const ok = await app.inject({ method: 'GET', url: '/health' });
    expect(ok.json()).toEqual({ status: 'ok', checks: { memory: 'up' } });
    const { app: sick } = await testApp({
      health: {
        redis: async () => {
          throw new Error('down');
        },
      },
    });
    const res = await sick.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'degraded', checks: { redis: 'down' } });
    await sick.close();
  });

  it('exposes requests, screening decisions and queue depth by state in Prometheus text', async () => {
    const screen = {
      workerId: 'w-1',
      chain: 'ethereum',
      address: LAZARUS_WALLET,
      asset: 'USDC',
      amount: '1',
    };
    await app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: bearer('platform'),
      payload: screen,
    });
    await app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: bearer('platform'),
      payload: { ...screen, address: EXPOSED_WALLET },
    });
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: bearer('platform') });
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    const text = res.body;
    expect(text).toContain(
      'flowsentry_api_requests_total{method="POST",route="/v1/screen",status="200"} 2',
    );
    expect(text).toContain('flowsentry_screen_decisions_total{decision="block"} 1');
    expect(text).toContain('flowsentry_screen_decisions_total{decision="review"} 1');
    expect(text).toContain('flowsentry_alerts{status="open"} 4');
    expect(text).toContain('flowsentry_alert_queue_jobs{state="prioritized"} 4');
    expect(text).toMatch(
      /flowsentry_api_request_duration_seconds_bucket\{le="\+Inf",route="\/v1\/screen"\} 2/,
    );
  });

  it('tells a token who it acts as', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/v1/me', headers: bearer('supervisor') })).json(),
    ).toEqual({ id: 'sue', role: 'supervisor' });
  });

  it('serves the OpenAPI document with every route and the bearer scheme', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/screen',
        '/v1/alerts',
        '/v1/alerts/{id}/disposition',
        '/health',
        '/metrics',
      ]),
    );
    const screenBody = doc.paths['/v1/screen'].post.requestBody.content['application/json'].schema;
    // toAddress or its deprecated old name address: the route requires one of them.
    expect(screenBody.required).toEqual(['workerId', 'chain', 'asset', 'amount']);
    expect(screenBody.properties.toAddress).toBeDefined();
    expect(screenBody.properties.address.deprecated).toBe(true);
  });

  it('keeps docs/openapi.json in step with the served document', async () => {
    const served = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const committed = JSON.parse(readFileSync('docs/openapi.json', 'utf8'));
    expect(
      committed,
      'regenerate with: node bin/run-ts.mjs services/api/openapi.ts > docs/openapi.json',
    ).toEqual(served);
  });

  it('serves the console with a strict content security policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<script type="module" src="/console/app.js">');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(
      (await app.inject({ method: 'GET', url: '/console/graph.js' })).headers['content-type'],
    ).toMatch(/javascript/);
    expect((await app.inject({ method: 'GET', url: '/console/../deps.ts' })).statusCode).toBe(404);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/v2/whatever?token=x' });
    expect(res.json()).toEqual({
      statusCode: 404,
      error: 'NOT_FOUND',
      message: 'no route GET /v2/whatever',
    });
  });

  it('lists webhook deliveries for supervisors', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/v1/webhooks/deliveries',
      headers: bearer('supervisor'),
    });
    expect(res.json()).toEqual({ items: [] });
  });
});
