import { afterAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../shared/engine/alert.ts';
import { bearer, type TOKENS, testApp } from './helpers.ts';

type Who = keyof typeof TOKENS;

describe('what the API tells the console: rule ids and each alert allowed actions', async () => {
  const { app, alerts } = await testApp();
  afterAll(() => app.close());
  const id = alerts[1]!.id;
  const get = async (url: string, who: Who) =>
    (await app.inject({ method: 'GET', url, headers: bearer(who) })).json();
  const post = (action: string, who: Who, payload?: object) =>
    app.inject({
      method: 'POST',
      url: `/v1/alerts/${id}/${action}`,
      headers: bearer(who),
      ...(payload ? { payload } : {}),
    });
  const actionsOf = async (who: Who) => (await get(`/v1/alerts/${id}`, who)).actions;

  it('serves the engine rule ids', async () => {
    expect((await get('/v1/rules', 'analyst')).items).toEqual([...RULE_IDS]);
  });

  it('offers an open alert for claiming and notes; assignment and no closing to a supervisor', async () => {
    expect(await actionsOf('analyst')).toEqual(['claim', 'notes']);
    expect(await actionsOf('supervisor')).toEqual(['claim', 'notes', 'assign']);
  });

  it('follows the lifecycle: the holder may release or escalate, another analyst only note', async () => {
    expect((await post('claim', 'analyst')).statusCode).toBe(200);
    expect(await actionsOf('analyst')).toEqual(['release', 'notes', 'escalate']);
    expect(await actionsOf('analyst2')).toEqual(['notes']);
    expect(await actionsOf('supervisor')).toEqual([
      'release',
      'notes',
      'escalate',
      'assign',
      'disposition',
    ]);
    // What the answer offered is what the server accepts, and what it left out it refuses.
    expect((await post('escalate', 'analyst2', { reason: 'not mine' })).statusCode).toBe(403);
    const closed = await post('disposition', 'supervisor', {
      outcome: 'false_positive',
      reason: 'checked by hand',
    });
    expect(closed.json().alert.actions).toEqual(['notes', 'reopen']);
    expect(await actionsOf('analyst')).toEqual(['notes']);
  });
});
