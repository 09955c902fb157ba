import { KeyTags, type PageIndex } from '../../shared/engine/state/index.ts';
import type { OutgoingRecord } from '../../shared/ports/event-log/index.ts';

/** One state change: the key's latest value at rest, or undefined when the key was deleted. */
export type Change = readonly [key: string, packed: string | undefined];

/** Changelog keys of pages; state keys never start with `~`. */
const PAGE_PREFIX = '~page:';
/** Bytes of one page at most (a larger value goes alone). */
const PAGE_BYTES = 1 << 20;
/**
 * First byte of a page: its format. Pages are binary (below); a page of an earlier version
 * (JSON text, `[`) is refused rather than misread.
 */
const PAGE_FORMAT = 0xf2;
/**
 * Entries kept beyond twice the live ones before the oldest pages are cleaned: the log may
 * hold as much superseded data as live data, plus this much.
 */
const SLACK = 20_000;

interface Page {
  /** Entries the page holds (values and deletions). */
  entries: number;
  /** Entries of the page that are still the latest for their key. */
  live: number;
}

/** Pages a round cleans: their ids, and their live keys, which the round writes again. */
export interface Cleaning {
  readonly ids: readonly number[];
  readonly moved: readonly string[];
}

/** A round's pages, packed as its entries come (`ChangelogPages.begin`). */
export interface RoundPages {
  add(changes: readonly Change[]): void;
  /** The round's records: its pages, then the tombstones of the pages it cleaned. */
  finish(): OutgoingRecord[];
}

/** A page index in the heap (tests, and a state that keeps no tags). */
export class MapPageIndex implements PageIndex {
  private readonly tags = new KeyTags();

  pageOf(key: string): number | undefined {
    return this.tags.get(key);
  }

  setPage(key: string, id: number | undefined): void {
    this.tags.set(key, id);
  }

  keysOn(id: number): string[] {
    return this.tags.keys(id);
  }

  clear(): void {
    this.tags.clear();
  }
}

/** True for a changelog key this module wrote. */
export function isPageKey(key: string): boolean {
  return key.startsWith(PAGE_PREFIX);
}

/**
 * Packs engine state changes into few large changelog records, "pages", instead of one
 * record per key: a Kafka record costs kafkajs ~13 µs whatever its size, and a round
 * changes a few keys per event. The changelog stays compacted and restorable, as a
 * log-structured store:
 *
 * - each durable round writes its changed keys into new pages (ids only grow); a key's
 *   latest value is in the newest page that names it, so a restore that applies pages in
 *   log order ends with the latest values;
 * - an index says which page holds each key's latest value; when superseded entries
 *   outnumber live ones (plus a slack), the OLDEST pages are cleaned: their live keys are
 *   written again into the round's new pages and the old page gets a tombstone, in the same
 *   transaction, so compaction drops it. Cleaning oldest first means a deletion only needs
 *   a marker while an older page may still hold the key; a page's tombstone also deletes
 *   what the page still holds (a key deleted after its marker was no longer needed).
 *
 * Superseded data is bounded (about as much as live data), each live entry is rewritten
 * about once per cleaning cycle, and a restore reads a few records per megabyte.
 */
export class ChangelogPages {
  /** Pages in the changelog, oldest first (a Map keeps insertion order). */
  private readonly pages = new Map<number, Page>();
  private nextId = 0;
  private live = 0;
  private total = 0;

  /**
   * `slack`: superseded entries allowed beyond the live ones before cleaning starts.
   * `index`: which page holds each live key's latest value; the screener passes its state,
   * which keeps it as tags of the records at rest (no key strings of its own).
   */
  constructor(
    private readonly slack = SLACK,
    private readonly index: PageIndex = new MapPageIndex(),
    /** Bytes of a page at most (tests write small ones to cross many page boundaries). */
    private readonly pageBytes = PAGE_BYTES,
  ) {}

  /** Pages in the changelog and their entries, live and superseded (for logs and tests). */
  get size(): { pages: number; live: number; total: number } {
    return { pages: this.pages.size, live: this.live, total: this.total };
  }

