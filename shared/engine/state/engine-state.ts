/**
 * The engine's working state (graph, profiles, indexes) behind one small interface. Reads
 * and writes are synchronous so the hot path never awaits; an implementation backed by a
 * remote store loads what a batch needs before it (`load`) and writes changes after
 * (`commit`).
 */
export interface EngineState {
  /** True when every value is always in process (memory): nothing to plan or load. */
  readonly complete: boolean;
  /** The value under `key`, or undefined when there is none. */
  get<T>(key: string): T | undefined;
  /** Stores a value. Callers mutate the object they got and put it again to mark it changed. */
  put(key: string, value: unknown): void;
  delete(key: string): void;
  /** Marks the start of a batch's loading: values loaded before it may be read again. */
  beginBatch(): void;
  /** Those of `keys` whose value is not in process yet, or is stale (always none in memory). */
  missing(keys: Iterable<string>): string[];
  /** Brings values into process before a batch. */
  load(keys: readonly string[]): Promise<void>;
  /** Makes the changes since the last commit durable. */
  commit(): Promise<void>;
  /** Forgets uncommitted changes, so a retried batch starts from what is durable. */
  rollback(): void;
}
