import { randomUUID } from 'node:crypto';
import { normalizeAddress } from '../../shared/address/index.ts';
import { type Envelope, envelope, type TransferData } from '../../shared/contract/index.ts';
import type { ListEntry, ListSnapshot } from '../../shared/lists/types.ts';

/** Lazarus Group's Ronin bridge exploiter address, on the OFAC SDN list since April 2022. */
export const LAZARUS_WALLET = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
/** An ordinary wallet on no list. */
export const CLEAN_WALLET = '0x1111111111111111111111111111111111111111';

/** A one-entry sanctions list naming the Lazarus wallet, as a loader would produce it. */
export function lazarusList(publishedAt = '2025-11-19'): ListSnapshot {
  const n = normalizeAddress('ethereum', LAZARUS_WALLET);
  const entry: ListEntry = {
    source: 'ofac-sdn',
    entryId: '27307',
    name: 'LAZARUS GROUP',
    aliases: ['APPLEWORM', 'APT-C-26', 'HIDDEN COBRA'],
    kind: 'entity',
    programs: ['DPRK3'],
    category: 'sanctions',
    addresses: [{ chain: 'ethereum', address: n.canonical, key: n.key, currency: 'ETH' }],
  };
  return {
    version: {
      id: `ofac-sdn@${publishedAt}#abcdef012345`,
      source: 'ofac-sdn',
      publishedAt,
      contentHash: 'abcdef012345'.padEnd(64, '0'),
      loadedAt: `${publishedAt}T00:00:00.000Z`,
      entryCount: 1,
      addressCount: 1,
    },
    entries: [entry],
  };
}

/** A `payout.executed` event; the id is random unless given. */
export function payoutExecuted(
  over: Partial<Envelope<'payout.executed'>['data']> & { id?: string; occurredAt?: string } = {},
): Envelope<'payout.executed'> {
  const { id, occurredAt, ...data } = over;
  return envelope(
    'payout.executed',
    {
      payoutId: 'po-1',
      workerId: 'w-1',
      amount: '2500.00',
      asset: 'USDC',
      chain: 'ethereum',
      toAddress: CLEAN_WALLET,
      ...data,
    },
    {
      id: id ?? `evt-${randomUUID()}`,
      occurredAt: occurredAt ?? '2026-11-02T10:00:00Z',
      source: 'test-payroll',
    },
  );
}

/** A unique name for topics, groups and key prefixes, so test runs never share state. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
}

/** A USDC transfer on Ethereum as the chain watcher reports it. */
export function usdcTransfer(over: Partial<TransferData> = {}): TransferData {
  return {
    chain: 'ethereum',
    txHash: `0x${'a1'.repeat(32)}`,
    logIndex: 3,
    blockNumber: 21_000_123,
    blockHash: `0x${'b2'.repeat(32)}`,
    timestamp: '2026-11-03T12:00:00Z',
    asset: { symbol: 'USDC', contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', decimals: 6 },
    from: CLEAN_WALLET,
    to: LAZARUS_WALLET,
    amount: '4100',
    ...over,
  };
}
