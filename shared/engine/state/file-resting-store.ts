import { closeSync, ftruncateSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TaggedRestingStore } from './resting-store.ts';

/** Index slot states; any other value is a record's offset / ALIGN + 1. */
const EMPTY = 0;
const GONE = 0xffffffff;
/** Record header: total bytes (u32), key hash (u32), key bytes (u16). */
const HEADER = 10;
/** Records start on 8-byte boundaries, so a 32-bit slot addresses 32 GiB of file. */
const ALIGN = 8;
const WRITE_BUFFER = 1 << 20;
/** Bytes read for a record at first: most records fit, a longer one takes a second read. */
const FIRST_READ = 1024;
/** Compaction reads the old file in chunks of this size. */
const COMPACT_CHUNK = 4 << 20;
/** No compaction below this much file: rewriting a small file saves nothing worth a pause. */
const COMPACT_FLOOR = 64 << 20;
const MAX_KEY_BYTES = 0xffff;
/** Slot indexes of keys written lately, kept up to this many (tags are set right after a write). */
const RECENT = 1 << 17;

export interface FileRestingStoreOptions {
  /** Directory of the scratch file (the system's temporary directory by default). */
  readonly dir?: string;
  /** File bytes superseded before a compaction may start (64 MiB by default). */
  readonly compactFloor?: number;
}

let files = 0;

/**
 * Records at rest in a scratch file, with only a hashed index in memory: what Kafka
 * Streams keeps in RocksDB, shaped as a log (Bitcask): every write appends the record
 * (its key, the key's hash and the compact value) and points the key's index slot at it.
 * The index is typed arrays of open addressing (a 32-bit hash, an offset and a tag per
 * slot: 12 bytes of heap per slot whatever the key), so a million wallets at rest cost the heap
 * tens of megabytes instead of a gigabyte of key and value strings: the values live in the
 * file and the operating system's page cache, which the kernel can give back.
 *
 * The hash only finds candidates: the key stored with the record decides, so two keys
 * that share a hash never mix. When superseded records outweigh live ones the file is
 * rewritten with the live ones (read sequentially; a record is live when its key's slot
 * still points at it).
 *
 * The file is no durable copy (the changelog is): it is unlinked as soon as it is opened,
 * so a crash leaves nothing behind, and a restart restores from the changelog.
 */
export class FileRestingStore implements TaggedRestingStore {
  private readonly dir: string;
  private readonly compactFloor: number;
  private fd: number;
  private closed = false;
  private hashes!: Uint32Array;
  private slots!: Uint32Array;
  /** A key's tag + 1 per slot (0: none). */
  private tags!: Uint32Array;
  /**
   * Slot index of each key written since `rememberWrites`: a round's tags are set after its
   * writes, and find their slots without reading the keys back from the file. Cleared when
   * the index is rebuilt. Off until asked for (a restore tags each key right after writing
   * it: the last key written is enough there).
   */
  private recent?: Map<string, number>;
  private lastKey?: string;
  private lastIndex = -1;
  private mask = 0;
  private live = 0;
  /** Slots not EMPTY (live and GONE): probe chains end at an EMPTY one. */
  private used = 0;
  /** Bytes in the file, and (after them) in the write buffer. */
  private flushedBytes = 0;
  private readonly pending = Buffer.allocUnsafe(WRITE_BUFFER);
  private pendingBytes = 0;
  /** Bytes of superseded or deleted records (aligned), reclaimed by compaction. */
  private deadBytes = 0;
  private readBuf = Buffer.allocUnsafe(FIRST_READ);
  /** Set by `locate`: where a missing key would go. */
  private freeAt = 0;
  /** Set by `load`: the record last loaded, its buffer and where it starts in it. */
  private rec: Buffer = this.readBuf;
  private recAt = 0;

  constructor(options: FileRestingStoreOptions = {}) {
    this.dir = options.dir ?? tmpdir();
    this.compactFloor = options.compactFloor ?? COMPACT_FLOOR;
    this.fd = openScratch(this.dir);
    this.reset(1 << 12);
  }

