import type { Envelope, EventType } from '../../contract/index.ts';
import { canonicalMs } from '../../normalize/event-time.ts';

// A retained event is kept for lookback as one short string instead of an object graph:
// payouts and transfers (the events wallets retain) are written field by field in a fixed
// order, hex written as bytes (`0x` hashes and addresses, event ids), times as epoch ms.
// A string of one-byte characters costs a byte a character; the envelope as objects cost
// about four times its JSON. The layout is fixed in code, never learned at run time, so a
// value read back from the changelog in another process decodes the same. An envelope
// with a field outside the layout is kept whole (the caller stores the object as is).

/** Field paths of each packed type, in the order a rebuilt envelope lists its keys. */
const PAYOUT = [
  'schemaVersion',
  'id',
  'occurredAt',
  'source',
  'data.payoutId',
  'data.workerId',
  'data.amount',
  'data.asset',
  'data.chain',
  'data.toAddress',
  'data.employerId',
  'data.fromAddress',
  'data.txHash',
] as const;
const TRANSFER = [
  'schemaVersion',
  'id',
  'occurredAt',
  'source',
  'data.chain',
  'data.txHash',
  'data.logIndex',
  'data.blockNumber',
  'data.blockHash',
  'data.timestamp',
  'data.asset.symbol',
  'data.asset.contract',
  'data.asset.decimals',
  'data.from',
  'data.to',
  'data.amount',
] as const;

/** The first character of a packed value names its type; these codes never change meaning. */
const layout = (type: EventType, paths: readonly string[], objects: number) => ({
  type,
  idPrefix: `${type}:`,
  paths: paths.map((p) => p.split('.')),
  objects,
});
const LAYOUTS = [
  layout('payout.requested', PAYOUT, 2),
  layout('payout.executed', PAYOUT, 2),
  layout('transfer.observed', TRANSFER, 3),
  layout('transfer.retracted', TRANSFER, 3),
];
const CODE = new Map(LAYOUTS.map((l, i) => [l.type, i + 1]));

/** Counts primitive leaves and objects; -1 when an array or a long string makes packing unsafe. */
function census(value: object, out: { leaves: number; objects: number }): boolean {
  out.objects++;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (Array.isArray(v)) return false;
    if (v !== null && typeof v === 'object') {
      if (!census(v, out)) return false;
    } else out.leaves++;
  }
  return true;
}

/** Each character code's hex value, or -1 when it is no hex digit. */
const HEX_VALUE = new Int8Array(256).fill(-1);
/** 1 for the hex letters A-F. */
const IS_UPPER_HEX = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  if (/[0-9a-fA-F]/.test(ch)) HEX_VALUE[c] = Number.parseInt(ch, 16);
  if (/[A-F]/.test(ch)) IS_UPPER_HEX[c] = 1;
}

/**
 * Writes a packed value byte by byte into one reused buffer, read out as a one-byte
 * string at the end (one native call, no pieces to join).
 */
class Writer {
  readonly buf = Buffer.allocUnsafe(1 << 14);
  at = 0;

  byte(b: number): void {
    this.buf[this.at++] = b;
  }

  /** Raw characters; false when one is wider than a byte (the envelope is then kept whole). */
  text(v: string): boolean {
    this.byte(v.length);
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c > 255) return false;
      this.buf[this.at++] = c;
    }
    return true;
  }

  /**
   * Hex digits of `v` from `from` on as bytes after `kind`; for mixed case `kind` is upper
   * case and a bit per digit follows saying which letters were. False when not hex.
   */
  hex(kind: number, v: string, from: number): boolean {
    const digits = v.length - from;
    if (digits === 0 || digits % 2 !== 0 || digits > 510) return false;
    const start = this.at;
    this.byte(kind);
    this.byte(digits / 2);
    // A loop over a table: a native hex write costs more in call overhead than the 20 or 32
    // bytes of an address or hash take to convert.
    let upper = 0;
    for (let i = from; i < v.length; i += 2) {
      const hi = v.charCodeAt(i);
      const lo = v.charCodeAt(i + 1);
      const h = hi < 256 ? HEX_VALUE[hi]! : -1;
      const l = lo < 256 ? HEX_VALUE[lo]! : -1;
      if ((h | l) < 0) {
        this.at = start;
        return false;
      }
      this.buf[this.at++] = (h << 4) | l;
      upper |= IS_UPPER_HEX[hi]! | IS_UPPER_HEX[lo]!;
    }
    if (upper === 0) return true;
    this.buf[start] = kind - 32;
    for (let i = 0; i < digits; i += 8) {
      let bits = 0;
      for (let j = 0; j < 8 && i + j < digits; j++)
        if (IS_UPPER_HEX[v.charCodeAt(from + i + j)]) bits |= 1 << j;
      this.byte(bits);
    }
    return true;
  }

  done(): string {
    const out = this.buf.toString('latin1', 0, this.at);
    this.at = 0;
    return out;
  }
}
const writer = new Writer();
/** Field kinds as bytes. */
const K = {
  u: 117,
  z: 122,
  t: 116,
  f: 102,
  n: 110,
  s: 115,
  d: 100,
  i: 105,
  x: 120,
  y: 121,
} as const;

