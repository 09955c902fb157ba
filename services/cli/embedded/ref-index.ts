/** Hash slot states: an empty slot ends a probe chain; a removed one does not. */
const EMPTY = 0;
const REMOVED = -1;

/** FNV-1a over the string's UTF-16 code units; never 0 (the empty slot). */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

/**
 * Refs (non-negative numbers) by id string in two typed arrays of open addressing: a 32-bit
 * hash of the id and the ref per slot, no key strings and no Map entries. The ids themselves
 * are not kept: the caller tells, from a ref, whether it is the one of an id (`match`), so a
 * shared hash never mixes two ids.
 */
export class RefIndex {
  private hashes = new Uint32Array(1 << 12);
  private refs = new Float64Array(1 << 12);
  /** Slots not empty (held and removed). */
  private used = 0;

  /** The first `match` result among the refs noted under `id`'s hash, in the order noted. */
  find<T>(id: string, match: (ref: number) => T | undefined): T | undefined {
    const h = hashOf(id);
    const mask = this.hashes.length - 1;
    for (let i = h & mask; this.hashes[i] !== EMPTY; i = (i + 1) & mask) {
      const ref = this.refs[i]!;
      if (this.hashes[i] !== h || ref === REMOVED) continue;
      const found = match(ref);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Notes `ref` under `id` unless a ref of the same id (by `match`) is noted already. */
  add(id: string, ref: number, match: (ref: number) => unknown): void {
    if (this.slotOf(id, match) >= 0) return;
    if (2 * (this.used + 1) > this.hashes.length) this.grow();
    this.place(hashOf(id), ref);
  }

  /** Forgets the ref noted under `id`; false when there is none. */
  remove(id: string, match: (ref: number) => unknown): boolean {
    const at = this.slotOf(id, match);
    if (at < 0) return false;
    this.refs[at] = REMOVED;
    return true;
  }

  /** The slot of `id`'s ref, or -1. */
  private slotOf(id: string, match: (ref: number) => unknown): number {
    const h = hashOf(id);
    const mask = this.hashes.length - 1;
    for (let i = h & mask; this.hashes[i] !== EMPTY; i = (i + 1) & mask) {
      const ref = this.refs[i]!;
      if (this.hashes[i] === h && ref !== REMOVED && match(ref) !== undefined) return i;
    }
    return -1;
  }

  private place(h: number, ref: number): void {
    const mask = this.hashes.length - 1;
    let i = h & mask;
    while (this.hashes[i] !== EMPTY) i = (i + 1) & mask;
    this.hashes[i] = h;
    this.refs[i] = ref;
    this.used++;
  }

  private grow(): void {
    const { hashes, refs } = this;
    this.hashes = new Uint32Array(hashes.length * 2);
    this.refs = new Float64Array(hashes.length * 2);
    this.used = 0;
    for (let i = 0; i < hashes.length; i++)
      if (hashes[i] !== EMPTY && refs[i] !== REMOVED) this.place(hashes[i]!, refs[i]!);
  }
}
