// A state record at rest: any JSON-like value written as one short string of one-byte
// characters, about a quarter of its JSON and a tenth of its objects in memory. The state
// keeps records it has not touched lately in this form and the changelog carries them as
// is, so a restore stores strings instead of building objects.
//
// What makes it short: property names from a fixed table (a byte each); ISO times as six
// bytes of epoch ms; hex (hashes, addresses, event ids) as bytes, with a bit per digit for
// checksummed letters; a string repeated within the record as a back reference to its first
// appearance; integers as variable-length bytes. The tables are fixed in code, never learned
// at run time, and only ever grow at their end: a value written by one version reads the
// same in every later one.

import { isoMs } from './event-codec.ts';

/** Value tags: the first byte of every value. Never renumbered. */
const T = {
  null: 0,
  false: 1,
  true: 2,
  uint: 3,
  negint: 4,
  float: 5,
  latin1: 6,
  utf8: 7,
  time: 8,
  hex: 9,
  mixedHex: 10,
  ref: 11,
  word: 12,
  array: 13,
  object: 14,
  /** A list of strings as one run of characters and their lengths (latin1, or UTF-8). */
  latin1List: 15,
  utf8List: 16,
} as const;

/** Property names of the state records and the envelopes they keep, a byte each (append only). */
const KEYS = [
  'key',
  'chain',
  'address',
  'firstSeen',
  'balances',
  'origins',
  'paid',
  'claimedBy',
  'open',
  'feeders',
  'tags',
  'activity',
  'workerId',
  'payoutIds',
  'wallet',
  'walletKey',
  'cls',
  'held',
  'inbound',
  'hops',
  'eventId',
  'at',
  'lastPayout',
  'lastPaidAt',
  'sinceLast',
  'from',
  'to',
  'txHash',
  'amount',
  'share',
  'payoutId',
  'atMs',
  'forwarded',
  'fedTo',
  'category',
  'id',
  'name',
  'envelope',
  'wallets',
  'paidWallets',
  'attrs',
  'names',
  'addedAt',
  'reportId',
  'value',
  'workers',
  'reports',
  'carried',
  'credited',
  'collector',
  'retracted',
  'requestedEventId',
  'executedEventId',
  'watermark',
  'type',
  'schemaVersion',
  'occurredAt',
  'source',
  'data',
  'legalName',
  'aliases',
  'dateOfBirth',
  'nationality',
  'residenceCountry',
  'emails',
  'phones',
  'messengers',
  'employer',
  'devices',
  'residentialAddress',
  'bankAccountHashes',
  'payoutWallets',
  'fingerprint',
  'ip',
  'ipCountry',
  'vpn',
  'remoteAccessTool',
  'asset',
  'toAddress',
  'employerId',
  'fromAddress',
  'logIndex',
  'blockNumber',
  'blockHash',
  'timestamp',
  'symbol',
  'contract',
  'decimals',
  'addresses',
  'contacts',
  'amountDemanded',
  'notes',
  'kind',
  'count',
  'reason',
  // Written only by 35c006e (a wallet's log as one string, withdrawn); kept so that its
  // code never means another name.
  'logged',
] as const;
function allStrings(list: readonly unknown[]): list is string[] {
  for (const x of list) if (typeof x !== 'string') return false;
  return true;
}

const KEY_CODE = new Map<string, number>(KEYS.map((k, i) => [k, i]));
/** A property name outside the table follows as text. */
const LITERAL_KEY = 0xff;

