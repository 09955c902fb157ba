import { ownValue } from './own.ts';
import type { ListSnapshot } from './types.ts';

/** Counts that describe one version, for `lists stats`. */
export interface ListStats {
  readonly source: string;
  readonly version: string;
  readonly publishedAt: string;
  readonly loadedAt: string;
  readonly format?: string;
  readonly entries: number;
  /** Entries that list at least one address; the rest are screened by name only. */
  readonly entriesWithAddresses: number;
  /** Distinct address keys. */
  readonly addresses: number;
  readonly byKind: Readonly<Record<string, number>>;
  /** Distinct address keys by the chain they are listed on. */
  readonly byChain: Readonly<Record<string, number>>;
  /** Listed (entry, address, currency) rows by the publisher's currency code. */
  readonly byCurrency: Readonly<Record<string, number>>;
}

function bump(counts: Record<string, number>, key: string): void {
  // defineProperty: a chain or currency named __proto__ is counted, not made a prototype.
  Object.defineProperty(counts, key, {
    value: (ownValue(counts, key) ?? 0) + 1,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Sorted copy of a count map, largest first, for stable output. */
function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  );
}

/** The counts of one version. */
export function listStats(snapshot: ListSnapshot): ListStats {
  const byKind: Record<string, number> = {};
  const byChain: Record<string, number> = {};
  const byCurrency: Record<string, number> = {};
  const chainOfKey = new Map<string, string>();
  let withAddresses = 0;
  for (const entry of snapshot.entries) {
    bump(byKind, entry.kind);
    if (entry.addresses.length) withAddresses++;
    for (const a of entry.addresses) {
      if (!chainOfKey.has(a.key)) chainOfKey.set(a.key, a.chain);
      if (a.currency) bump(byCurrency, a.currency);
    }
  }
  for (const chain of chainOfKey.values()) bump(byChain, chain);
  const v = snapshot.version;
  return {
    source: v.source,
    version: v.id,
    publishedAt: v.publishedAt,
    loadedAt: v.loadedAt,
    ...(v.format ? { format: v.format } : {}),
    entries: snapshot.entries.length,
    entriesWithAddresses: withAddresses,
    addresses: chainOfKey.size,
    byKind: sorted(byKind),
    byChain: sorted(byChain),
    byCurrency: sorted(byCurrency),
  };
}
