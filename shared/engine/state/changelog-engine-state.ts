import { MemoryEngineState, type MemoryStateOptions } from './memory-engine-state.ts';
import { encodeRecord } from './record-codec.ts';
import { MapRestingStore, type TaggedRestingStore } from './resting-store.ts';

/** The streaming state's stores at rest keep a tag per key: the changelog page of its value. */
export type ChangelogStateOptions = MemoryStateOptions<TaggedRestingStore>;

/**
 * Which changelog page holds each key's latest entry (`ChangelogPages` reads and writes it).
 * The streaming state implements it with the tags of its records at rest, so the index
 * costs no key strings of its own.
 */
export interface PageIndex {
  /** The page holding the key's latest entry (a value, or a deletion not yet written). */
  pageOf(key: string): number | undefined;
  /** Page `id` holds the key's latest value; undefined: no page does any longer. */
  setPage(key: string, id: number | undefined): void;
  /** The keys whose latest entry page `id` holds. */
  keysOn(id: number): string[];
}

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
export class ChangelogEngineState
  extends MemoryEngineState<TaggedRestingStore>
  implements PageIndex
{
  private changed = new Set<string>();
  /** Pages of keys deleted since their deletion was last written (their tag left with them). */
  private readonly deletedFrom = new Map<string, number>();

  constructor(options: ChangelogStateOptions = {}) {
    super({ ...options, restingStore: options.restingStore ?? (() => new MapRestingStore()) });
  }

  override put(key: string, value: unknown): void {
    super.put(key, value);
    this.changed.add(key);
  }

  override delete(key: string): void {
    const page = this.pageOf(key);
    if (page !== undefined) this.deletedFrom.set(key, page);
    super.delete(key);
    this.changed.add(key);
  }

  // The changelog's page index (`PageIndex`), kept as the tags of the records at rest.

  pageOf(key: string): number | undefined {
    return this.restingStoreOf(key).tagOf(key) ?? this.deletedFrom.get(key);
  }

  setPage(key: string, id: number | undefined): void {
    this.deletedFrom.delete(key);
    this.restingStoreOf(key).setTag(key, id);
  }

  keysOn(id: number): string[] {
    const keys: string[] = [];
    for (const store of this.restingStores()) keys.push(...store.keysTagged(id));
    for (const [key, page] of this.deletedFrom) if (page === id) keys.push(key);
    return keys;
  }

  /**
   * The changes since the last call, each key once with its latest value at rest; the
   * changed records are written at rest, and the oldest in use leave (`settle`).
   */
  takeChanges(): StateChange[] {
    for (const store of this.restingStores()) store.rememberWrites?.();
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
    this.deletedFrom.clear();
  }
}
