import { MemoryEngineState } from './memory-engine-state.ts';

/** One state change as it travels to the changelog: a value, or undefined for a delete. */
export type StateChange = readonly [key: string, value: unknown];

/**
 * Streaming mode: the state lives in this process, as in embedded mode, and every change
 * is also written to a compacted changelog topic (the latest value per key), from which a
 * screener that takes over the engine rebuilds it. The engine's hot path stays a Map
 * lookup; durability costs one record per changed key per round, not a remote read.
 */
export class ChangelogEngineState extends MemoryEngineState {
  private changed = new Set<string>();

  override put(key: string, value: unknown): void {
    super.put(key, value);
    this.changed.add(key);
  }

  override delete(key: string): void {
    super.delete(key);
    this.changed.add(key);
  }

  /** The changes since the last call, each key once with its latest value. */
  takeChanges(): StateChange[] {
    const out: StateChange[] = [];
    for (const key of this.changed) out.push([key, super.get(key)]);
    this.changed = new Set();
    return out;
  }

  /** Applies one changelog record while restoring (not itself a change to write back). */
  restoreValue(key: string, value: unknown): void {
    if (value === undefined) super.delete(key);
    else super.put(key, value);
  }

  /** Drops everything: the state is about to be rebuilt from the changelog. */
  clear(): void {
    this.clearAll();
    this.changed = new Set();
  }
}
