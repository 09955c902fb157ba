import { normalizeAddress } from '../shared/address/index.ts';
import { type Envelope, envelope, eventId } from '../shared/contract/index.ts';
import type { ListEntry, ListSnapshot } from '../shared/lists/types.ts';

/** A deterministic 0x address for index i (never a real wallet). */
export function benchWallet(i: number, salt = 0): string {
  return `0x${(salt * 1_000_003 + i).toString(16).padStart(40, '0')}`;
}

/** A sanctions list of `count` generated wallets, for benchmarks only. */
export function benchList(count: number): ListSnapshot {
  const entries: ListEntry[] = Array.from({ length: count }, (_, i) => {
    const n = normalizeAddress('ethereum', benchWallet(i, 7));
    return {
      source: 'bench-sanctions',
      entryId: `b-${i}`,
      name: `BENCH ENTITY ${i}`,
      aliases: [],
      kind: 'entity',
      programs: ['BENCH'],
      category: 'sanctions',
      addresses: [{ chain: 'ethereum', address: n.canonical, key: n.key }],
    };
  });
  return {
    version: {
      id: 'bench-sanctions@2026-01-01#000000000000',
      source: 'bench-sanctions',
      publishedAt: '2026-01-01',
      contentHash: '0'.repeat(64),
      loadedAt: '2026-01-01T00:00:00.000Z',
      entryCount: count,
      addressCount: count,
    },
    entries,
  };
}

/**
 * Payouts from 5,000 workers to their wallets; every `hitEvery`-th one goes to a listed
 * wallet instead. `hitEvery` 0 means none do.
 */
export function payoutEvent(
  i: number,
  hitEvery: number,
  listed: number,
): Envelope<'payout.executed'> {
  const hit = hitEvery > 0 && i % hitEvery === 0;
  const worker = i % 5_000;
  const payoutId = `bench-po-${i}`;
  return envelope(
    'payout.executed',
    {
      payoutId,
      workerId: `w-${worker}`,
      amount: `${1000 + (i % 997)}.00`,
      asset: 'USDC',
      chain: 'ethereum',
      toAddress: hit ? benchWallet(Math.floor(i / hitEvery) % listed, 7) : benchWallet(worker, 1),
    },
    {
      id: eventId('payout.executed', payoutId),
      occurredAt: new Date(Date.UTC(2026, 10, 1) + i * 10).toISOString(),
      source: 'bench',
    },
  );
}
