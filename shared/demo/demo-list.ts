import { createHash } from 'node:crypto';
import { normalizeAddress } from '../address/index.ts';
import type { ListEntry, ListSnapshot } from '../lists/types.ts';

/**
 * A small sanctions list for the demo, built from public facts: OFAC lists this address
 * for Lazarus Group (the Ronin bridge theft, 2022). Real lists load with `flowsentry lists import`.
 */
export function demoSanctionsList(): ListSnapshot {
  const wallet = normalizeAddress('ethereum', '0x098B716B8Aaf21512996dC57EB0615e2383E2f96');
  const entries: ListEntry[] = [
    {
      source: 'demo-sanctions',
      entryId: '27307',
      name: 'LAZARUS GROUP',
      aliases: ['HIDDEN COBRA', 'GUARDIANS OF PEACE', 'APT38'],
      kind: 'entity',
      programs: ['DPRK3'],
      category: 'sanctions',
      addresses: [
        { chain: 'ethereum', address: wallet.canonical, key: wallet.key, currency: 'ETH' },
      ],
    },
  ];
  const contentHash = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
  return {
    version: {
      id: `demo-sanctions@2025-11-19#${contentHash.slice(0, 12)}`,
      source: 'demo-sanctions',
      publishedAt: '2025-11-19',
      contentHash,
      loadedAt: '2025-11-19T00:00:00.000Z',
      entryCount: entries.length,
      addressCount: 1,
    },
    entries,
  };
}
