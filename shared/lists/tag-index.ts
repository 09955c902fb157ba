import type { ListEntry, ListSnapshot, ListVersion } from './types.ts';

/** One list entry that names an address, with the version it came from. */
export interface TagHit {
  readonly entry: ListEntry;
  readonly version: ListVersion;
  /** The listed form of the address that matched. */
  readonly address: string;
  readonly currency?: string;
}

/**
 * The active tag set as one in-memory index: address key -> the entries naming it.
 * Built whole and swapped whole, so a reader never sees half a list.
 */
export class TagIndex {
  private readonly byKey = new Map<string, TagHit[]>();
  readonly versions: readonly ListVersion[];
  readonly entries: readonly ListEntry[];

  constructor(snapshots: readonly ListSnapshot[]) {
    this.versions = snapshots.map((s) => s.version);
    this.entries = snapshots.flatMap((s) => s.entries);
    for (const { version, entries } of snapshots) {
      for (const entry of entries) this.indexEntry(entry, version);
    }
  }

  private indexEntry(entry: ListEntry, version: ListVersion): void {
    const seen = new Set<string>();
    for (const a of entry.addresses) {
      // One 0x address listed under ETH, ARB and BSC is one key: keep one hit per entry.
      if (seen.has(a.key)) continue;
      seen.add(a.key);
      const hit: TagHit = { entry, version, address: a.address, currency: a.currency };
      const list = this.byKey.get(a.key);
      if (list) list.push(hit);
      else this.byKey.set(a.key, [hit]);
    }
  }

  /** Entries naming this address key; empty when none. */
  lookup(key: string): readonly TagHit[] {
    return this.byKey.get(key) ?? NO_HITS;
  }

  /** Number of distinct address keys. */
  get size(): number {
    return this.byKey.size;
  }

  /** Every indexed address key. */
  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }
}

const NO_HITS: readonly TagHit[] = Object.freeze([]);
