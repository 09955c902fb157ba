import type { StateStore } from './state-store.ts';

interface Slot {
  value: string | Set<string>;
  expiresAt: number;
}

/** In-process state for embedded mode; same semantics as Redis, including expiry. */
export class MemoryStateStore implements StateStore {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): Slot | undefined {
    const slot = this.slots.get(key);
    if (slot && slot.expiresAt <= this.now()) {
      this.slots.delete(key);
      return undefined;
    }
    return slot;
  }

  private expiry(ttlMs?: number): number {
    return ttlMs === undefined ? Number.POSITIVE_INFINITY : this.now() + ttlMs;
  }

  async get(key: string): Promise<string | null> {
    const v = this.live(key)?.value;
    return typeof v === 'string' ? v : null;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.slots.set(key, { value, expiresAt: this.expiry(ttlMs) });
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.slots.delete(key);
  }

  async setMany(
    entries: readonly (readonly [string, string | null])[],
    ttlMs?: number,
  ): Promise<void> {
    for (const [key, value] of entries) {
      if (value === null) this.slots.delete(key);
      else this.slots.set(key, { value, expiresAt: this.expiry(ttlMs) });
    }
  }

  async getMany(keys: readonly string[]): Promise<(string | null)[]> {
    return Promise.all(keys.map((k) => this.get(k)));
  }

  async addToSet(key: string, members: readonly string[]): Promise<number> {
    let slot = this.live(key);
    if (!slot || typeof slot.value === 'string') {
      slot = { value: new Set<string>(), expiresAt: Number.POSITIVE_INFINITY };
      this.slots.set(key, slot);
    }
    const set = slot.value as Set<string>;
    const before = set.size;
    for (const m of members) set.add(m);
    return set.size - before;
  }

  async members(key: string): Promise<string[]> {
    const v = this.live(key)?.value;
    return v instanceof Set ? [...v] : [];
  }

  async increment(key: string, by = 1): Promise<number> {
    // No await before the write: concurrent increments must not read the same value.
    const slot = this.live(key);
    const next = Number(typeof slot?.value === 'string' ? slot.value : '0') + by;
    this.slots.set(key, {
      value: String(next),
      expiresAt: slot?.expiresAt ?? Number.POSITIVE_INFINITY,
    });
    return next;
  }

  async close(): Promise<void> {}
}
