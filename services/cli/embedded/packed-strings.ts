/** Byte that opens a packed run of lowercase hex digits (printable text never holds it). */
const HEX_RUN = 0x01;
/** Hex digits in a row before they are packed two a byte. */
const MIN_RUN = 8;
/** Longest run one mark packs (its length is a byte); a longer run takes several. */
const MAX_RUN = 254;
/** Longest packed key or value (its length is a byte); longer ones stay strings. */
const MAX_PACKED = 255;
/** Bytes of one page of entries. */
const PAGE = 1 << 20;
const EMPTY = 0;
const GONE = -1;
/** A hex digit's value by byte, -1 for any other byte. */
const NIBBLE = new Int8Array(256).fill(-1);
for (let c = 0; c < 16; c++) NIBBLE[c.toString(16).charCodeAt(0)] = c;
/** Any character outside printable ASCII: such a string is not packed. */
const NOT_PRINTABLE = /[^\x20-\x7e]/;
/** Longest string packed: more would pack past MAX_PACKED however many hex digits it holds. */
const MAX_TEXT = 2 * MAX_PACKED + 4;
/** The string's bytes before packing (written natively, then packed in place of a loop over the string). */
const raw = Buffer.allocUnsafe(MAX_TEXT);

/**
 * Writes `s` packed into `out` at `at`: printable ASCII as is, runs of lowercase hex digits
 * (hashes, addresses, hex event ids) two a byte. Returns the end, or -1 when `s` holds
 * another character or packs longer than MAX_PACKED. One string packs one way only, so
 * packed bytes compare as the strings do.
 */
function pack(s: string, out: Uint8Array, at: number): number {
  if (s.length > MAX_TEXT || NOT_PRINTABLE.test(s)) return -1;
  const n = raw.write(s, 0, 'latin1');
  const limit = at + MAX_PACKED;
  for (let i = 0; i < n; ) {
    let run = 0;
    while (run < MAX_RUN && i + run < n && NIBBLE[raw[i + run]!]! >= 0) run++;
    if (run < MIN_RUN) {
      // Bytes before the run, then the run too short to pack.
      const stop = i + Math.max(run, 1);
      if (at + stop - i > limit) return -1;
      while (i < stop) out[at++] = raw[i++]!;
      continue;
    }
    if (at + 2 + ((run + 1) >> 1) > limit) return -1;
    out[at++] = HEX_RUN;
    out[at++] = run;
    const end = i + run;
    for (; i + 1 < end; i += 2) out[at++] = (NIBBLE[raw[i]!]! << 4) | NIBBLE[raw[i + 1]!]!;
    if (i < end) out[at++] = NIBBLE[raw[i++]!]! << 4;
  }
  return at;
}

/** The string packed at `from` to `to`. */
function unpack(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; ) {
    if (bytes[i] !== HEX_RUN) {
      s += String.fromCharCode(bytes[i++]!);
      continue;
    }
    const run = bytes[i + 1]!;
    const end = i + 2 + ((run + 1) >> 1);
    s += Buffer.from(bytes.buffer, bytes.byteOffset + i + 2, end - i - 2)
      .toString('hex')
      .slice(0, run);
    i = end;
  }
  return s;
}

/** FNV-1a over bytes; never 0 (the empty slot). */
function hashOf(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0 || 1;
}

/**
 * A Map of strings to strings kept as packed bytes outside the heap: pages of entries and
 * two typed arrays of open addressing (hash, entry offset). Made for the many
 * small records a long scan piles up and hardly reads again (a plain transfer's key and
 * event id: about 90 bytes here against some 250 of heap as two strings and a Map entry, and
 * nothing for the garbage collector to trace). Strings that do not pack stay in a Map.
 */
export class PackedStringMap {
  private hashes = new Uint32Array(1 << 12);
  private offsets = new Float64Array(1 << 12);
  /** Slots not empty (held and gone). */
  private used = 0;
  private held = 0;
  /** Entries, in pages that are never moved or copied (an entry never spans two). */
  private pages: Buffer[] = [];
  /** Where the next entry goes: page index times PAGE plus the offset in it. */
  private end = 0;
  private readonly loose = new Map<string, string>();
  /** The key packed last, kept packed in `scratch`, so a put after a get packs nothing again. */
  private lastKey: string | undefined;
  private lastEnd = -1;
  private lastHash = 0;
  /** The last key's slot (or -1) and the empty slot its probe ended on; -2: not probed since it or the table changed. */
  private lastSlot = -2;
  private lastFree = 0;
  private readonly scratch = Buffer.allocUnsafe(2 * MAX_PACKED + 1);

  /** Entries held. */
  get size(): number {
    return this.held + this.loose.size;
  }

  get(key: string): string | undefined {
    if (!this.packKey(key)) return this.loose.get(key);
    const slot = this.slotOf();
    if (slot < 0) return this.loose.size > 0 ? this.loose.get(key) : undefined;
    const entry = this.offsets[slot]!;
    const page = this.pages[Math.floor(entry / PAGE)]!;
    const at = (entry % PAGE) + 1 + page[entry % PAGE]!;
    return unpack(page, at + 1, at + 1 + page[at]!);
  }