/** Common string values, a byte each after `T.word` (append only). */
const WORDS = [
  'USD',
  'ethereum',
  'polygon',
  'arbitrum',
  'optimism',
  'base',
  'bsc',
  'avalanche',
  'tron',
  'bitcoin',
  'litecoin',
  'solana',
  'USDC',
  'USDT',
  'ETH',
  'BTC',
  'TRX',
  'DAI',
  'collector',
  'extortion',
  'consolidation',
  'evm:0x',
  '0x',
  'tron:',
  'btc:',
  'payout.executed:',
  'payout.requested:',
  'transfer.observed:',
  'transfer.retracted:',
  'worker.upserted:',
  'extortion.reported:',
  'native',
  'payout.executed',
  'payout.requested',
  'transfer.observed',
  'transfer.retracted',
  'worker.upserted',
  'extortion.reported',
] as const;
const WORD_CODE = new Map<string, number>(WORDS.map((w, i) => [w, i]));
/** No word is longer: a longer string is not looked up (hashing it would cost more). */
const WORD_MAX = Math.max(...WORDS.map((w) => w.length));

/** Strings at least this long are remembered for back references. */
const REF_MIN = 4;
/** Lists of at least this many strings, and nothing else, are written as one run (`stringList`). */
const LIST_MIN = 16;
/** Strings at least this long are written as they are (latin1 when ASCII, else UTF-8). */
const LONG_MIN = 256;
/** A record that is a string this long is written as it is (`plain`). */
const PACKED_MIN = 64;
/** Hex runs shorter than this stay text (a byte or two would not pay for the tags). */
const HEX_MIN = 16;

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Times read back lately by epoch ms: records repeat the times of the events they keep. */
const isoCache = new Map<number, string>();

function isoOf(ms: number): string {
  let s = isoCache.get(ms);
  if (s === undefined) {
    if (isoCache.size >= 50_000) isoCache.clear();
    s = new Date(ms).toISOString();
    isoCache.set(ms, s);
  }
  return s;
}

class Encoder {
  private buf = Buffer.allocUnsafe(1 << 16);
  private at = 0;
  private readonly seen = new Map<string, number>();
  /** Strings the decoder will number for back references so far (`seen` plus long ones). */
  private refs = 0;

  encode(value: unknown): string {
    this.at = 0;
    this.seen.clear();
    this.refs = 0;
    if (typeof value === 'string' && value.length >= PACKED_MIN) this.plain(value);
    else this.value(value);
    return this.buf.toString('latin1', 0, this.at);
  }

