import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../services/cli/scenario/index.ts';
import { type Envelope, envelope } from '../../shared/contract/index.ts';
import { packEvent, unpackEvent } from '../../shared/engine/state/event-codec.ts';

const scenario = generateScenario({ seed: 7, workers: 40, payRuns: 2 });
const retained = scenario.events.filter(
  (e) => e.type.startsWith('payout.') || e.type.startsWith('transfer.'),
);

const transfer = (data: Record<string, unknown>): Envelope =>
  envelope(
    'transfer.observed',
    {
      chain: 'ethereum',
      txHash: `0x${'ab'.repeat(32)}`,
      logIndex: null,
      blockNumber: 7,
      blockHash: `0x${'Cd'.repeat(32)}`,
      timestamp: '2026-01-02T09:00:00.000Z',
      asset: {
        symbol: 'USDC',
        contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
        decimals: 6,
      },
      from: '0x8589427373D6D84E98730D7795D8f6f8731FDA16',
      to: '0x00000000000000000000000000000000002dc6c9',
      amount: '1000000000000000',
      ...data,
    } as never,
    { id: 'my-own-id', occurredAt: '2026-01-02T09:00:00Z', source: 'chain watcher ü' },
  );

describe('retained event codec', () => {
  it('rebuilds every payout and transfer of a scenario field for field, in a fraction of its JSON', () => {
    let packed = 0;
    let json = 0;
    for (const e of retained) {
      const s = packEvent(e)!;
      expect(unpackEvent(s)).toStrictEqual(e);
      packed += s.length;
      json += JSON.stringify(e).length;
    }
    expect(retained.length).toBeGreaterThan(100);
    expect(packed).toBeLessThan(json / 2);
  });

  it('keeps mixed-case hex, text that is nearly hex, null, unhashed ids, times without milliseconds and wide characters', () => {
    const e = transfer({});
    const s = packEvent(e)!;
    expect(unpackEvent(s)).toStrictEqual(e);
    expect(unpackEvent(JSON.parse(JSON.stringify(s)))).toStrictEqual(e);
    for (const txHash of [
      '0x12zz',
      `0x${'ab'.repeat(31)}g1`,
      '0x',
      '0xabc',
      'plain text',
      '0x\u00e9\u00e9',
    ]) {
      const odd = transfer({ txHash, blockHash: txHash.toUpperCase() });
      expect(unpackEvent(packEvent(odd)!)).toStrictEqual(odd);
    }
    for (const timestamp of ['2026-02-30T10:00:00.000Z', '2026-01-02T24:00:00.000Z']) {
      const odd = transfer({ timestamp });
      expect(unpackEvent(packEvent(odd)!)).toStrictEqual(odd);
    }
  });

  it('declines an envelope with a field outside its layout, so the caller keeps it whole', () => {
    expect(packEvent(transfer({ memo: 'rent' }))).toBeUndefined();
    expect(
      packEvent(transfer({ asset: { symbol: 'ETH', contract: null, decimals: 18, extra: 1 } })),
    ).toBeUndefined();
    expect(packEvent(scenario.events.find((e) => e.type === 'worker.upserted')!)).toBeUndefined();
    expect(packEvent(transfer({ tags: ['a'] }))).toBeUndefined();
    expect(packEvent({ ...transfer({}), data: [] } as never)).toBeUndefined();
  });

  it('packs an envelope whose extra keys are only undefined, as JSON would write it', () => {
    const e = transfer({ memo: undefined, logIndex: undefined });
    expect(unpackEvent(packEvent(e)!)).toStrictEqual(JSON.parse(JSON.stringify(e)));
  });
});