  set(key: string, value: string): this {
    const packed = this.packKey(key);
    const valueEnd = packed ? pack(value, this.scratch, this.lastEnd) : -1;
    if (valueEnd < 0) {
      if (packed) this.delete(key);
      this.loose.set(key, value);
      return this;
    }
    if (this.loose.size > 0) this.loose.delete(key);
    const entry = this.append(valueEnd);
    const slot = this.slotOf();
    if (slot >= 0) {
      this.offsets[slot] = entry;
      return this;
    }
    if (2 * (this.used + 1) > this.hashes.length) {
      this.rehash();
      this.place(this.lastHash, entry);
    } else {
      // The probe that missed ended on an empty slot: the key goes there.
      this.hashes[this.lastFree] = this.lastHash;
      this.offsets[this.lastFree] = entry;
      this.used++;
    }
    this.lastSlot = -2;
    this.held++;
    return this;
  }

  delete(key: string): boolean {
    if (!this.packKey(key)) return this.loose.delete(key);
    const slot = this.slotOf();
    if (slot < 0) return this.loose.size > 0 && this.loose.delete(key);
    this.offsets[slot] = GONE;
    this.lastSlot = -2;
    this.held--;
    return true;
  }

  /** Forgets everything (and lets the buffers go). */
  clear(): void {
    this.hashes = new Uint32Array(1 << 12);
    this.offsets = new Float64Array(1 << 12);
    this.pages = [];
    this.used = this.held = this.end = 0;
    this.loose.clear();
    this.lastKey = undefined;
    this.lastSlot = -2;
  }

  /** Packs `key` into the scratch bytes (once for the same key twice in a row); false when it does not pack. */
  private packKey(key: string): boolean {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastSlot = -2;
      this.lastEnd = pack(key, this.scratch, 1);
      if (this.lastEnd >= 0) {
        this.scratch[0] = this.lastEnd - 1;
        this.lastHash = hashOf(this.scratch, 1, this.lastEnd);
      }
    }
    return this.lastEnd >= 0;
  }

  /** The slot of the packed key in scratch, or -1. */
  private slotOf(): number {
    if (this.lastSlot !== -2) return this.lastSlot;
    const h = this.lastHash;
    const { hashes, offsets } = this;
    const mask = hashes.length - 1;
    let i = h & mask;
    for (; hashes[i] !== EMPTY; i = (i + 1) & mask) {
      if (hashes[i] !== h || offsets[i] === GONE) continue;
      if (this.holdsKey(offsets[i]!)) {
        this.lastSlot = i;
        return i;
      }
    }
    this.lastFree = i;
    this.lastSlot = -1;
    return -1;
  }

  /** True when the entry at `entry` is of the key packed in scratch. */
  private holdsKey(entry: number): boolean {
    const page = this.pages[Math.floor(entry / PAGE)]!;
    const at = entry % PAGE;
    const { scratch } = this;
    for (let k = 0; k < this.lastEnd; k++) if (page[at + k] !== scratch[k]) return false;
    return true;
  }

  /** Writes the packed key (with its length) and the value packed after it as one entry. */
  private append(valueEnd: number): number {
    const keyEnd = this.lastEnd;
    const size = valueEnd + 1;
    if (this.end % PAGE === 0 || (this.end % PAGE) + size > PAGE) {
      this.end = this.pages.length * PAGE;
      this.pages.push(Buffer.allocUnsafe(PAGE));
    }
    const entry = this.end;
    const page = this.pages[this.pages.length - 1]!;
    const at = entry % PAGE;
    // Byte by byte: a few dozen bytes copy faster than Buffer#copy checks its arguments.
    const { scratch } = this;
    for (let k = 0; k < keyEnd; k++) page[at + k] = scratch[k]!;
    page[at + keyEnd] = valueEnd - keyEnd;
    for (let k = keyEnd; k < valueEnd; k++) page[at + k + 1] = scratch[k]!;
    this.end += size;
    return entry;
  }

  private place(h: number, entry: number): void {
    const mask = this.hashes.length - 1;
    let i = h & mask;
    while (this.hashes[i] !== EMPTY) i = (i + 1) & mask;
    this.hashes[i] = h;
    this.offsets[i] = entry;
    this.used++;
  }

  private rehash(): void {
    this.lastSlot = -2;
    const { hashes, offsets } = this;
    const room = this.held * 4 > hashes.length ? hashes.length * 2 : hashes.length;
    this.hashes = new Uint32Array(room);
    this.offsets = new Float64Array(room);
    this.used = 0;
    for (let i = 0; i < hashes.length; i++)
      if (hashes[i] !== EMPTY && offsets[i] !== GONE) this.place(hashes[i]!, offsets[i]!);
  }
}