  /**
   * A record that is one long string (a retained event, packed by `event-codec.ts`: bytes
   * of hex, times and text, one per payout or transfer): copied as it is. Looking it up as a
   * word or a back reference and scanning it for a hex tail cannot pay, nothing repeats in
   * it; a loop finds whether every character fits a byte.
   */
  private plain(s: string): void {
    if (isWide(s, s.length)) {
      this.byte(T.utf8);
      this.text(s);
      return;
    }
    this.byte(T.latin1);
    this.varint(s.length);
    this.room(s.length);
    this.at += this.buf.write(s, this.at, 'latin1');
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  private byte(b: number): void {
    this.room(1);
    this.buf[this.at++] = b;
  }

  private varint(n: number): void {
    this.room(8);
    while (n >= 128) {
      this.buf[this.at++] = (n % 128) | 128;
      n = Math.floor(n / 128);
    }
    this.buf[this.at++] = n;
  }

  private value(v: unknown): void {
    if (v === null || v === undefined) this.byte(T.null);
    else if (typeof v === 'string') this.string(v);
    else if (typeof v === 'number') this.number(v);
    else if (typeof v === 'boolean') this.byte(v ? T.true : T.false);
    else if (Array.isArray(v)) this.array(v);
    else if (typeof v === 'object') this.object(v as Record<string, unknown>);
    else throw new TypeError(`a state record cannot hold a ${typeof v}`);
  }

  private array(list: readonly unknown[]): void {
    if (list.length >= LIST_MIN && allStrings(list)) {
      this.stringList(list);
      return;
    }
    this.byte(T.array);
    this.varint(list.length);
    // Indexed: `for...of` allocated an iterator result per item here (lists that are
    // sometimes the frozen shared empty one stay unoptimized).
    for (let i = 0; i < list.length; i++) this.value(list[i]);
  }

  /**
   * A long list of strings (a wallet's activity log: 400 of them at the default 200 events)
   * as their lengths, then all their characters in one native write: writing each through
   * `string` (looked up as a word, a back reference and a hex run, then measured) cost about
   * a microsecond apiece, and the list is written again every round the wallet changes. Its
   * strings are no back references, on either side.
   */
  private stringList(list: readonly string[]): void {
    const joined = list.join('');
    const ascii = Buffer.byteLength(joined, 'utf8') === joined.length;
    this.byte(ascii ? T.latin1List : T.utf8List);
    this.varint(list.length);
    for (const s of list) this.varint(s.length);
    if (!ascii) this.text(joined);
    else {
      this.varint(joined.length);
      this.room(joined.length);
      this.at += this.buf.write(joined, this.at, 'latin1');
    }
  }

  private object(o: Record<string, unknown>): void {
    this.byte(T.object);
    // The count goes before the properties: a byte is kept for it and widened when needed.
    const countAt = this.at;
    this.byte(0);
    let count = 0;
    for (const k in o) {
      const v = o[k];
      if (v === undefined) continue;
      count++;
      const code = KEY_CODE.get(k);
      if (code !== undefined) this.byte(code);
      else {
        this.byte(LITERAL_KEY);
        this.text(k);
      }
      this.value(v);
    }
    if (count < 128) this.buf[countAt] = count;
    else this.widenCount(countAt, count);
  }

  /** Rewrites the one-byte count at `at` as a longer varint, moving what follows. */
  private widenCount(at: number, count: number): void {
    let extra = 0;
    for (let n = count; n >= 128; n = Math.floor(n / 128)) extra++;
    this.room(extra);
    this.buf.copyWithin(at + 1 + extra, at + 1, this.at);
    const end = this.at + extra;
    this.at = at;
    this.varint(count);
    this.at = end;
  }

  private number(n: number): void {
    if (Number.isSafeInteger(n) && !Object.is(n, -0)) {
      this.byte(n >= 0 ? T.uint : T.negint);
      this.varint(Math.abs(n));
      return;
    }
    this.byte(T.float);
    this.room(8);
    f64[0] = n;
    for (let i = 0; i < 8; i++) this.buf[this.at++] = f64Bytes[i]!;
  }

  /** Length-prefixed UTF-8 (a property name outside the table). */
  private text(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.varint(n);
    this.room(n);
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  private string(s: string): void {
    if (s.length >= LONG_MIN) {
      // A long string (a wallet's activity log) is copied in one native write, as latin1
      // when it is ASCII, else as UTF-8: the checks below would hash it twice and scan it
      // for hex and width, to no gain. The decoder numbers it like any string for back
      // references; nothing refers to it.
      if (Buffer.byteLength(s, 'utf8') === s.length) {
        this.byte(T.latin1);
        this.varint(s.length);
        this.room(s.length);
        this.at += this.buf.write(s, this.at, 'latin1');
      } else {
        this.byte(T.utf8);
        this.text(s);
      }
      this.refs++;
      return;
    }
    const word = s.length <= WORD_MAX ? WORD_CODE.get(s) : undefined;
    if (word !== undefined) {
      this.byte(T.word);
      this.byte(word);
      return;
    }
    const ref = s.length >= REF_MIN ? this.seen.get(s) : undefined;
    if (ref !== undefined) {
      this.byte(T.ref);
      this.varint(ref);
      return;
    }
    this.fresh(s);
    if (s.length >= REF_MIN) this.seen.set(s, this.refs++);
  }

  /** A string not written before in this record, in its shortest form. */
  private fresh(s: string): void {
    const ms = s.length === 24 ? isoMs(s) : -1;
    if (ms >= 0) {
      this.byte(T.time);
      this.room(6);
      this.buf.writeUIntBE(ms, this.at, 6);
      this.at += 6;
      return;
    }
    const start = s.length >= HEX_MIN ? hexStart(s) : s.length;
    if (isWide(s, start)) {
      this.byte(T.utf8);
      this.text(s);
    } else if (start < s.length) this.hexTail(s, start);
    else {
      this.byte(T.latin1);
      this.varint(s.length);
      this.room(s.length);
      // A native write costs more than a loop for the short strings records are made of.
      if (s.length > 64) this.at += this.buf.write(s, this.at, 'latin1');
      else for (let i = 0; i < s.length; i++) this.buf[this.at++] = s.charCodeAt(i);
    }
  }

  /** Writes `s` as its head (a string) and its hex run from `start` as bytes. */
  private hexTail(s: string, start: number): void {
    let upper = false;
    for (let i = start; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 65 && c <= 70) {
        upper = true;
        break;
      }
    }
    const digits = s.length - start;
    const tag = upper ? T.mixedHex : T.hex;
    const head = headOf(s, start);
    this.byte(tag);
    this.string(head);
    this.varint(digits / 2);
    this.room(digits / 2 + digits / 8 + 1);
    for (let i = start; i < s.length; i += 2)
      this.buf[this.at++] = (nibble(s.charCodeAt(i)) << 4) | nibble(s.charCodeAt(i + 1));
    if (upper)
      for (let i = 0; i < digits; i += 8) {
        let bits = 0;
        for (let j = 0; j < 8 && i + j < digits; j++) {
          const c = s.charCodeAt(start + i + j);
          if (c >= 65 && c <= 70) bits |= 1 << j;
        }
        this.buf[this.at++] = bits;
      }
  }
}

/** The value of one hex digit (already known to be one). */
function nibble(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

/** Where the trailing hex run of `s` starts (an even number of digits, at least HEX_MIN), or its length. */
function hexStart(s: string): number {
  let start = s.length;
  while (start > 0 && isHexDigit(s.charCodeAt(start - 1))) start--;
  if ((s.length - start) % 2 !== 0) start++;
  return s.length - start >= HEX_MIN ? start : s.length;
}

/** True when a character of `s` before `end` is wider than a byte. */
function isWide(s: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) > 255) return true;
  return false;
}

