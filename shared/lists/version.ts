import type { ListEntry, ListSnapshot, ListVersion } from './types.ts';

/** What a version is made of, besides the counts it derives. */
export interface VersionInput {
  readonly source: string;
  readonly publishedAt?: string;
  readonly contentHash: string;
  readonly entries: readonly ListEntry[];
  readonly format?: string;
  readonly origin?: readonly string[];
  readonly loadedAt?: Date;
}

/** `<source>@<publishedAt>#<first 12 hex of the content hash>`: two loads of the same bytes share it. */
export function versionId(source: string, publishedAt: string, contentHash: string): string {
  return `${source}@${publishedAt}#${contentHash.slice(0, 12)}`;
}

/** Number of distinct address keys in some entries (one 0x address under ETH and ARB counts once). */
export function countAddressKeys(entries: readonly ListEntry[]): number {
  const keys = new Set<string>();
  for (const e of entries) for (const a of e.addresses) keys.add(a.key);
  return keys.size;
}

/** A snapshot around loaded entries; the publication date falls back to the load date. */
export function buildSnapshot(input: VersionInput): ListSnapshot {
  const loadedAt = (input.loadedAt ?? new Date()).toISOString();
  const publishedAt = input.publishedAt ?? loadedAt.slice(0, 10);
  const version: ListVersion = {
    id: versionId(input.source, publishedAt, input.contentHash),
    source: input.source,
    publishedAt,
    contentHash: input.contentHash,
    loadedAt,
    entryCount: input.entries.length,
    addressCount: countAddressKeys(input.entries),
    ...(input.format ? { format: input.format } : {}),
    ...(input.origin ? { origin: [...input.origin] } : {}),
  };
  return Object.freeze({ version: Object.freeze(version), entries: input.entries });
}