  get size(): number {
    return this.live;
  }

  get fileBytes(): number {
    return this.totalBytes;
  }

  get(key: string): string | undefined {
    const i = this.locate(key, hashKey(key));
    if (i < 0) return undefined;
    // A record read for the changelog has its page noted next (`tagOf`, `setTag`): without
    // its slot remembered, each would probe again, reading the key back from the file.
    this.remember(key, i);
    const bytes = this.rec.readUInt32LE(this.recAt);
    const from = this.recAt + HEADER + this.rec.readUInt16LE(this.recAt + 8);
    return this.rec.toString('latin1', from, this.recAt + bytes);
  }

  has(key: string): boolean {
    return this.locate(key, hashKey(key)) >= 0;
  }

  set(key: string, packed: string): this {
    const h = hashKey(key);
    const i = this.locate(key, h);
    if (i >= 0) this.deadBytes += aligned(this.rec.readUInt32LE(this.recAt));
    const slot = this.append(key, h, packed);
    if (i >= 0) {
      this.slots[i] = slot;
      this.remember(key, i);
    } else {
      const at = this.freeAt;
      if (this.slots[at] === EMPTY) this.used++;
      this.slots[at] = slot;
      this.hashes[at] = h;
      this.tags[at] = 0;
      this.live++;
      this.remember(key, this.used * 10 > this.slots.length * 7 ? this.rehash()[at]! : at);
    }
    if (this.deadBytes > this.compactFloor && this.deadBytes * 2 > this.totalBytes) this.compact();
    return this;
  }

  delete(key: string): boolean {
    const i = this.locate(key, hashKey(key));
    if (i < 0) return false;
    this.deadBytes += aligned(this.rec.readUInt32LE(this.recAt));
    this.slots[i] = GONE;
    this.tags[i] = 0;
    this.recent?.delete(key);
    if (key === this.lastKey) this.lastKey = undefined;
    this.live--;
    return true;
  }

  tagOf(key: string): number | undefined {
    const i = this.indexOf(key);
    return i < 0 || this.tags[i] === 0 ? undefined : this.tags[i]! - 1;
  }

  setTag(key: string, tag: number | undefined): boolean {
    const i = this.indexOf(key);
    if (i < 0) return false;
    this.tags[i] = tag === undefined ? 0 : tag + 1;
    return true;
  }

  keysTagged(tag: number): string[] {
    const keys: string[] = [];
    const { slots, tags } = this;
    for (let i = 0; i < slots.length; i++)
      if (tags[i] === tag + 1 && slots[i] !== EMPTY && slots[i] !== GONE)
        keys.push(this.keyOf(slots[i]!));
    return keys;
  }

  /**
   * From now on, remembers which slots written keys take, forgetting those of earlier
   * writes (the streaming state calls it at the start of a round, once the last round's
   * pages are noted: the map holds key strings).
   */
  rememberWrites(): void {
    this.recent = new Map();
  }

  /** The slot index of a held key, or -1. */
  private indexOf(key: string): number {
    if (key === this.lastKey) return this.lastIndex;
    const known = this.recent?.get(key);
    if (known !== undefined) return known;
    const i = this.locate(key, hashKey(key));
    // A key asked for its tag is given a new one next: that second call must not probe (and
    // read the key back from the file) again.
    if (i >= 0) {
      this.lastKey = key;
      this.lastIndex = i;
    }
    return i;
  }

  private remember(key: string, i: number): void {
    this.lastKey = key;
    this.lastIndex = i;
    if (this.recent === undefined) return;
    if (this.recent.size >= RECENT) this.recent = new Map();
    this.recent.set(key, i);
  }

  clear(): void {
    ftruncateSync(this.fd, 0);
    this.flushedBytes = 0;
    this.pendingBytes = 0;
    this.deadBytes = 0;
    this.reset(1 << 12);
  }

