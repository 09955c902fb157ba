import { MemoryEngineState, type MemoryStateOptions, type Space } from './memory-engine-state.ts';
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
  /**
   * The snapshot being taken (`beginSnapshot`): keys whose value at its start is not
   * captured yet, and what was captured. Undefined when none is open.
   */
  private snapshot?: {
    pending: Set<string>;
    /** Keys of `pending` that did not change (live keys of cleaned pages, written again). */
    moved: Set<string>;
    captured: StateChange[];
  };

  constructor(options: ChangelogStateOptions = {}) {
    super({ ...options, restingStore: options.restingStore ?? (() => new MapRestingStore()) });
  }

  // Copy on write: a record of the open snapshot is captured before the engine can change it.

  override get<T>(key: string): T | undefined {
    if (this.snapshot?.pending.has(key)) this.capture(key);
    return super.get<T>(key);
  }

  override put(key: string, value: unknown): void {
    if (this.snapshot?.pending.has(key)) this.capture(key);
    super.put(key, value);
    this.changed.add(key);
  }

  override delete(key: string): void {
    if (this.snapshot?.pending.has(key)) this.capture(key);
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
    // A key deleted after its value was captured: its deletion, still to be written, must
    // know which page holds that value.
    if (!this.restingStoreOf(key).setTag(key, id) && id !== undefined)
      this.deletedFrom.set(key, id);
  }

  keysOn(id: number): string[] {
    const keys: string[] = [];
    for (const store of this.restingStores()) keys.push(...store.keysTagged(id));
    for (const [key, page] of this.deletedFrom) if (page === id) keys.push(key);
    return keys;
  }

  /** Keys changed since the last snapshot began. */
  get changes(): number {
    return this.changed.size;
  }

  /** True while a snapshot is open (begun, not yet ended). */
  get snapshotting(): boolean {
    return this.snapshot !== undefined;
  }

  /**
   * Opens a snapshot of every key changed since the last one, plus `alsoKeys` (the live
   * keys of changelog pages being cleaned, written again): the values they hold now are
   * what `endSnapshot` returns, however the engine changes them meanwhile. Capturing them
   * (encoding each for the changelog) can then spread over the next rounds instead of
   * stalling one: a record is captured before the engine touches it again (copy on write),
   * the rest a slice at a time (`captureSome`).
   */
  beginSnapshot(alsoKeys: Iterable<string> = []): void {
    if (this.snapshot) throw new Error('a snapshot is already open');
    for (const store of this.restingStores()) store.rememberWrites?.();
    const pending = this.changed;
    const moved = new Set<string>();
    for (const key of alsoKeys) {
      if (pending.has(key)) continue;
      pending.add(key);
      moved.add(key);
    }
    this.changed = new Set();
    this.snapshot = { pending, moved, captured: [] };
  }

  /**
   * Captures keys of the open snapshot: at least `minKeys`, then more until `ms` have
   * passed. True when nothing is left to capture.
   */
  captureSome(minKeys: number, ms: number): boolean {
    const pending = this.snapshot?.pending;
    if (!pending) return true;
    const until = performance.now() + ms;
    let n = 0;
    for (const key of pending) {
      this.capture(key);
      // The clock is read every 32 keys: a read costs more than capturing a small record.
      if (++n >= minKeys && (n & 31) === 0 && performance.now() >= until) break;
    }
    return pending.size === 0;
  }

  /**
   * What the open snapshot captured since the last call: each key once, with its value at
   * rest at the snapshot's start, or undefined when it was deleted.
   */
  takeCaptured(): StateChange[] {
    const snapshot = this.snapshot;
    if (!snapshot) return [];
    const captured = snapshot.captured;
    snapshot.captured = [];
    return captured;
  }

  /**
   * Closes the snapshot (all of it captured first) and returns what `takeCaptured` had not.
   * The records used longest ago then leave the objects in use (`settle`).
   */
  endSnapshot(): StateChange[] {
    this.captureSome(Number.POSITIVE_INFINITY, 0);
    const captured = this.takeCaptured();
    this.snapshot = undefined;
    this.settle();
    return captured;
  }

  /** The changes since the last call, each key once with its latest value at rest (a snapshot taken at once). */
  takeChanges(): StateChange[] {
    this.beginSnapshot();
    return this.endSnapshot();
  }

  /** Writes the key's value as it is now (at rest) into the snapshot. */
  private capture(key: string): void {
    const snapshot = this.snapshot!;
    // Packed while still pending: pending is what tells that it changed (`isDirty`).
    const packed = this.packed(key, true);
    snapshot.pending.delete(key);
    snapshot.captured.push([key, packed]);
  }

  // A record changed since it was last written at rest is one changed since the snapshot
  // began, or one the open snapshot has not captured yet: the sets the changelog keeps
  // anyway tell it, so a change costs no third set of keys (`MemoryEngineState.dirty`).

  protected override markDirty(): void {}

  protected override isDirty(_space: Space<TaggedRestingStore>, key: string): boolean {
    if (this.changed.has(key)) return true;
    const snapshot = this.snapshot;
    return snapshot?.pending.has(key) === true && !snapshot.moved.has(key);
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

  /** Drops everything: the state is about to be rebuilt from the changelog (an open snapshot too). */
  clear(): void {
    this.clearAll();
    this.changed = new Set();
    this.snapshot = undefined;
    this.deletedFrom.clear();
  }
}
