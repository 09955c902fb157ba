import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenVerifier } from '../../services/api/auth.ts';
import type { Role } from '../../shared/ports/review-store/index.ts';
import { LAZARUS_WALLET } from '../helpers/fixtures.ts';
import { API_TOKENS, TOKENS, testApp } from './helpers.ts';

type Method = 'GET' | 'POST' | 'DELETE';
const A = 'sanctioned-exposure.a75519ae3144d25f0a8f6005';
const SCREEN = {
  workerId: 'w-1',
  chain: 'ethereum',
  address: LAZARUS_WALLET,
  asset: 'USDC',
  amount: '10',
};

/** Every route behind a token, the roles it admits, and a valid body. */
const ROUTES: [Method, string, readonly Role[], unknown?][] = [
  ['POST', '/v1/screen', ['platform', 'admin'], SCREEN],
  ['GET', '/v1/screenings', ['supervisor', 'admin']],
  ['GET', '/v1/alerts', ['analyst', 'supervisor', 'admin']],
  ['GET', `/v1/alerts/${A}`, ['analyst', 'supervisor', 'admin']],
  ['GET', `/v1/alerts/${A}/audit`, ['analyst', 'supervisor', 'admin']],
  ['POST', `/v1/alerts/${A}/claim`, ['analyst', 'supervisor', 'admin']],
  ['POST', `/v1/alerts/${A}/release`, ['analyst', 'supervisor', 'admin']],
  ['POST', `/v1/alerts/${A}/notes`, ['analyst', 'supervisor', 'admin'], { text: 'n' }],
  ['POST', `/v1/alerts/${A}/escalate`, ['analyst', 'supervisor', 'admin'], { reason: 'why not' }],
  ['POST', `/v1/alerts/${A}/assign`, ['supervisor', 'admin'], { assignee: 'ana' }],
  [
    'POST',
    `/v1/alerts/${A}/disposition`,
    ['supervisor', 'admin'],
    { outcome: 'benign', reason: 'fine' },
  ],
  ['POST', `/v1/alerts/${A}/reopen`, ['supervisor', 'admin'], { reason: 'again' }],
  ['POST', `/v1/alerts/${A}/suppress`, ['supervisor', 'admin'], { reason: 'known custodian' }],
  ['GET', '/v1/suppressions', ['supervisor', 'admin']],
  ['GET', '/v1/rules', ['analyst', 'supervisor', 'admin']],
  ['DELETE', '/v1/suppressions/nope', ['supervisor', 'admin']],
  ['GET', '/v1/workers/w-200', ['analyst', 'supervisor', 'admin']],
  ['GET', `/v1/wallets/ethereum/${LAZARUS_WALLET}`, ['analyst', 'supervisor', 'admin']],
  ['GET', '/v1/webhooks/deliveries', ['supervisor', 'admin']],
  ['GET', '/v1/me', ['platform', 'analyst', 'supervisor', 'admin']],
  ['GET', '/metrics', ['platform', 'analyst', 'supervisor', 'admin']],
];
const ROLES: Role[] = ['platform', 'analyst', 'supervisor', 'admin'];
const tokenOf = (role: Role) => API_TOKENS.find((t) => t.role === role)!.token;

const logLines: string[] = [];
const logger = pino(
  { level: 'trace' },
  new Writable({
    write: (c, _e, done) => {
      logLines.push(String(c));
      done();
    },
  }),
);

describe('authentication and roles', async () => {
  const { app } = await testApp({ logger });
  beforeAll(() => app.ready());
  afterAll(() => app.close());
  const send = (method: Method, url: string, headers: Record<string, string>, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it.each(ROUTES)(
    '%s %s answers 401 without a token or with a wrong one',
    async (method, url, _roles, body) => {
      const none = await send(method, url, {}, body);
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(none.json()).toMatchObject({ error: 'UNAUTHORIZED' });
      expect(
        (await send(method, url, { authorization: `Bearer ${TOKENS.admin}x` }, body)).statusCode,
      ).toBe(401);
      expect((await send(method, url, { authorization: TOKENS.admin }, body)).statusCode).toBe(401);
      expect(
        (await send(method, url, { authorization: `Basic ${TOKENS.admin}` }, body)).statusCode,
      ).toBe(401);
    },
  );

  it.each(ROUTES)(
    '%s %s answers 403 to roles that may not, and lets the others through',
    async (method, url, roles, body) => {
      for (const role of ROLES) {
        const res = await send(method, url, { authorization: `Bearer ${tokenOf(role)}` }, body);
        if (roles.includes(role))
          expect([401, 403], `${role} ${res.body}`).not.toContain(res.statusCode);
        else
          expect({ role, status: res.statusCode, error: res.json().error }).toEqual({
            role,
            status: 403,
            error: 'FORBIDDEN',
          });
      }
    },
  );

  it('covers every route the OpenAPI document lists behind a token', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.security)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    const tested = new Set(ROUTES.map(([m, url]) => `${m} ${url}`));
    const template = (s: string) =>
      s
        .replace(A, '{id}')
        .replace('w-200', '{workerId}')
        .replace(`ethereum/${LAZARUS_WALLET}`, '{chain}/{address}')
        .replace('/nope', '/{id}');
    expect(new Set([...tested].map(template))).toEqual(new Set(documented));
  });

  it('leaves /health, /openapi.json and the console files public', async () => {
    for (const url of [
      '/health',
      '/openapi.json',
      '/',
      '/console/app.js',
      '/console/console.css',
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });

  it('never writes a token to the log, whatever happens', async () => {
    await send(
      'POST',
      '/v1/screen',
      { authorization: `Bearer ${TOKENS.platform}` },
      { ...SCREEN, amount: 'lots' },
    );
    await send('GET', `/v1/alerts/${A}x`, { authorization: `Bearer ${TOKENS.analyst}` });
    await send('GET', '/v1/alerts', { authorization: 'Bearer not-a-known-token-1234567' });
    const all = logLines.join('');
    for (const t of [...Object.values(TOKENS), 'not-a-known-token-1234567'])
      expect(all).not.toContain(t);
  });
});

describe('TokenVerifier', () => {
  const verifier = new TokenVerifier([
    { token: 'a'.repeat(20), role: 'analyst' },
    { token: 'b'.repeat(20), role: 'admin', name: 'root' },
  ]);

  it('maps a token to its actor; the id never contains the token', () => {
    const actor = verifier.verify(`Bearer ${'a'.repeat(20)}`);
    expect(actor?.role).toBe('analyst');
    expect(actor?.id).toMatch(/^analyst-[0-9a-f]{8}$/);
    expect(verifier.verify(`Bearer ${'b'.repeat(20)}`)).toEqual({ id: 'root', role: 'admin' });
  });

  it('refuses prefixes, longer strings, empty and malformed headers', () => {
    for (const h of [
      `Bearer ${'a'.repeat(19)}`,
      `Bearer ${'a'.repeat(21)}`,
      'Bearer ',
      '',
      undefined,
      `bearer ${'a'.repeat(20)}`,
    ]) {
      expect(verifier.verify(h)).toBeNull();
    }
  });
});