  /** Closes the scratch file (already unlinked: nothing stays on disk). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private get totalBytes(): number {
    return this.flushedBytes + this.pendingBytes;
  }

  private reset(capacity: number): void {
    this.hashes = new Uint32Array(capacity);
    this.slots = new Uint32Array(capacity);
    this.tags = new Uint32Array(capacity);
    this.recent &&= new Map();
    this.lastKey = undefined;
    this.mask = capacity - 1;
    this.live = 0;
    this.used = 0;
  }

  /**
   * The slot holding `key`, or -1 (then `freeAt` is where it would go). On a hit the
   * record is loaded (`rec`, `recAt`).
   */
  private locate(key: string, h: number): number {
    const { slots, hashes, mask } = this;
    let i = h & mask;
    let free = -1;
    for (;;) {
      const s = slots[i]!;
      if (s === EMPTY) {
        this.freeAt = free < 0 ? i : free;
        return -1;
      }
      if (s === GONE) {
        if (free < 0) free = i;
      } else if (hashes[i] === h && this.keyOf(s) === key) return i;
      i = (i + 1) & mask;
    }
  }

  /** Loads the record a slot points at and returns its key. */
  private keyOf(slot: number): string {
    this.load((slot - 1) * ALIGN);
    const at = this.recAt + HEADER;
    return this.rec.toString('utf8', at, at + this.rec.readUInt16LE(this.recAt + 8));
  }

  /** Makes `rec` hold the whole record at `offset`, from the write buffer or the file. */
  private load(offset: number): void {
    if (offset >= this.flushedBytes) {
      this.rec = this.pending;
      this.recAt = offset - this.flushedBytes;
      return;
    }
    let got = readSync(this.fd, this.readBuf, 0, Math.min(FIRST_READ, this.readBuf.length), offset);
    const bytes = this.readBuf.readUInt32LE(0);
    if (bytes > got) {
      if (bytes > this.readBuf.length) this.readBuf = Buffer.allocUnsafe(aligned(bytes) * 2);
      got = readSync(this.fd, this.readBuf, 0, bytes, offset);
      if (got < bytes) throw new Error(`resting store: short read at ${offset}`);
    }
    this.rec = this.readBuf;
    this.recAt = 0;
  }

  /** Appends a record and returns the slot value that points at it. */
  private append(key: string, h: number, packed: string): number {
    const keyBytes = Buffer.byteLength(key, 'utf8');
    if (keyBytes > MAX_KEY_BYTES) throw new RangeError(`resting store: key of ${keyBytes} bytes`);
    const bytes = HEADER + keyBytes + packed.length;
    const room = aligned(bytes);
    if (this.pendingBytes + room > this.pending.length) this.flush();
    const offset = this.totalBytes;
    if (offset / ALIGN + 1 >= GONE) throw new RangeError('resting store: file past 32 GiB');
    const buf = room > this.pending.length ? Buffer.allocUnsafe(room) : this.pending;
    const at = buf === this.pending ? this.pendingBytes : 0;
    buf.writeUInt32LE(bytes, at);
    buf.writeUInt32LE(h, at + 4);
    buf.writeUInt16LE(keyBytes, at + 8);
    buf.write(key, at + HEADER, keyBytes, 'utf8');
    buf.write(packed, at + HEADER + keyBytes, packed.length, 'latin1');
    if (buf === this.pending) this.pendingBytes += room;
    else {
      writeSync(this.fd, buf, 0, room, offset);
      this.flushedBytes += room;
    }
    return offset / ALIGN + 1;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    writeSync(this.fd, this.pending, 0, this.pendingBytes, this.flushedBytes);
    this.flushedBytes += this.pendingBytes;
    this.pendingBytes = 0;
  }

  /**
   * Rebuilds the index without its GONE slots, twice as large when it is half full;
   * returns where each old slot index went.
   */
  private rehash(): Int32Array {
    const { slots, hashes, tags, recent, lastKey, lastIndex } = this;
    const live = this.live;
    this.reset(live * 2 > slots.length ? slots.length * 2 : slots.length);
    // Where each old slot index went: the keys remembered before the rebuild keep their
    // slots (a round's pages are noted after its writes; losing them meant reading each
    // key back from the file, a tenth of the screener's thread while the index grew).
    const moved = new Int32Array(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      if (s !== EMPTY && s !== GONE) moved[i] = this.place(hashes[i]!, s, tags[i]!);
    }
    this.live = live;
    if (recent) for (const [key, i] of recent) this.recent!.set(key, moved[i]!);
    if (lastKey !== undefined) {
      this.lastKey = lastKey;
      this.lastIndex = moved[lastIndex]!;
    }
    return moved;
  }

