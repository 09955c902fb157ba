import { describe, expect, it } from 'vitest';
import {
  type ChainLog,
  ChainMetrics,
  formatAmount,
  observedId,
  retractedId,
  TRANSFER_TOPIC,
} from '../../services/chain-watcher/index.ts';
import { transferFromLog } from '../../services/chain-watcher/transfers.ts';
import { envelope, parseEvent } from '../../shared/contract/index.ts';

const pad = (hex: string) => `0x${hex.replace(/^0x/, '').toLowerCase().padStart(64, '0')}`;
const LOG: ChainLog = {
  address: '0xdac17f958d2ee523a2206206994597c13d831ec7',
  topics: [
    TRANSFER_TOPIC,
    pad('0x098b716b8aaf21512996dc57eb0615e2383e2f96'),
    pad('0x1111111111111111111111111111111111111111'),
  ],
  data: pad(2_500_000_000n.toString(16)),
  blockNumber: 100,
  blockHash: `0x${'ab'.repeat(32)}`,
  transactionHash: `0x${'cd'.repeat(32)}`,
  transactionIndex: 3,
  logIndex: 7,
};
const USDT = { contract: LOG.address, symbol: 'USDT', decimals: 6, decimalsUnknown: false };

describe('transfer decoding', () => {
  it('formats amounts with the token decimals and no trailing ".0"', () => {
    expect(formatAmount(1_500_000n, 6)).toBe('1.5');
    expect(formatAmount(2_000_000n, 6)).toBe('2');
    expect(formatAmount(0n, 18)).toBe('0');
    expect(formatAmount(1n, 18)).toBe('0.000000000000000001');
    expect(formatAmount(42n, 0)).toBe('42');
    expect(formatAmount(2n ** 256n - 1n, 18)).toMatch(/^[0-9]{60}\.[0-9]+$/);
  });

  it('turns an ERC-20 Transfer log into a valid transfer.observed', () => {
    const found = transferFromLog('ethereum', LOG, USDT, 1_700_000_000)!;
    expect(found.data).toMatchObject({
      chain: 'ethereum',
      logIndex: 7,
      amount: '2500',
      from: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
      asset: {
        symbol: 'USDT',
        decimals: 6,
        contract: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
      },
      timestamp: '2023-11-14T22:13:20.000Z',
    });
    const id = observedId(found.data, false);
    expect(() =>
      parseEvent(
        envelope('transfer.observed', found.data, {
          id,
          occurredAt: found.data.timestamp,
          source: 'x',
        }),
      ),
    ).not.toThrow();
  });

  it('skips ERC-721 transfers and malformed topics', () => {
    expect(
      transferFromLog(
        'ethereum',
        { ...LOG, topics: [...LOG.topics, pad('0x1')], data: '0x' },
        USDT,
        0,
      ),
    ).toBeNull();
    expect(
      transferFromLog(
        'ethereum',
        { ...LOG, topics: [TRANSFER_TOPIC, `0x${'ff'.repeat(32)}`, LOG.topics[2]!] },
        USDT,
        0,
      ),
    ).toBeNull();
  });

  it('derives ids from the identity: a replay keeps it, a retraction and a return get their own', () => {
    const t = transferFromLog('ethereum', LOG, USDT, 0)!.data;
    expect(observedId({ ...t, amount: '1' }, false)).toBe(observedId(t, false));
    expect(observedId({ ...t, blockHash: `0x${'ee'.repeat(32)}` }, false)).toBe(
      observedId(t, false),
    );
    expect(retractedId(t)).not.toBe(observedId(t, false));
    expect(retractedId({ ...t, blockHash: `0x${'ee'.repeat(32)}` })).not.toBe(retractedId(t));
    expect(observedId(t, true)).not.toBe(observedId(t, false));
  });
});

describe('chain metrics', () => {
  it('renders Prometheus text with lag, rates and RPC errors by code', async () => {
    let now = 0;
    const m = new ChainMetrics(() => now);
    Object.assign(m.chain('ethereum'), { head: 120, cursor: 100 });
    m.progressed('ethereum', 10, 50);
    now = 2_000;
    m.progressed('ethereum', 10, 150);
    m.rpcError('ethereum', 'RPC_RATE_LIMITED');
    m.rpcError('ethereum', 'ODD"CODE\\\n');
    const text = await m.toPrometheus();
    expect(text).toContain('flowsentry_chain_head_lag_blocks{chain="ethereum"} 20');
    expect(text).toContain('flowsentry_chain_blocks_per_second{chain="ethereum"} 5');
    expect(text).toContain('flowsentry_chain_transfers_per_second{chain="ethereum"} 75');
    expect(text).toContain(
      'flowsentry_chain_rpc_errors_total{chain="ethereum",code="RPC_RATE_LIMITED"} 1',
    );
    expect(text).toContain('# TYPE flowsentry_chain_transfers_total counter');
    // Label values are escaped: a strange error code cannot break the exposition.
    expect(text).toContain(
      'flowsentry_chain_rpc_errors_total{chain="ethereum",code="ODD\\"CODE\\\\\\n"} 1',
    );
  });
});
