/** What kind of list an entry came from; rules weigh categories differently. */
export type EntryCategory =
  | 'sanctions'
  | 'extortion'
  | 'ransomware'
  | 'mixer'
  | 'exchange'
  | 'scam'
  | 'collector'
  | 'other';

/** One address of a list entry, normalized for its chain. */
export interface ListedAddress {
  /** Chain the address belongs to (`ethereum`, `tron`, `bitcoin`, ...). */
  readonly chain: string;
  /** Canonical form (checksummed 0x, base58 T-address, ...). */
  readonly address: string;
  /** Match key from shared/address (`evm:0x…`, `tron:T…`, `bitcoin:…`). */
  readonly key: string;
  /** The publisher's currency code, when it gave one (OFAC `XBT`, `USDT`, ...). */
  readonly currency?: string;
}

/** A person, entity or wallet as one list publishes it. */
export interface ListEntry {
  /** Publisher and format, e.g. `ofac-sdn`, `opensanctions`, `graphsense`, `ransomwhere`, `csv`. */
  readonly source: string;
  /** The publisher's id (OFAC profile id, FtM entity id, ...). */
  readonly entryId: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: 'person' | 'entity' | 'vessel' | 'aircraft' | 'wallet' | 'unknown';
  readonly programs: readonly string[];
  readonly category: EntryCategory;
  readonly addresses: readonly ListedAddress[];
  readonly datesOfBirth?: readonly string[];
  readonly nationalities?: readonly string[];
  /** Earliest designation or listing date the publisher gives (ISO date). */
  readonly listedOn?: string;
  /** Where the publisher's attribution comes from (press releases, reports, URLs). */
  readonly references?: readonly string[];
}

/** One load of one list: every load is a version, named in the alerts that matched it. */
export interface ListVersion {
  /** `<source>@<publishedAt>#<first 12 hex of contentHash>`. */
  readonly id: string;
  readonly source: string;
  /** Publication date the publisher states (ISO date), or the load date when it states none. */
  readonly publishedAt: string;
  /** sha256 of the raw (decompressed) content. */
  readonly contentHash: string;
  readonly loadedAt: string;
  readonly entryCount: number;
  readonly addressCount: number;
  /** Format the loader detected (`ofac-advanced-xml`, `graphsense-tagpack`, ...). */
  readonly format?: string;
  /** Files (or the URL) the version was loaded from, for the record. */
  readonly origin?: readonly string[];
}

/** A version and the entries it holds. */
export interface ListSnapshot {
  readonly version: ListVersion;
  readonly entries: readonly ListEntry[];
}
