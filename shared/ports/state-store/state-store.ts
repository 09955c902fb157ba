/**
 * The state store port: small durable facts the pipeline keeps between events and
 * restarts (cursors, seen ids, list pointers, engine state). Redis in streaming mode,
 * a Map in embedded mode. Values are strings; callers own their encoding.
 */
export interface StateStore {
  get(key: string): Promise<string | null>;
  /** Sets a value; `ttlMs` expires it. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only when absent; true when this call set it (a claim or a first sighting). */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /**
   * Writes many keys at once (one round trip in Redis); a null value deletes the key.
   * `ttlMs` applies to every key written.
   */
  setMany(entries: readonly (readonly [string, string | null])[], ttlMs?: number): Promise<void>;
  /** Values of many keys, null where absent, in the order asked. */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  /** Adds members to a set; returns how many were new. */
  addToSet(key: string, members: readonly string[]): Promise<number>;
  members(key: string): Promise<string[]>;
  /** Atomically adds to a counter and returns the new value. */
  increment(key: string, by?: number): Promise<number>;
  close(): Promise<void>;
}