/**
 * Heads of hex strings met lately (`evm:0x`, `payout.executed:`): reusing the same string
 * object spares hashing a fresh slice for every lookup.
 */
const heads: string[] = [];

function headOf(s: string, end: number): string {
  for (const h of heads) if (h.length === end && s.startsWith(h)) return h;
  const h = s.slice(0, end);
  if (heads.length >= 16) heads.shift();
  heads.push(h);
  return h;
}

const HEX = '0123456789abcdef';

class Decoder {
  private s = '';
  private at = 0;
  private strings: string[] = [];
  private scratch = Buffer.allocUnsafe(1 << 12);

  decode(s: string): unknown {
    this.s = s;
    this.at = 0;
    this.strings = [];
    const v = this.value();
    if (this.at !== s.length) throw new Error('state record: trailing bytes');
    return v;
  }

  private byte(): number {
    if (this.at >= this.s.length) throw new Error('state record: truncated');
    return this.s.charCodeAt(this.at++);
  }

  private varint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      n += (b & 127) * scale;
      if (b < 128) return n;
      scale *= 128;
    }
  }

  private value(): unknown {
    const tag = this.byte();
    switch (tag) {
      case T.null:
        return null;
      case T.false:
        return false;
      case T.true:
        return true;
      case T.uint:
        return this.varint();
      case T.negint:
        return -this.varint();
      case T.float:
        for (let i = 0; i < 8; i++) f64Bytes[i] = this.byte();
        return f64[0];
      case T.array: {
        const n = this.varint();
        const out = new Array(n);
        for (let i = 0; i < n; i++) out[i] = this.value();
        return out;
      }
      case T.latin1List:
      case T.utf8List:
        return this.stringList(tag === T.utf8List);
      case T.object:
        return this.object();
      default:
        return this.string(tag);
    }
  }

  private object(): Record<string, unknown> {
    const n = this.varint();
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const code = this.byte();
      const k = code === LITERAL_KEY ? this.text() : KEYS[code];
      if (k === undefined) throw new Error(`state record: unknown property code ${code}`);
      const v = this.value();
      // A name from input (an asset symbol, a wallet key) must stay a plain property.
      if (k === '__proto__')
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[k] = v;
    }
    return out;
  }

  /** A list written by the encoder's `stringList`. */
  private stringList(utf8: boolean): string[] {
    const n = this.varint();
    const lengths = new Array<number>(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += lengths[i] = this.varint();
    let joined: string;
    if (utf8) joined = this.text();
    else {
      const bytes = this.varint();
      joined = this.s.slice(this.at, this.at + bytes);
      this.at += bytes;
    }
    if (this.at > this.s.length || joined.length !== total)
      throw new Error('state record: bad string list');
    const out = new Array<string>(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      out[i] = joined.slice(at, at + lengths[i]!);
      at += lengths[i]!;
    }
    return out;
  }

  private text(): string {
    const n = this.varint();
    const from = this.at;
    this.at += n;
    if (this.at > this.s.length) throw new Error('state record: truncated');
    return Buffer.from(this.s.slice(from, this.at), 'latin1').toString('utf8');
  }

  private string(tag: number): string {
    if (tag === T.word) {
      const w = WORDS[this.byte()];
      if (w === undefined) throw new Error('state record: unknown word');
      return w;
    }
    if (tag === T.ref) {
      const r = this.strings[this.varint()];
      if (r === undefined) throw new Error('state record: bad back reference');
      return r;
    }
    const s = this.freshString(tag);
    if (s.length >= REF_MIN) this.strings.push(s);
    return s;
  }

  private freshString(tag: number): string {
    switch (tag) {
      case T.latin1: {
        const n = this.varint();
        const from = this.at;
        this.at += n;
        if (this.at > this.s.length) throw new Error('state record: truncated');
        return this.s.slice(from, this.at);
      }
      case T.utf8:
        return this.text();
      case T.time: {
        let ms = 0;
        for (let i = 0; i < 6; i++) ms = ms * 256 + this.byte();
        return isoOf(ms);
      }
      case T.hex:
      case T.mixedHex:
        return this.hex(tag === T.mixedHex);
      default:
        throw new Error(`state record: unknown tag ${tag}`);
    }
  }

  /** A head string and hex bytes, written into one flat string. */
  private hex(mixed: boolean): string {
    const head = this.string(this.byte());
    const n = this.varint();
    const size = head.length + 2 * n;
    if (this.scratch.length < size) this.scratch = Buffer.allocUnsafe(size * 2);
    const buf = this.scratch;
    let at = buf.write(head, 0, 'latin1');
    for (let i = 0; i < n; i++) {
      const b = this.byte();
      buf[at++] = HEX.charCodeAt(b >> 4);
      buf[at++] = HEX.charCodeAt(b & 15);
    }
    if (mixed) {
      const from = head.length;
      for (let i = 0; i < 2 * n; i += 8) {
        const bits = this.byte();
        for (let j = 0; j < 8 && i + j < 2 * n; j++)
          if (bits & (1 << j) && buf[from + i + j]! >= 97)
            buf[from + i + j] = buf[from + i + j]! - 32;
      }
    }
    return buf.toString('latin1', 0, at);
  }
}

const encoder = new Encoder();
const decoder = new Decoder();

/** A state record as its compact string (see the top of this file). */
export function encodeRecord(value: unknown): string {
  return encoder.encode(value);
}

/** The value `encodeRecord` wrote; throws on a string it did not write. */
export function decodeRecord<T = unknown>(packed: string): T {
  return decoder.decode(packed) as T;
}
