import { MemoryEngineState } from './memory-engine-state.ts';
import { encodeRecord } from './record-codec.ts';

/** One state change as it travels to the changelog: the value at rest, or undefined for a delete. */
export type StateChange = readonly [key: string, packed: string | undefined];

/**
 * Streaming mode: the state lives in this process, as in embedded mode, and every change
 * is also written to a compacted changelog topic (the latest value per key), from which a
 * screener that takes over the engine rebuilds it. The engine's hot path stays a Map
 * lookup; durability costs one record per changed key per round, not a remote read.
 *
 * A change travels in its form at rest (`record-codec.ts`): the string written for the
 * changelog is the one the state keeps, and a restore stores what it reads as is.
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

  /**
   * The changes since the last call, each key once with its latest value at rest; the
   * changed records are written at rest, and the oldest in use leave (`settle`).
   */
  takeChanges(): StateChange[] {
    const out: StateChange[] = [];
    for (const key of this.changed) {
      const value = super.get(key);
      if (value === undefined) out.push([key, undefined]);
      else {
        const packed = encodeRecord(value);
        this.rest(key, packed);
        out.push([key, packed]);
      }
    }
    this.changed = new Set();
    this.settle();
    return out;
  }

  /** A live key's value at rest (the changelog writes it again when it cleans a page). */
  packedValue(key: string): string | undefined {
    return this.packed(key);
  }

  /** Applies one changelog record while restoring (not itself a change to write back). */
  restoreValue(key: string, packed: string | undefined): void {
    if (packed === undefined) super.delete(key);
    else this.rest(key, packed);
  }

  /** Drops everything: the state is about to be rebuilt from the changelog. */
  clear(): void {
    this.clearAll();
    this.changed = new Set();
  }
}
