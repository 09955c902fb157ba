import type { EngineState } from './engine-state.ts';

/**
 * Embedded mode: the state is Maps in this process; nothing to load or commit. Each kind
 * of record has its own Map (wallets apart from the far more numerous transfers), which
 * keeps the hot lookups in small, cache-friendly tables.
 */
export class MemoryEngineState implements EngineState {
  readonly complete = true;
  /** Wallets: keys without a one-letter prefix (`evm:0x…`). */
  private readonly wallets = new Map<string, unknown>();
  /** Other records by their one-letter prefix (`t:`, `w:`, `p:`, ...). */
  private readonly spaces = new Map<string, Map<string, unknown>>();

  private space(key: string): Map<string, unknown> {
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
    return this.space(key).get(key) as T | undefined;
  }

  put(key: string, value: unknown): void {
    this.space(key).set(key, value);
  }

  delete(key: string): void {
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

  /** Forgets every record. */
  protected clearAll(): void {
    this.wallets.clear();
    this.spaces.clear();
  }

  /** Number of keys held (for tests and benchmarks). */
  get size(): number {
    let n = this.wallets.size;
    for (const m of this.spaces.values()) n += m.size;
    return n;
  }
}