  /** Forgets everything (before a restore); an index given by its owner is cleared by it. */
  clear(): void {
    if (this.index instanceof MapPageIndex) this.index.clear();
    this.pages.clear();
    this.nextId = 0;
    this.live = 0;
    this.total = 0;
  }

  /**
   * The records of one durable round: its changes (each key once), and the live keys of
   * cleaned pages with their current values (`current`), packed into new pages, followed by
   * the cleaned pages' tombstones.
   */
  write(
    changes: readonly Change[],
    current: (key: string) => string | undefined,
  ): OutgoingRecord[] {
    const cleaning = this.plan(changes.length);
    const all = [...changes];
    if (cleaning.moved.length > 0) {
      // A moved key the round also changed is already written with its latest value.
      const changed = new Set(changes.map(([key]) => key));
      for (const key of cleaning.moved) if (!changed.has(key)) all.push([key, current(key)]);
    }
    return this.pack(all, cleaning);
  }

  /**
   * The first half of `write`, for a round whose values are captured over time: picks the
   * pages to clean now (`changes`: how many keys the round changes). Their live keys must
   * be written again with the round, at their values of the same moment (`pack` takes them).
   */
  plan(changes: number): Cleaning {
    return this.clean(changes);
  }

  /** The second half of `write`: the round's entries (cleaned pages' keys among them) as records. */
  pack(changes: readonly Change[], cleaning: Cleaning): OutgoingRecord[] {
    const round = this.begin(cleaning);
    round.add(changes);
    return round.finish();
  }

  /**
   * Packs a round whose entries come in parts, as they are captured: each page is written
   * (and its keys indexed under it) as soon as it is full, so packing spreads over the
   * capture instead of stalling its end. Each key comes once per round.
   */
  begin(cleaning: Cleaning): RoundPages {
    const records: OutgoingRecord[] = [];
    let entries: Change[] = [];
    let bytes = 1;
    const flush = () => {
      if (entries.length === 0) return;
      const page: Page = { entries: 0, live: 0 };
      const id = this.nextId++;
      this.pages.set(id, page);
      for (let i = 0; i < entries.length; i++) {
        const [key, packed] = entries[i]!;
        this.place(key, id, page, packed === undefined);
      }
      records.push({ key: `${PAGE_PREFIX}${id}`, value: writePage(entries, bytes) });
      entries = [];
      bytes = 1;
    };
    return {
      add: (changes) => {
        // Indexed: a round adds a few changes an event, and `for...of` here allocated per change.
        for (let i = 0; i < changes.length; i++) {
          const [key, packed] = changes[i]!;
          // A deletion of a key no page holds needs no marker.
          if (packed === undefined && this.index.pageOf(key) === undefined) continue;
          entries.push([key, packed]);
          bytes += entryBytes(key, packed);
          if (bytes >= this.pageBytes) flush();
        }
      },
      finish: () => {
        flush();
        for (const id of cleaning.ids) records.push({ key: `${PAGE_PREFIX}${id}`, value: null });
        return records;
      },
    };
  }

  /**
   * Applies one changelog record while restoring, in log order: `apply` sets a key's value
   * at rest, or deletes it when given undefined. Throws `UnreadablePageError` on a page
   * this version does not write.
   */
  restore(
    key: string,
    value: Buffer | undefined,
    apply: (key: string, packed: string | undefined) => void,
  ): void {
    const id = Number(key.slice(PAGE_PREFIX.length));
    if (!Number.isSafeInteger(id)) return;
    this.nextId = Math.max(this.nextId, id + 1);
    if (value === undefined || value.length === 0) {
      this.restoreTombstone(id, apply);
      return;
    }
    if (value[0] !== PAGE_FORMAT) throw new UnreadablePageError(key);
    const page: Page = { entries: 0, live: 0 };
    this.pages.delete(id);
    this.pages.set(id, page);
    // The key's previous page is read before a deletion removes it, and a value is stored
    // before its page is noted (the index may live with the values).
    readPage(value, (k, packed) => {
      if (packed === undefined) {
        this.place(k, id, page, true);
        apply(k, undefined);
      } else {
        apply(k, packed);
        this.place(k, id, page, false);
      }
    });
  }

