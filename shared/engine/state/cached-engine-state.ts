import { FlowsentryError } from '../../errors.ts';
import type { StateStore } from '../../ports/state-store/index.ts';
import type { EngineState } from './engine-state.ts';

/** A read of a key no `load` brought in: the batch's key plan missed it (a bug, not bad input). */
export class StateNotLoadedError extends FlowsentryError {
  constructor(key: string) {
    super('STATE_NOT_LOADED', `engine state key ${key} was read before it was loaded`);
  }
}

export interface CachedStateOptions {
  /** Prefix of every key in the store. */
  readonly prefix?: string;
  /**
   * How long a loaded value is trusted before a batch reads it again. Several screeners
   * share one store; a short age lets one see what another wrote.
   */
  readonly maxAgeMs?: number;
  /** Values kept in process; the oldest clean ones go first. */
  readonly maxEntries?: number;
  /**
   * Lifetime of a transfer record in the store (one per transfer, needed only to undo or
   * recognize a recent transfer). Default 180 days, the default lookback retention.
   */
  readonly transferTtlMs?: number;
  readonly now?: () => number;
}

interface Slot {
  value: unknown;
  loadedAt: number;
}

/**
 * Streaming mode: the state lives in a StateStore (Redis) as JSON, with an in-process
 * cache the synchronous hot path reads. `load` fills the cache before a batch in one
 * round trip per step of the key plan; `commit` writes what the batch changed.
 */
export class CachedEngineState implements EngineState {
  private readonly cache = new Map<string, Slot>();
  private readonly dirty = new Set<string>();
  readonly complete = false;
  private readonly prefix: string;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly transferTtlMs: number;
  private readonly now: () => number;
  private batchStart = 0;

  constructor(
    private readonly store: StateStore,
    options: CachedStateOptions = {},
  ) {
    this.prefix = options.prefix ?? 'engine:';
    this.maxAgeMs = options.maxAgeMs ?? 1_000;
    this.maxEntries = options.maxEntries ?? 200_000;
    this.transferTtlMs = options.transferTtlMs ?? 180 * 86_400_000;
    this.now = options.now ?? Date.now;
  }

  get<T>(key: string): T | undefined {
    const slot = this.cache.get(key);
    if (!slot) throw new StateNotLoadedError(key);
    return slot.value as T | undefined;
  }

  put(key: string, value: unknown): void {
    this.cache.set(key, { value, loadedAt: this.now() });
    this.dirty.add(key);
  }

  delete(key: string): void {
    this.put(key, undefined);
  }

  beginBatch(): void {
    this.batchStart = this.now();
  }

  missing(keys: Iterable<string>): string[] {
    const out = new Set<string>();
    // Loaded during this batch's planning, or recently enough before it: fresh.
    const stale = this.batchStart - this.maxAgeMs;
    for (const key of keys) {
      const slot = this.cache.get(key);
      if (!slot || (!this.dirty.has(key) && slot.loadedAt < stale)) out.add(key);
    }
    return [...out];
  }

  async load(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const values = await this.store.getMany(keys.map((k) => this.prefix + k));
    const at = this.now();
    keys.forEach((key, i) => {
      if (this.dirty.has(key)) return;
      const text = values[i];
      this.cache.delete(key);
      this.cache.set(key, { value: text == null ? undefined : JSON.parse(text), loadedAt: at });
    });
  }

  async commit(): Promise<void> {
    // Two bulk writes per batch (transfers expire, the rest do not): one round trip each,
    // and MSET costs Redis one command instead of one per key.
    const lasting: [string, string | null][] = [];
    const expiring: [string, string | null][] = [];
    for (const key of this.dirty) {
      const value = this.cache.get(key)?.value;
      const entry: [string, string | null] = [
        this.prefix + key,
        value === undefined ? null : JSON.stringify(value),
      ];
      (key.startsWith('t:') ? expiring : lasting).push(entry);
    }
    await Promise.all([
      this.store.setMany(lasting),
      this.store.setMany(expiring, this.transferTtlMs),
    ]);
    this.dirty.clear();
    this.evict();
  }

  rollback(): void {
    for (const key of this.dirty) this.cache.delete(key);
    this.dirty.clear();
  }

  private evict(): void {
    let over = this.cache.size - this.maxEntries;
    for (const key of this.cache.keys()) {
      if (over-- <= 0) break;
      this.cache.delete(key);
    }
  }

  /** Values held in process (for tests). */
  get cached(): number {
    return this.cache.size;
  }
}