  /** Puts a slot value in the first empty slot of its hash's chain (while rebuilding); returns that index. */
  private place(h: number, slot: number, tag: number): number {
    let i = h & this.mask;
    while (this.slots[i] !== EMPTY) i = (i + 1) & this.mask;
    this.slots[i] = slot;
    this.hashes[i] = h;
    this.tags[i] = tag;
    this.used++;
    return i;
  }

  /** The slot index pointing at `slot`, found along its hash's chain, or -1 (superseded). */
  private slotPointingAt(h: number, slot: number): number {
    let i = h & this.mask;
    for (;;) {
      const s = this.slots[i]!;
      if (s === slot) return i;
      if (s === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Rewrites the live records into a fresh file, read sequentially from the old one. */
  private compact(): void {
    this.flush();
    const old = this.fd;
    const end = this.flushedBytes;
    this.fd = openScratch(this.dir);
    this.flushedBytes = 0;
    this.deadBytes = 0;
    const chunk = Buffer.allocUnsafe(COMPACT_CHUNK);
    let pos = 0;
    while (pos < end) {
      const got = readSync(old, chunk, 0, Math.min(COMPACT_CHUNK, end - pos), pos);
      let at = 0;
      while (at + HEADER <= got) {
        const room = aligned(chunk.readUInt32LE(at));
        if (at + room > got) break;
        const i = this.slotPointingAt(chunk.readUInt32LE(at + 4), (pos + at) / ALIGN + 1);
        if (i >= 0) this.slots[i] = this.copy(chunk, at, room);
        at += room;
      }
      if (at === 0) {
        // A record larger than the chunk: copied on its own.
        const room = aligned(readUInt32At(old, pos));
        const big = Buffer.allocUnsafe(room);
        readSync(old, big, 0, room, pos);
        const i = this.slotPointingAt(big.readUInt32LE(4), pos / ALIGN + 1);
        if (i >= 0) this.slots[i] = this.copy(big, 0, room);
        at = room;
      }
      pos += at;
    }
    this.flush();
    closeSync(old);
  }

  /** Appends an already encoded record and returns its new slot value. */
  private copy(from: Buffer, at: number, room: number): number {
    if (this.pendingBytes + room > this.pending.length) this.flush();
    const offset = this.totalBytes;
    if (room > this.pending.length) {
      writeSync(this.fd, from, at, room, offset);
      this.flushedBytes += room;
    } else {
      from.copy(this.pending, this.pendingBytes, at, at + room);
      this.pendingBytes += room;
    }
    return offset / ALIGN + 1;
  }
}

function aligned(bytes: number): number {
  return (bytes + ALIGN - 1) & ~(ALIGN - 1);
}

function readUInt32At(fd: number, pos: number): number {
  const b = Buffer.allocUnsafe(4);
  readSync(fd, b, 0, 4, pos);
  return b.readUInt32LE(0);
}

/** Opens a new scratch file and unlinks it at once: it lives as long as the descriptor. */
function openScratch(dir: string): number {
  const path = join(dir, `flowsentry-state-${process.pid}-${files++}-${Date.now().toString(36)}`);
  const fd = openSync(path, 'w+', 0o600);
  unlinkSync(path);
  return fd;
}

/** FNV-1a over the key's UTF-8 bytes, then a murmur3 finish so every bit mixes into the slot. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 128) return hashUtf8(key);
    h = Math.imul(h ^ c, 0x01000193);
  }
  return finish(h);
}

function hashUtf8(key: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(key, 'utf8')) h = Math.imul(h ^ b, 0x01000193);
  return finish(h);
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
