import type { Alert } from '../../../shared/engine/index.ts';

export const LAZARUS = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
export const PAYOUT_WALLET = '0xDf9B9522e70442a77F2BD752DD404c39C0775B2F';
export const COLLECTOR = '0x9b658cF8b9FeB180E83E3902eE289f4d10806aC3';

/** An alert with every field set; override what a test is about. */
export function alert(over: Partial<Alert> = {}): Alert {
  return {
    id: 'sanctioned-exposure.0123456789abcdef01234567',
    rule: 'sanctioned-exposure',
    severity: 'high',
    score: 80,
    title: '84% of payout po-1 reached sanctioned wallet',
    subject: { kind: 'wallet', chain: 'ethereum', address: PAYOUT_WALLET, workerId: 'w-1' },
    evidence: [
      {
        kind: 'event',
        eventId: 'transfer.observed:aa',
        type: 'transfer.observed',
        occurredAt: '2026-01-11T09:00:00.000Z',
        summary: 'collector pays Lazarus',
        txHash: '0xabc0000000000000000000000000000000000000000000000000000000000001',
      },
      {
        kind: 'hop-path',
        chain: 'ethereum',
        exposure: 0.84,
        hops: [
          { from: PAYOUT_WALLET, to: COLLECTOR, amount: '1371.78', share: 0.41 },
          { from: COLLECTOR, to: LAZARUS, amount: '2873.53', share: 0.84 },
        ],
      },
      {
        kind: 'list-entry',
        source: 'ofac-sdn',
        listVersion: 'ofac-sdn@2025-11-19#abcdef012345',
        entryId: '27307',
        name: 'LAZARUS GROUP',
        programs: ['DPRK3'],
        category: 'sanctions',
        address: LAZARUS,
      },
      { kind: 'fact', label: 'exposure', value: '84% (2873.53 of 3346.77)' },
    ],
    related: { workers: ['w-1'], wallets: [PAYOUT_WALLET, COLLECTOR, LAZARUS], payouts: ['po-1'] },
    eventIds: ['transfer.observed:aa'],
    createdAt: '2026-01-11T09:00:00.000Z',
    lastSeenAt: '2026-01-25T09:00:00.000Z',
    count: 2,
    status: 'open',
    assignee: null,
    disposition: null,
    ...over,
  };
}
