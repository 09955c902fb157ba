import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_WALLET } from '../helpers/fixtures.ts';
import { bearer, testApp } from './helpers.ts';

describe('per-token rate limits', async () => {
  const { app } = await testApp({ rateLimit: { perMinute: 3, screenPerMinute: 2 } });
  afterAll(() => app.close());
  const list = (who: 'analyst' | 'analyst2') =>
    app.inject({ method: 'GET', url: '/v1/alerts', headers: bearer(who) });
  const screen = () =>
    app.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: bearer('platform'),
      payload: {
        workerId: 'w-1',
        chain: 'ethereum',
        toAddress: CLEAN_WALLET,
        asset: 'USDC',
        amount: '1.00',
      },
    });

  it('answers 429 once a token has spent its minute, and other tokens keep theirs', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await list('analyst')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const refused = await list('analyst');
    expect(refused.json()).toMatchObject({ error: 'TOO_MANY_REQUESTS' });
    expect(refused.json().message).toContain('3 requests a minute for this token');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await list('analyst2')).statusCode).toBe(200);
  });

  it('gives /v1/screen its own budget', async () => {
    expect([(await screen()).statusCode, (await screen()).statusCode]).toEqual([200, 200]);
    expect((await screen()).statusCode).toBe(429);
  });

  it('never limits the public routes, and a bad token is a 401, not a spent budget', async () => {
    for (let i = 0; i < 5; i++)
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const bad = await app.inject({
      method: 'GET',
      url: '/v1/alerts',
      headers: { authorization: 'Bearer not-a-token-of-ours-000' },
    });
    expect(bad.statusCode).toBe(401);
  });
});
