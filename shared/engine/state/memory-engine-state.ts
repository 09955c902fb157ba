import type { EngineState } from './engine-state.ts';
import { decodeRecord, encodeRecord } from './record-codec.ts';

export interface MemoryStateOptions {
  /**
   * Records kept as objects (the ones used last); the others wait as compact strings and
   * are decoded when used again. Unbounded by default (every record stays an object).
   */
  readonly hotRecords?: number;
}

/**
 * Embedded mode, and the screener's local store: the state is Maps in this process. A
 * record is an object while it is in use and a compact string at rest (`record-codec.ts`,
 * about a tenth of the memory): most wallets of a platform's history are touched once and
 * never again, so what the engine holds grows by bytes per wallet, not kilobytes.
 *
 * `settle()` between batches turns the records used longest ago back into strings once more
 * than `hotRecords` are objects. Never during a batch: the engine holds the objects it got
 * until the batch ends. Records at rest live in one Map per kind (wallets apart from the far
 * more numerous transfers), which keeps lookups in small, cache-friendly tables.
 */
export class MemoryEngineState implements EngineState {
  readonly complete = true;
  /** Records at rest: wallets (keys without a one-letter prefix, `evm:0x…`). */
  private readonly wallets = new Map<string, string>();
  /** Other records at rest by their one-letter prefix (`t:`, `w:`, `p:`, ...). */
  private readonly spaces = new Map<string, Map<string, string>>();
  /** Records in use, as objects, in the order they were first used (oldest leave first). */
  private readonly hot = new Map<string, unknown>();
  /** Hot records changed since they were last written at rest. */
  private readonly dirty = new Set<string>();
  /** Hot records used since the last `settle`: they stay objects (least recently used leave). */
  private used = new Set<string>();
  private readonly hotRecords: number;
  /** False when every record stays an object: nothing is ever written at rest by `settle`. */
  private readonly bounded: boolean;

  constructor(options: MemoryStateOptions = {}) {
    this.hotRecords = options.hotRecords ?? Number.POSITIVE_INFINITY;
    this.bounded = Number.isFinite(this.hotRecords);
  }

  private space(key: string): Map<string, string> {
    if (key.charCodeAt(1) !== 58) return this.wallets;
    const letter = key[0]!;
    let map = this.spaces.get(letter);
    if (!map) {
      map = new Map();
      this.spaces.set(letter, map);
    }
    return map;
  }

  get<T>(key: string): T | undefined {
    const value = this.hot.get(key);
    if (value !== undefined) {
      if (this.bounded) this.used.add(key);
      return value as T;
    }
    const packed = this.space(key).get(key);
    if (packed === undefined) return undefined;
    const decoded = decodeRecord<T>(packed);
    this.hot.set(key, decoded);
    return decoded;
  }

  put(key: string, value: unknown): void {
    this.hot.set(key, value);
    if (this.bounded) this.dirty.add(key);
  }

  delete(key: string): void {
    this.hot.delete(key);
    this.dirty.delete(key);
    this.space(key).delete(key);
  }

  beginBatch(): void {}

  missing(): string[] {
    return [];
  }

  async load(): Promise<void> {}

  async commit(): Promise<void> {}

  /** Memory has no durable copy to return to; a retried batch relies on idempotent updates. */
  rollback(): void {}

  /**
   * Between batches: when more than `hotRecords` records are objects, the ones used longest
   * ago go back to rest (written again if they changed) until a quarter of the room is free.
   * A record used since the last settle gets a second chance at the back of the line (the
   * clock approximation of least recently used, without reordering on every read): a
   * wallet paid every pay run stays an object while the payouts around it come and go.
   */
  settle(): void {
    if (this.hot.size <= this.hotRecords) {
      if (this.used.size > this.hotRecords) this.used = new Set();
      return;
    }
    const keep = Math.floor(this.hotRecords * 0.75);
    let visits = this.hot.size;
    for (const [key, value] of this.hot) {
      if (this.hot.size <= keep || visits-- === 0) break;
      this.hot.delete(key);
      if (this.used.has(key)) this.hot.set(key, value);
      else if (this.dirty.has(key)) this.rest(key, encodeRecord(value));
    }
    this.used = new Set();
  }

  /** Writes a record's current value at rest (the object, if in use, stays in use). */
  protected rest(key: string, packed: string): void {
    this.space(key).set(key, packed);
    this.dirty.delete(key);
  }

  /** The record's value at rest, written anew first if it changed in use. */
  protected packed(key: string): string | undefined {
    const inUse = this.hot.get(key);
    if (inUse !== undefined && (!this.bounded || this.dirty.has(key)))
      this.rest(key, encodeRecord(inUse));
    return this.space(key).get(key);
  }

  /** Forgets every record. */
  protected clearAll(): void {
    this.wallets.clear();
    this.spaces.clear();
    this.hot.clear();
    this.dirty.clear();
    this.used = new Set();
  }

  /** Number of keys held (for tests and benchmarks). */
  get size(): number {
    let n = this.wallets.size;
    for (const m of this.spaces.values()) n += m.size;
    for (const key of this.hot.keys()) if (!this.space(key).has(key)) n++;
    return n;
  }
}
