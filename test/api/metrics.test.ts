import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { ChainMetrics } from '../../services/chain-watcher/index.ts';
import { bearer, testApp } from './helpers.ts';

describe('one metrics registry for the API and the chain watcher', async () => {
  // As `flowsentry up` wires them: both services write into the process's registry.
  const registry = new Registry();
  const chain = new ChainMetrics(Date.now, registry);
  const { app } = await testApp({ metricsRegistry: registry });
  afterAll(() => app.close());

  it("serves the chain watcher's series on the API's /metrics", async () => {
    Object.assign(chain.chain('ethereum'), { head: 1_000, cursor: 990 });
    chain.progressed('ethereum', 10, 4);
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: bearer('analyst') });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('flowsentry_chain_head_lag_blocks{chain="ethereum"} 10');
    expect(res.body).toContain('flowsentry_chain_transfers_total{chain="ethereum"} 4');
    expect(res.body).toContain('flowsentry_alerts{status="open"} 4');
  });
});
