/**
 * Where records at rest wait (compact strings, `record-codec.ts`), by key. A plain
 * `Map<string, string>` is one (embedded mode: everything in the heap); `FileRestingStore`
 * is another (the screener: values and keys in a scratch file, only a hashed index in
 * memory).
 */
export interface RestingStore {
  get(key: string): string | undefined;
  set(key: string, packed: string): unknown;
  has(key: string): boolean;
  delete(key: string): boolean;
  clear(): void;
  readonly size: number;
  /** Releases what the store holds outside the heap (a file); the store is not used again. */
  close?(): void;
  /** Bytes the store holds outside the heap (a file's, superseded records included). */
  readonly fileBytes?: number;
}

/**
 * A store at rest that also keeps a small number per key (a tag): the streaming state
 * notes there which changelog page holds each key's latest value, so that index costs no
 * key strings of its own.
 */
export interface TaggedRestingStore extends RestingStore {
  /** The key's tag, or undefined when it has none (or is not held). */
  tagOf(key: string): number | undefined;
  /** Tags a held key; undefined removes the tag. False when the key is not held (nothing changes). */
  setTag(key: string, tag: number | undefined): boolean;
  /** The held keys with this tag. */
  keysTagged(tag: number): string[];
  /** Remembers where the keys written from now on are, to tag them fast (forgetting earlier ones). */
  rememberWrites?(): void;
}

/** A number per key, and the keys of each number, in the heap. */
export class KeyTags {
  private readonly tags = new Map<string, number>();
  private readonly byTag = new Map<number, Set<string>>();

  get(key: string): number | undefined {
    return this.tags.get(key);
  }

  /** Tags a key; undefined removes its tag. */
  set(key: string, tag: number | undefined): void {
    const old = this.tags.get(key);
    if (old !== undefined) {
      const keys = this.byTag.get(old)!;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(old);
    }
    if (tag === undefined) {
      this.tags.delete(key);
      return;
    }
    this.tags.set(key, tag);
    const keys = this.byTag.get(tag);
    if (keys) keys.add(key);
    else this.byTag.set(tag, new Set([key]));
  }

  keys(tag: number): string[] {
    return [...(this.byTag.get(tag) ?? [])];
  }

  clear(): void {
    this.tags.clear();
    this.byTag.clear();
  }
}

/** A tagged store in the heap: a Map, and its keys' tags. */
export class MapRestingStore extends Map<string, string> implements TaggedRestingStore {
  private readonly tags = new KeyTags();

  tagOf(key: string): number | undefined {
    return this.tags.get(key);
  }

  setTag(key: string, tag: number | undefined): boolean {
    if (!this.has(key)) return false;
    this.tags.set(key, tag);
    return true;
  }

  keysTagged(tag: number): string[] {
    return this.tags.keys(tag);
  }

  override delete(key: string): boolean {
    this.tags.set(key, undefined);
    return super.delete(key);
  }

  override clear(): void {
    this.tags.clear();
    super.clear();
  }
}
