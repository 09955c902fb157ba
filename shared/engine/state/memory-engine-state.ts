import type { EngineState } from './engine-state.ts';
import { decodeRecord, encodeRecord } from './record-codec.ts';
import type { RestingStore } from './resting-store.ts';

export interface MemoryStateOptions<S extends RestingStore = RestingStore> {
  /**
   * Records kept as objects (the ones used last); the others wait as compact strings and
   * are decoded when used again. Unbounded by default (every record stays an object).
   */
  readonly hotRecords?: number;
  /**
   * Where each kind of record waits at rest: a Map in the heap by default; the screener
   * gives a file-backed store (`FileRestingStore`) so that what rests costs no heap.
   */
  readonly restingStore?: () => S;
}

/** The records of one kind: in use as objects, and at rest as strings. */
export class Space<S extends RestingStore> {
  /** Records in use, as objects, in the order they were first used (oldest leave first). */
  hot = new Map<string, unknown>();
  /** Hot records changed since they were last written at rest. */
  readonly dirty = new Set<string>();
  /** Hot records used since the last `settle`: they stay objects (least recently used leave). */
  used = new Set<string>();

  /** Records at rest. */
  constructor(readonly cold: S) {}
}

/**
 * Embedded mode, and the screener's local store: the state is Maps in this process. A
 * record is an object while it is in use and a compact string at rest (`record-codec.ts`,
 * about a tenth of the memory): most wallets of a platform's history are touched once and
 * never again, so what the engine holds grows by bytes per wallet, not kilobytes.
 *
 * `settle()` between batches turns the records used longest ago back into strings once more
 * than `hotRecords` are objects. Never during a batch: the engine holds the objects it got
 * until the batch ends. Each kind of record has its own Maps (wallets apart from the far
 * more numerous transfers and retained events), which keeps the hot lookups in small,
 * cache-friendly tables.
 */
export class MemoryEngineState<S extends RestingStore = RestingStore> implements EngineState {
  readonly complete = true;
  /** Wallets: keys without a one-letter prefix (`evm:0x…`). */
  private wallets: Space<S>;
  /** Other records by the code of their one-letter prefix (`t:`, `w:`, `p:`, ...). */
  private spaces: (Space<S> | undefined)[] = [];
  private readonly hotRecords: number;
  /** False when every record stays an object: nothing is ever written at rest by `settle`. */
  private readonly bounded: boolean;
  private readonly restingStore: () => S;

  constructor(options: MemoryStateOptions<S> = {}) {
    this.hotRecords = options.hotRecords ?? Number.POSITIVE_INFINITY;
    this.bounded = Number.isFinite(this.hotRecords);
    // A Map is a store at rest (the default, when S is RestingStore itself).
    this.restingStore =
      options.restingStore ?? (() => new Map<string, string>() as RestingStore as S);
    this.wallets = new Space(this.restingStore());
  }

  private space(key: string): Space<S> {
    if (key.charCodeAt(1) !== 58) return this.wallets;
    const letter = key.charCodeAt(0);
    return this.spaces[letter] ?? this.newSpace(letter);
  }

  private newSpace(letter: number): Space<S> {
    const space = new Space(this.restingStore());
    this.spaces[letter] = space;
    return space;
  }

  get<T>(key: string): T | undefined {
    const space = this.space(key);
    const value = space.hot.get(key);
    if (value !== undefined) {
      if (this.bounded) space.used.add(key);
      return value as T;
    }
    const packed = space.cold.get(key);
    if (packed === undefined) return undefined;
    const decoded = decodeRecord<T>(packed);
    space.hot.set(key, decoded);
    return decoded;
  }

  put(key: string, value: unknown): void {
    const space = this.space(key);
    space.hot.set(key, value);
    this.markDirty(space, key);
  }

  /** Notes that a record in use changed since it was last written at rest. */
  protected markDirty(space: Space<S>, key: string): void {
    if (this.bounded) space.dirty.add(key);
  }

  /** True when the record in use changed since it was last written at rest. */
  protected isDirty(space: Space<S>, key: string): boolean {
    return space.dirty.has(key);
  }

  delete(key: string): void {
    const space = this.space(key);
    space.hot.delete(key);
    space.dirty.delete(key);
    space.cold.delete(key);
  }

  beginBatch(): void {}

  missing(): string[] {
    return [];
  }

  async load(): Promise<void> {}

  async commit(): Promise<void> {}

  /** Memory has no durable copy to return to; a retried batch relies on idempotent updates. */
  rollback(): void {}

  private *allSpaces(): Generator<Space<S>> {
    yield this.wallets;
    for (const space of this.spaces) if (space) yield space;
  }