/** An ISO time as epoch ms when it reads back the same (`YYYY-MM-DDThh:mm:ss.mmmZ`), else -1. */
export function isoMs(v: string): number {
  const ms = canonicalMs(v);
  return ms >= 0 ? ms : -1;
}

/** Writes one field: a kind byte, then its content (a length first where it varies). */
function packField(w: Writer, v: unknown, idPrefix: string): boolean {
  if (v === undefined) w.byte(K.u);
  else if (v === null) w.byte(K.z);
  else if (typeof v === 'boolean') w.byte(v ? K.t : K.f);
  else if (typeof v === 'number') {
    w.byte(K.n);
    return w.text(String(v));
  } else if (typeof v !== 'string' || v.length > 255) return false;
  else return packString(w, v, idPrefix);
  return true;
}

function packString(w: Writer, v: string, idPrefix: string): boolean {
  const ms = isoMs(v);
  if (ms >= 0 && ms < 2 ** 48) {
    w.byte(K.d);
    // Six bytes, high first, in one native write (a division per byte cost 5% of the engine).
    w.buf.writeUIntBE(ms, w.at, 6);
    w.at += 6;
    return true;
  }
  if (v.startsWith(idPrefix)) {
    w.byte(K.i);
    if (w.hex(K.y, v, idPrefix.length)) return true;
    w.at--;
  }
  if (v.length >= 16) {
    const prefixed = v.charCodeAt(0) === 48 && v.charCodeAt(1) === 120;
    if (w.hex(prefixed ? K.x : K.y, v, prefixed ? 2 : 0)) return true;
  }
  w.byte(K.s);
  return w.text(v);
}

/** The envelope as one packed string, or undefined when it does not fit a layout (keep it whole). */
export function packEvent(e: Envelope): string | undefined {
  const code = CODE.get(e.type);
  if (code === undefined) return undefined;
  const layout = LAYOUTS[code - 1]!;
  const count = { leaves: 0, objects: 0 };
  if (!census(e, count) || count.objects !== layout.objects) return undefined;
  const w = writer;
  w.at = 0;
  w.byte(code);
  let defined = 1; // `type`
  for (const path of layout.paths) {
    let v: unknown = e;
    for (let i = 0; i < path.length; i++)
      v = (v as Record<string, unknown> | undefined)?.[path[i]!];
    if ((v !== null && typeof v === 'object') || !packField(w, v, layout.idPrefix)) {
      w.at = 0;
      return undefined;
    }
    if (v !== undefined) defined++;
  }
  const out = w.done();
  return defined === count.leaves ? out : undefined;
}

/** Reads fields back in order. */
class Reader {
  private at = 1;
  constructor(
    private readonly s: string,
    private readonly type: string,
  ) {}

  private take(n: number): string {
    const out = this.s.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }

  private hex(upper: boolean): string {
    const n = this.s.charCodeAt(this.at++);
    const buf = writer.buf;
    for (let i = 0; i < n; i++) buf[i] = this.s.charCodeAt(this.at++);
    const digits = buf.toString('hex', 0, n);
    if (!upper) return digits;
    const mask = this.take(Math.ceil(digits.length / 8));
    let out = '';
    for (let i = 0; i < digits.length; i++)
      out += (mask.charCodeAt(i >> 3) >> (i & 7)) & 1 ? digits[i]!.toUpperCase() : digits[i];
    return out;
  }

  field(): unknown {
    const kind = this.s[this.at++];
    switch (kind) {
      case 'u':
        return undefined;
      case 'z':
        return null;
      case 't':
      case 'f':
        return kind === 't';
      case 'n':
        return Number(this.take(this.s.charCodeAt(this.at++)));
      case 's':
        return this.take(this.s.charCodeAt(this.at++));
      case 'd': {
        let ms = 0;
        for (let i = 0; i < 6; i++) ms = ms * 256 + this.s.charCodeAt(this.at++);
        return new Date(ms).toISOString();
      }
      case 'i':
        return `${this.type}:${this.hex(this.s[this.at++] === 'Y')}`;
      case 'x':
      case 'X':
        return `0x${this.hex(kind === 'X')}`;
      case 'y':
      case 'Y':
        return this.hex(kind === 'Y');
      default:
        throw new Error(`packed event: unknown field kind ${kind}`);
    }
  }
}

/** Rebuilds the envelope a packed string was made from. */
export function unpackEvent(s: string): Envelope {
  const layout = LAYOUTS[s.charCodeAt(0) - 1];
  if (!layout) throw new Error('packed event: unknown type code');
  const reader = new Reader(s, layout.type);
  const out: Record<string, unknown> = { type: layout.type };
  for (const path of layout.paths) {
    const v = reader.field();
    let into = out;
    for (let i = 0; i < path.length - 1; i++) {
      into[path[i]!] ??= {};
      into = into[path[i]!] as Record<string, unknown>;
    }
    if (v !== undefined) into[path[path.length - 1]!] = v;
  }
  return out as unknown as Envelope;
}