  /** A cleaned page: what it still holds was deleted (its live keys moved on before it). */
  private restoreTombstone(
    id: number,
    apply: (key: string, packed: string | undefined) => void,
  ): void {
    const page = this.pages.get(id);
    if (!page) return;
    for (const k of this.index.keysOn(id)) {
      this.index.setPage(k, undefined);
      apply(k, undefined);
    }
    this.drop(id, page);
  }

  /** Records that `key`'s latest entry is in page `id` (a value, or its deletion). */
  private place(key: string, id: number, page: Page, deleted: boolean): void {
    const previous = this.index.pageOf(key);
    if (previous !== undefined) {
      const old = this.pages.get(previous);
      if (old) {
        old.live--;
        this.live--;
      }
    }
    page.entries++;
    this.total++;
    if (deleted) this.index.setPage(key, undefined);
    else {
      this.index.setPage(key, id);
      page.live++;
      this.live++;
    }
  }

  /**
   * Picks the oldest pages to clean while superseded entries pass the bound, cleaning at
   * most about as many entries as the round writes (the work spreads over rounds). Their
   * live keys leave the index: the round writes them again.
   */
  private clean(budget: number): Cleaning {
    const ids: number[] = [];
    const moved: string[] = [];
    let work = 0;
    for (const [id, page] of this.pages) {
      if (this.total - this.live <= this.live + this.slack || work > budget) break;
      for (const k of this.index.keysOn(id)) {
        this.index.setPage(k, undefined);
        moved.push(k);
      }
      work += page.entries;
      ids.push(id);
      this.drop(id, page);
    }
    return { ids, moved };
  }

  private drop(id: number, page: Page): void {
    this.pages.delete(id);
    this.total -= page.entries;
    this.live -= page.live;
  }
}

/**
 * The changelog holds a page this version does not read (written by an earlier version).
 */
export class UnreadablePageError extends Error {
  constructor(readonly key: string) {
    super(`changelog page ${key} is not in the format this version writes`);
  }
}

// A page is binary: the format byte, then per entry the key's UTF-8 length and bytes, then
// the value's length plus one and its bytes (one-byte characters, as the state keeps them),
// or 0 for a deletion. A restore slices each value out as a string and stores it untouched.

function varintBytes(n: number): number {
  return n < 128 ? 1 : n < 16_384 ? 2 : n < 2_097_152 ? 3 : n < 268_435_456 ? 4 : 5;
}

function entryBytes(key: string, packed: string | undefined): number {
  const k = Buffer.byteLength(key, 'utf8');
  const v = packed === undefined ? 0 : packed.length;
  return varintBytes(k) + k + varintBytes(packed === undefined ? 0 : v + 1) + v;
}

function writeVarint(buf: Buffer, at: number, n: number): number {
  while (n >= 128) {
    buf[at++] = (n & 127) | 128;
    n >>>= 7;
  }
  buf[at++] = n;
  return at;
}

function writePage(entries: readonly Change[], bytes: number): Buffer {
  const buf = Buffer.allocUnsafe(bytes);
  buf[0] = PAGE_FORMAT;
  let at = 1;
  for (let i = 0; i < entries.length; i++) {
    const [key, packed] = entries[i]!;
    at = writeVarint(buf, at, Buffer.byteLength(key, 'utf8'));
    at += buf.write(key, at, 'utf8');
    if (packed === undefined) at = writeVarint(buf, at, 0);
    else {
      at = writeVarint(buf, at, packed.length + 1);
      at += buf.write(packed, at, 'latin1');
    }
  }
  return buf;
}

function readPage(buf: Buffer, each: (key: string, packed: string | undefined) => void): void {
  let at = 1;
  const varint = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      if (at >= buf.length) throw new Error('changelog page: truncated');
      const b = buf[at++]!;
      n |= (b & 127) << shift;
      if (b < 128) return n >>> 0;
      shift += 7;
    }
  };
  while (at < buf.length) {
    const k = varint();
    const key = buf.toString('utf8', at, at + k);
    at += k;
    const v = varint();
    if (v === 0) each(key, undefined);
    else {
      if (at + v - 1 > buf.length) throw new Error('changelog page: truncated');
      each(key, buf.toString('latin1', at, at + v - 1));
      at += v - 1;
    }
  }
}