  /**
   * Between batches: when more than `hotRecords` records are objects, the ones used longest
   * ago go back to rest (written again if they changed) until a quarter of the room is free,
   * each kind giving up its share. A record used since the last settle gets a second chance
   * at the back of the line (the clock approximation of least recently used, without
   * reordering on every read): a wallet paid every pay run stays an object while the
   * payouts around it come and go.
   */
  settle(): void {
    let hot = 0;
    let used = 0;
    for (const space of this.allSpaces()) {
      hot += space.hot.size;
      used += space.used.size;
    }
    if (hot <= this.hotRecords) {
      // Marks pile up while nothing leaves: past the budget they no longer tell anything.
      if (used > this.hotRecords) for (const space of this.allSpaces()) space.used = new Set();
      return;
    }
    const excess = hot - Math.floor(this.hotRecords * 0.75);
    for (const space of this.allSpaces()) {
      this.evict(space, Math.ceil((excess * space.hot.size) / hot));
      space.used = new Set();
    }
  }

  /**
   * Sends up to `count` of the space's records used longest ago to rest; a record used
   * since the last settle moves to the back of the line instead.
   */
  private evict(space: Space<S>, count: number): void {
    // A quarter of the space leaves at least, often most of it (a round's new payouts and
    // retained events): copying those that stay into a new Map costs far less than deleting
    // the others from the old one, which V8 shrinks and rehashes again and again under the
    // iteration.
    // `forEach`: iterating the entries with `for...of` allocated an array per record.
    const stay = new Map<string, unknown>();
    const againKeys: string[] = [];
    const againValues: unknown[] = [];
    space.hot.forEach((value, key) => {
      if (count <= 0) stay.set(key, value);
      else if (space.used.has(key)) {
        againKeys.push(key);
        againValues.push(value);
      } else {
        this.leave(space, key, value);
        count--;
      }
    });
    for (let i = 0; i < againKeys.length; i++) stay.set(againKeys[i]!, againValues[i]);
    space.hot = stay;
  }

  /** A record leaving the objects in use: written at rest first if it changed in use. */
  private leave(space: Space<S>, key: string, value: unknown): void {
    if (this.isDirty(space, key)) this.restIn(space, key, encodeRecord(value));
  }

  private restIn(space: Space<S>, key: string, packed: string): void {
    space.cold.set(key, packed);
    space.dirty.delete(key);
  }

  /** Writes a record's current value at rest (the object, if in use, stays in use). */
  protected rest(key: string, packed: string): void {
    this.restIn(this.space(key), key, packed);
  }

  /**
   * The record's value at rest, written anew first if it changed in use. With `keepInUse`,
   * a record in use also counts as used lately: one just written for the changelog stays an
   * object through the next `settle` (it is likely to change again). One lookup serves both.
   */
  protected packed(key: string, keepInUse = false): string | undefined {
    const space = this.space(key);
    const inUse = space.hot.get(key);
    if (inUse !== undefined) {
      if (keepInUse && this.bounded) space.used.add(key);
      if (!this.bounded || this.isDirty(space, key)) {
        const packed = encodeRecord(inUse);
        this.restIn(space, key, packed);
        return packed;
      }
    }
    return space.cold.get(key);
  }

  /** The store at rest of the key's kind. */
  protected restingStoreOf(key: string): S {
    return this.space(key).cold;
  }

  /** Every store at rest (one per kind of record). */
  protected *restingStores(): Generator<S> {
    for (const space of this.allSpaces()) yield space.cold;
  }

  /** Forgets every record. */
  protected clearAll(): void {
    this.close();
    this.spaces = [];
    this.wallets = new Space(this.restingStore());
  }

  /** Releases what the stores at rest hold outside the heap (a file-backed store's file). */
  close(): void {
    for (const space of this.allSpaces()) {
      space.hot.clear();
      space.dirty.clear();
      space.used = new Set();
      if (space.cold.close) space.cold.close();
      else space.cold.clear();
    }
  }

  /** Records in use as objects, records at rest, and the bytes of the files they rest in. */
  get holding(): { inUse: number; atRest: number; fileBytes: number } {
    let inUse = 0;
    let atRest = 0;
    let fileBytes = 0;
    for (const space of this.allSpaces()) {
      inUse += space.hot.size;
      atRest += space.cold.size;
      fileBytes += space.cold.fileBytes ?? 0;
    }
    return { inUse, atRest, fileBytes };
  }

  /** Number of keys held (for tests and benchmarks). */
  get size(): number {
    let n = 0;
    for (const space of this.allSpaces()) {
      n += space.cold.size;
      for (const key of space.hot.keys()) if (!space.cold.has(key)) n++;
    }
    return n;
  }
}
