import { afterAll, describe, expect, it } from 'vitest';
import { MemoryReviewStore } from '../../shared/ports/review-store/index.ts';
import { CLEAN_WALLET, LAZARUS_WALLET } from '../helpers/fixtures.ts';
import { bearer, EXPOSED_WALLET, SHARED_WALLET, testApp } from './helpers.ts';

const payout = (over: Record<string, unknown> = {}) => ({
  workerId: 'w-999',
  chain: 'ethereum',
  toAddress: CLEAN_WALLET,
  asset: 'USDC',
  amount: '2500.00',
  ...over,
});

describe('POST /v1/screen', async () => {
  const { app, alerts, review } = await testApp();
  afterAll(() => app.close());
  const screen = (body: unknown, headers: Record<string, string> = bearer('platform')) =>
    app.inject({ method: 'POST', url: '/v1/screen', headers, payload: body as object });

  it('allows a clean wallet for a worker without alerts', async () => {
    const res = await screen(payout());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      decision: 'allow',
      reasons: [],
      listVersions: ['ofac-sdn@2025-11-19#abcdef012345'],
    });
    expect(res.json().screeningId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('blocks a wallet on a sanctions list, in any letter case, naming entry and list version', async () => {
    const res = await screen(payout({ toAddress: LAZARUS_WALLET.toLowerCase() }));
    const body = res.json();
    expect(body.decision).toBe('block');
    expect(body.reasons[0]).toMatchObject({
      code: 'sanctions-list',
      ref: 'ofac-sdn@2025-11-19#abcdef012345/27307',
    });
    expect(body.reasons[0].message).toContain('LAZARUS GROUP');
  });

  it('sends a wallet with open alerts to review', async () => {
    const body = (await screen(payout({ toAddress: SHARED_WALLET }))).json();
    expect(body.decision).toBe('review');
    expect(body.reasons).toEqual([
      expect.objectContaining({ code: 'open-alert-wallet', ref: alerts[2]!.id }),
    ]);
  });

  it('sends a worker with open alerts to review, whatever the wallet', async () => {
    const body = (await screen(payout({ workerId: 'w-400' }))).json();
    expect(body).toMatchObject({
      decision: 'review',
      reasons: [{ code: 'open-alert-worker', ref: alerts[3]!.id }],
    });
  });

  it('stops counting an alert closed as false positive, and keeps counting a confirmed one', async () => {
    const sue = { id: 'sue', role: 'supervisor' as const };
    await review.apply(alerts[3]!.id, { type: 'claim' }, sue);
    await review.apply(
      alerts[3]!.id,
      { type: 'close', outcome: 'false_positive', reason: 'VPN for work, confirmed' },
      sue,
    );
    expect((await screen(payout({ workerId: 'w-400' }))).json().decision).toBe('allow');
    await review.apply(alerts[1]!.id, { type: 'claim' }, sue);
    await review.apply(
      alerts[1]!.id,
      { type: 'close', outcome: 'true_positive', reason: 'confirmed exposure' },
      sue,
    );
    const body = (await screen(payout({ toAddress: EXPOSED_WALLET }))).json();
    expect(body).toMatchObject({
      decision: 'review',
      reasons: [{ code: 'confirmed-alert', ref: alerts[1]!.id }],
    });
  });

  it('records every answer for supervisors', async () => {
    await screen(payout({ payoutId: 'po-record' }));
    const res = await app.inject({
      method: 'GET',
      url: '/v1/screenings?limit=1',
      headers: bearer('supervisor'),
    });
    expect(res.json().items[0]).toMatchObject({
      actor: 'payroll-co',
      decision: 'allow',
      request: { payoutId: 'po-record' },
    });
  });

  it.each([
    [
      'a missing field',
      payout({ toAddress: undefined }),
      "body must have required property 'toAddress'",
    ],
    [
      'an amount that is not a decimal',
      payout({ amount: '1e6' }),
      'body.amount must match pattern',
    ],
    ['a negative amount', payout({ amount: '-5' }), 'body.amount must match pattern'],
    [
      'an unknown field',
      { ...payout(), adress: 'x' },
      'must NOT have additional properties: adress',
    ],
    ['an upper-case chain', payout({ chain: 'Ethereum' }), 'body.chain must match pattern'],
    [
      'a bad EIP-55 checksum',
      payout({ toAddress: '0x098B716B8Aaf21512996dC57EB0615e2383E2f97' }),
      'bad EIP-55 checksum',
    ],
    [
      'a Tron address that is not one',
      payout({ chain: 'tron', toAddress: 'TXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' }),
      'invalid tron address',
    ],
    ['a number instead of a string', payout({ workerId: 42 }), 'body.workerId must be string'],
    [
      'an amount sent as a JSON number',
      // biome-ignore lint/correctness/noPrecisionLoss: the very loss a JSON number amount suffers
      payout({ amount: 12345678901234567890 }),
      'body.amount must be string',
    ],
  ])('answers 400 with a clear message for %s', async (_what, body, message) => {
    const res = await screen(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('BAD_REQUEST');
    expect(res.json().message).toContain(message);
  });

  it("takes the platform's own payout.requested data, field for field", async () => {
    const requested = {
      payoutId: 'po-777',
      workerId: 'w-999',
      amount: '2500.00',
      asset: 'USDC',
      chain: 'ethereum',
      toAddress: LAZARUS_WALLET,
      employerId: 'emp-1',
      fromAddress: CLEAN_WALLET,
      txHash: '0xabc',
    };
    const res = await screen(requested);
    expect(res.statusCode).toBe(200);
    expect(res.json().decision).toBe('block');
    expect(res.headers.deprecation).toBeUndefined();
  });

  it('still takes the deprecated name `address` for one version, and says so in a header', async () => {
    const { toAddress: _, ...old } = payout();
    const res = await screen({ ...old, address: LAZARUS_WALLET });
    expect(res.statusCode).toBe(200);
    expect(res.json().decision).toBe('block');
    expect(res.headers.deprecation).toBe('true');
    const both = await screen(payout({ address: LAZARUS_WALLET }));
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toContain('body.address and body.toAddress differ');
  });

  it('answers 400 for a body that is not JSON or not an object, and 415 for another media type', async () => {
    const post = (type: string, payload: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/screen',
        headers: { ...bearer('platform'), 'content-type': type },
        payload,
      });
    const broken = await post('application/json', '{"workerId":');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/JSON/);
    expect((await post('text/plain', 'hi')).json()).toMatchObject({
      statusCode: 400,
      message: 'invalid request: body must be object',
    });
    expect((await post('application/xml', '<a/>')).json()).toMatchObject({
      statusCode: 415,
      error: 'UNSUPPORTED_MEDIA_TYPE',
    });
    const big = await post(
      'application/json',
      JSON.stringify({ ...payout(), pad: 'x'.repeat(70_000) }),
    );
    expect(big.json()).toMatchObject({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers 503 when the answer cannot be recorded', async () => {
    const failing = new MemoryReviewStore();
    failing.recordScreening = async () => {
      throw new Error('redis down');
    };
    const { app: down } = await testApp({ review: failing });
    const res = await down.inject({
      method: 'POST',
      url: '/v1/screen',
      headers: bearer('platform'),
      payload: payout(),
    });
    expect(res.statusCode).toBe(503);
    await down.close();
  });
});
