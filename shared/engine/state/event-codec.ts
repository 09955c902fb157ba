import type { Envelope, EventType } from '../../contract/index.ts';

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
const LAYOUTS: readonly { type: EventType; paths: readonly string[][]; objects: number }[] = [
  { type: 'payout.requested', paths: PAYOUT.map((p) => p.split('.')), objects: 2 },
  { type: 'payout.executed', paths: PAYOUT.map((p) => p.split('.')), objects: 2 },
  { type: 'transfer.observed', paths: TRANSFER.map((p) => p.split('.')), objects: 3 },
  { type: 'transfer.retracted', paths: TRANSFER.map((p) => p.split('.')), objects: 3 },
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

const HEX = /^(0x)?([0-9a-fA-F]{2})+$/;
const chr = String.fromCharCode;

/** Hex as bytes, and for mixed case a bit per digit saying which letters were upper case. */
function packHex(hex: string, prefixed: boolean): string {
  const digits = prefixed ? hex.slice(2) : hex;
  const lower = digits.toLowerCase();
  let bytes = '';
  for (let i = 0; i < lower.length; i += 2)
    bytes += chr(Number.parseInt(lower.slice(i, i + 2), 16));
  if (lower === digits) return (prefixed ? 'x' : 'y') + chr(bytes.length) + bytes;
  let mask = '';
  for (let i = 0; i < digits.length; i += 8) {
    let bits = 0;
    for (let j = 0; j < 8 && i + j < digits.length; j++)
      if (digits[i + j] !== lower[i + j]) bits |= 1 << j;
    mask += chr(bits);
  }
  return (prefixed ? 'X' : 'Y') + chr(bytes.length) + bytes + mask;
}

/** One field: a kind character, then its content (a length first where it varies). */
function packField(v: unknown, type: string): string | undefined {
  if (v === undefined) return 'u';
  if (v === null) return 'z';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return `n${chr(String(v).length)}${v}`;
  if (typeof v !== 'string' || v.length > 255) return undefined;
  const ms = v.length === 24 && v.endsWith('Z') ? Date.parse(v) : Number.NaN;
  if (ms >= 0 && ms < 2 ** 48 && new Date(ms).toISOString() === v) {
    let bytes = '';
    for (let i = 0, n = ms; i < 6; i++, n = Math.floor(n / 256)) bytes = chr(n % 256) + bytes;
    return `d${bytes}`;
  }
  if (v.startsWith(`${type}:`) && HEX.test(v.slice(type.length + 1)))
    return `i${packHex(v.slice(type.length + 1), false)}`;
  if (v.length >= 16 && HEX.test(v)) return packHex(v, v.startsWith('0x'));
  return `s${chr(v.length)}${v}`;
}

/** The envelope as one packed string, or undefined when it does not fit a layout (keep it whole). */
export function packEvent(e: Envelope): string | undefined {
  const code = CODE.get(e.type);
  if (code === undefined) return undefined;
  const layout = LAYOUTS[code - 1]!;
  const count = { leaves: 0, objects: 0 };
  if (!census(e, count) || count.objects !== layout.objects) return undefined;
  // Joined once at the end: a string built with `+=` is a rope of pieces, far larger than its text.
  const out = [chr(code)];
  let defined = 1; // `type`
  for (const path of layout.paths) {
    let v: unknown = e;
    for (const part of path) v = (v as Record<string, unknown> | undefined)?.[part];
    const field = packField(v, e.type);
    if (field === undefined || (v !== null && typeof v === 'object')) return undefined;
    if (v !== undefined) defined++;
    out.push(field);
  }
  return defined === count.leaves ? out.join('') : undefined;
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
    const bytes = this.take(this.s.charCodeAt(this.at++));
    let digits = '';
    for (let i = 0; i < bytes.length; i++)
      digits += bytes.charCodeAt(i).toString(16).padStart(2, '0');
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
